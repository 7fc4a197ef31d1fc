using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElectionSystem.Server.Data;

/// <summary>Đại hội: the one congress this data folder holds (one data folder = one congress).</summary>
public sealed class Congress
{
    public Guid Id { get; set; }

    /// <summary>"Đại hội đại biểu Đảng bộ tỉnh … lần thứ XVI".</summary>
    public string Name { get; set; } = "";

    /// <summary>"ĐẢNG BỘ TỈNH …", the body as printed top left on minutes.</summary>
    public string BodyName { get; set; } = "";

    /// <summary>"lần thứ XVI".</summary>
    public string Ordinal { get; set; } = "";

    /// <summary>"2025–2030".</summary>
    public string Term { get; set; } = "";

    public string Place { get; set; } = "";
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }

    /// <summary>DOMAIN.md §2 (configurable): a two-thirds attendance quorum is a warning unless enforced.</summary>
    public bool TwoThirdsQuorumEnforced { get; set; }
}

internal sealed class CongressConfiguration : IEntityTypeConfiguration<Congress>
{
    public void Configure(EntityTypeBuilder<Congress> b)
    {
        b.Property(c => c.Name).HasMaxLength(300);
        b.Property(c => c.BodyName).HasMaxLength(300);
        b.Property(c => c.Ordinal).HasMaxLength(50);
        b.Property(c => c.Term).HasMaxLength(50);
        b.Property(c => c.Place).HasMaxLength(200);
    }
}
