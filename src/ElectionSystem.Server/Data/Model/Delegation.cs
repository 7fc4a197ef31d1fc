using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElectionSystem.Server.Data;

/// <summary>Đoàn đại biểu: the delegates of one subordinate party organisation.</summary>
public sealed class Delegation
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public int SortOrder { get; set; }
}

internal sealed class DelegationConfiguration : IEntityTypeConfiguration<Delegation>
{
    public void Configure(EntityTypeBuilder<Delegation> b)
    {
        b.Property(d => d.Name).HasMaxLength(300);
        b.HasIndex(d => d.Name).IsUnique();
    }
}
