using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElectionSystem.Server.Data;

/// <summary>Phiên họp: attendance is counted per session; exactly one session is current.</summary>
public sealed class CongressSession
{
    public Guid Id { get; set; }
    public int Ordinal { get; set; }

    /// <summary>"Phiên trù bị", "Phiên thứ nhất" …</summary>
    public string Title { get; set; } = "";

    public DateOnly Date { get; set; }
    public TimeOnly? StartsAt { get; set; }
    public bool IsCurrent { get; set; }
}

internal sealed class CongressSessionConfiguration : IEntityTypeConfiguration<CongressSession>
{
    public void Configure(EntityTypeBuilder<CongressSession> b)
    {
        b.Property(s => s.Title).HasMaxLength(200);
        b.HasIndex(s => s.Ordinal).IsUnique();
        // At most one current session, enforced by the database, not by hope.
        b.HasIndex(s => s.IsCurrent).IsUnique().HasFilter("\"IsCurrent\" = 1");
    }
}
