using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElectionSystem.Server.Data;

/// <summary>
/// A key that lets a screen (projector) in as role "display" without a person signing in.
/// Only its SHA-256 is stored; the key itself is shown once when made.
/// </summary>
public sealed class DisplayKey
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string KeyHash { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public bool Revoked { get; set; }
}

internal sealed class DisplayKeyConfiguration : IEntityTypeConfiguration<DisplayKey>
{
    public void Configure(EntityTypeBuilder<DisplayKey> b)
    {
        b.Property(k => k.Name).HasMaxLength(100);
        b.Property(k => k.KeyHash).HasMaxLength(64);
        b.HasIndex(k => k.KeyHash).IsUnique();
    }
}
