using ElectionSystem.Domain.Congress;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElectionSystem.Server.Data;

/// <summary>
/// Đại biểu: one person on the delegate list. Named CongressDelegate (table "Delegates") because
/// <c>Delegate</c> would collide with <see cref="System.Delegate"/> in every file that uses it.
/// </summary>
public sealed class CongressDelegate
{
    public Guid Id { get; set; }

    /// <summary>Mã đại biểu: unique, printed on the badge; re-imports match on it.</summary>
    public string Code { get; set; } = "";

    /// <summary>NFC, single spaces (VietnameseText.Normalize).</summary>
    public string FullName { get; set; } = "";

    /// <summary>VietnameseText.FoldForSearch(FullName): "nguyen van an".</summary>
    public string SearchKey { get; set; } = "";

    public DateOnly? BirthDate { get; set; }
    public Guid DelegationId { get; set; }
    public Delegation? Delegation { get; set; }
    public string? Position { get; set; }
    public DelegateCategory Category { get; set; }
    public string? Seat { get; set; }

    /// <summary>Ủy viên cấp ủy triệu tập (ex-officio delegates are).</summary>
    public bool IsConveningCommitteeMember { get; set; }

    /// <summary>Recorded by the organisers: absent for the whole congress (DOMAIN.md §2).</summary>
    public bool AbsentWholeCongress { get; set; }

    /// <summary>An alternate summoned to replace this official delegate: set means "summoned".</summary>
    public Guid? ReplacesDelegateId { get; set; }

    /// <summary>Incremented when a badge is re-issued: tokens of older versions are revoked.</summary>
    public int BadgeVersion { get; set; } = 1;

    /// <summary>Counts as summoned (được triệu tập): official, ex-officio, or an alternate replacing someone.</summary>
    public bool IsSummoned => Summoned(Category, ReplacesDelegateId);

    /// <summary>The one place that says who is summoned (DOMAIN.md §1–2).</summary>
    public static bool Summoned(DelegateCategory category, Guid? replacesDelegateId) =>
        category != DelegateCategory.Alternate || replacesDelegateId is not null;
}

internal sealed class CongressDelegateConfiguration : IEntityTypeConfiguration<CongressDelegate>
{
    public void Configure(EntityTypeBuilder<CongressDelegate> b)
    {
        b.ToTable("Delegates");
        b.Property(d => d.Code).HasMaxLength(50);
        b.HasIndex(d => d.Code).IsUnique();
        b.Property(d => d.FullName).HasMaxLength(200);
        b.Property(d => d.SearchKey).HasMaxLength(200);
        b.HasIndex(d => d.SearchKey);
        b.Property(d => d.Position).HasMaxLength(300);
        b.Property(d => d.Seat).HasMaxLength(50);
        b.Property(d => d.Category).HasConversion<string>().HasMaxLength(20);
        b.HasOne(d => d.Delegation).WithMany().HasForeignKey(d => d.DelegationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CongressDelegate>().WithMany().HasForeignKey(d => d.ReplacesDelegateId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(d => d.ReplacesDelegateId).IsUnique().HasFilter("\"ReplacesDelegateId\" IS NOT NULL");
        b.Ignore(d => d.IsSummoned);
    }
}
