using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElectionSystem.Server.Data;

/// <summary>Điểm danh: a delegate present at a session. Undo keeps the row (UndoneAt) for the record.</summary>
public sealed class CheckIn
{
    public Guid Id { get; set; }
    public Guid SessionId { get; set; }
    public Guid DelegateId { get; set; }
    public DateTime At { get; set; }
    public string By { get; set; } = "";
    public DateTime? UndoneAt { get; set; }
    public string? UndoneBy { get; set; }
}

internal sealed class CheckInConfiguration : IEntityTypeConfiguration<CheckIn>
{
    public void Configure(EntityTypeBuilder<CheckIn> b)
    {
        b.HasOne<CongressSession>().WithMany().HasForeignKey(c => c.SessionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CongressDelegate>().WithMany().HasForeignKey(c => c.DelegateId).OnDelete(DeleteBehavior.Restrict);
        b.Property(c => c.By).HasMaxLength(100);
        b.Property(c => c.UndoneBy).HasMaxLength(100);
        // At most one active check-in per session and delegate: two desks scanning the same badge
        // at once cannot both succeed.
        b.HasIndex(c => new { c.SessionId, c.DelegateId }).IsUnique().HasFilter("\"UndoneAt\" IS NULL");
    }
}
