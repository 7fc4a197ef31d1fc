using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElectionSystem.Server.Data;

/// <summary>
/// One entry of the append-only, hash-chained audit log (ARCHITECTURE.md invariant 4).
/// Hash = SHA-256 over (Sequence, At, Actor, Action, Subject, DataJson, PreviousHash): see Features/Audit/AuditHash.
/// </summary>
public sealed class AuditEntry
{
    public long Sequence { get; set; }
    public DateTime At { get; set; }
    public string Actor { get; set; } = "";
    public string Action { get; set; } = "";
    public string Subject { get; set; } = "";
    public string DataJson { get; set; } = "{}";
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";
}

/// <summary>
/// The chain head mirrored apart from the entries, so deleting the newest entries is detected too.
/// One row (Id = 1), written in the same transaction as the entries.
/// </summary>
public sealed class AuditHead
{
    public int Id { get; set; }
    public long Sequence { get; set; }
    public string Hash { get; set; } = "";
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.HasKey(e => e.Sequence);
        b.Property(e => e.Sequence).ValueGeneratedNever();
        b.Property(e => e.Actor).HasMaxLength(200);
        b.Property(e => e.Action).HasMaxLength(100);
        b.Property(e => e.Subject).HasMaxLength(300);
        b.Property(e => e.PreviousHash).HasMaxLength(64);
        b.Property(e => e.Hash).HasMaxLength(64);
    }
}

internal sealed class AuditHeadConfiguration : IEntityTypeConfiguration<AuditHead>
{
    public void Configure(EntityTypeBuilder<AuditHead> b)
    {
        b.Property(h => h.Id).ValueGeneratedNever();
        b.Property(h => h.Hash).HasMaxLength(64);
    }
}
