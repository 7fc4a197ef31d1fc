using ElectionSystem.Server.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElectionSystem.Server.Features.Duties;

/// <summary>
/// An action that enables a delegate to vote (PIN reset, badge reissue, check-in without the badge)
/// or gives a staff account power (a new account, a password reset, an unlock, a role change),
/// asked for while the congress is in session and carried out only when a counting-committee member
/// approves it from their own session (ADR 0010). Kept, decided or not: the committee's screen lists them all.
/// </summary>
public sealed class DutyRequest
{
    public Guid Id { get; set; }

    /// <summary>One of <see cref="Auth.DutyKinds"/>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>The delegate of a PIN reset, badge reissue or check-in; empty for an account request.</summary>
    public Guid DelegateId { get; set; }
    public string DelegateCode { get; set; } = "";
    public string DelegateName { get; set; } = "";

    /// <summary>
    /// The staff account of an account request (<see cref="Auth.DutyKinds.IsAccount"/>): its id (none
    /// before it is created), user name, display name, and the role it has or is to get.
    /// </summary>
    public Guid? AccountId { get; set; }
    public string? AccountUserName { get; set; }
    public string? AccountDisplayName { get; set; }
    public string? AccountRole { get; set; }

    /// <summary>
    /// A request about a committee member's own delegate needs two other members (ADR 0010): the
    /// first approval is recorded here and the request stays pending; the second carries it out.
    /// </summary>
    public string? FirstApprovedBy { get; set; }
    public Guid? FirstApproverId { get; set; }

    /// <summary>Who asked, as the audit log names them, and their account (to hand them the result).</summary>
    public string RequestedBy { get; set; } = "";
    public Guid? RequestedByAccountId { get; set; }
    public DateTime RequestedAt { get; set; }

    /// <summary>pending, approved or refused.</summary>
    public string State { get; set; } = DutyStates.Pending;

    public string? DecidedBy { get; set; }
    public DateTime? DecidedAt { get; set; }

    /// <summary>What came of it, in Vietnamese ("Đã điểm danh", "Đã cấp mã PIN mới" …).</summary>
    public string? Outcome { get; set; }
}

public static class DutyStates
{
    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Refused = "refused";

    public static string Vi(string state) => state switch
    {
        Pending => "Chờ duyệt",
        Approved => "Đã duyệt",
        Refused => "Từ chối",
        _ => state,
    };
}

internal sealed class DutyRequestConfiguration : IEntityTypeConfiguration<DutyRequest>
{
    public void Configure(EntityTypeBuilder<DutyRequest> b)
    {
        b.ToTable("DutyRequests");
        b.HasKey(r => r.Id);
        b.Property(r => r.Kind).HasMaxLength(40);
        b.Property(r => r.DelegateCode).HasMaxLength(40);
        b.Property(r => r.DelegateName).HasMaxLength(200);
        b.Property(r => r.RequestedBy).HasMaxLength(300);
        b.Property(r => r.State).HasMaxLength(20);
        b.Property(r => r.DecidedBy).HasMaxLength(300);
        b.Property(r => r.Outcome).HasMaxLength(300);
        b.Property(r => r.AccountUserName).HasMaxLength(100);
        b.Property(r => r.AccountDisplayName).HasMaxLength(200);
        b.Property(r => r.AccountRole).HasMaxLength(40);
        b.Property(r => r.FirstApprovedBy).HasMaxLength(300);
        b.HasIndex(r => r.RequestedAt);
    }
}

/// <summary>The duties' table on the hall's database (Data knows no capability's types).</summary>
public static class DutyTables
{
    extension(ElectionDbContext db)
    {
        public DbSet<DutyRequest> DutyRequests => db.Set<DutyRequest>();
    }
}
