using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Elections;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElectionSystem.Server.Features.PaperEntry;

// Nhập phiếu: paper ballots of a round keyed in by three operators (DOMAIN.md §6). The entries are
// kept by their position in the paper stack (bundle, index) for the entry log and the audit; the
// counted ballots are written apart, as StoredBallots with random ids and no position
// (docs/decisions/0002-paper-entry.md).

/// <summary>Paper entry of one round: opened by the counting committee, completed when every ballot is agreed or ruled.</summary>
public sealed class PaperCount
{
    public Guid RoundId { get; set; }

    /// <summary><see cref="PaperCountState"/>.</summary>
    public PaperCountState State { get; set; } = PaperCountState.Entering;

    /// <summary>No tablets in this round: the round's tablet "issued" is then the tablet ballots alone (0), not everyone present.</summary>
    public bool PaperOnly { get; set; }

    public string OpenedBy { get; set; } = "";
    public DateTime OpenedAt { get; set; }
    public string? CompletedBy { get; set; }
    public DateTime? CompletedAt { get; set; }

    /// <summary>Paper ballots that went into the count at completion.</summary>
    public int Counted { get; set; }
}

/// <summary>Paper entry of a round: keyed in (entering) until the committee completes it.</summary>
public enum PaperCountState { Entering, Completed }

/// <summary>Tập phiếu: a stack of <see cref="Size"/> paper ballots that every station enters in the same order.</summary>
public sealed class PaperBundle
{
    public Guid RoundId { get; set; }
    public int Number { get; set; }
    public int Size { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>Which operator account enters a bundle at which station (1–3): three different accounts per bundle.</summary>
public sealed class PaperBundleStation
{
    public Guid RoundId { get; set; }
    public int BundleNumber { get; set; }
    public int Station { get; set; }
    public string Account { get; set; } = "";
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
}

/// <summary>One station's reading of one paper ballot: canonical BallotJson of what the operator typed.</summary>
public sealed class PaperEntryRow
{
    public Guid RoundId { get; set; }
    public int BundleNumber { get; set; }
    public int Index { get; set; }
    public int Station { get; set; }
    public string Content { get; set; } = "";

    /// <summary>Times the operator changed this entry after first saving it (shown on the entry log).</summary>
    public int Corrections { get; set; }
}

/// <summary>
/// The counting committee's ruling on one paper ballot after looking at it: the content of a
/// disagreement, or an agreed ballot ruled invalid for a reason its marks do not show.
/// </summary>
public sealed class PaperResolution
{
    public Guid RoundId { get; set; }
    public int BundleNumber { get; set; }
    public int Index { get; set; }
    public string Content { get; set; } = "";
    public string Reason { get; set; } = "";
    public string DecidedBy { get; set; } = "";
    public DateTime DecidedAt { get; set; }
}

internal sealed class PaperCountConfiguration : IEntityTypeConfiguration<PaperCount>
{
    public void Configure(EntityTypeBuilder<PaperCount> b)
    {
        b.ToTable("PaperCounts");
        b.HasKey(x => x.RoundId);
        b.HasOne<ElectionRoundRow>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.State).HasConversion(new EnumWordConverter<PaperCountState>()).HasMaxLength(20);
        b.Property(x => x.OpenedBy).HasMaxLength(100);
        b.Property(x => x.CompletedBy).HasMaxLength(100);
    }
}

internal sealed class PaperBundleConfiguration : IEntityTypeConfiguration<PaperBundle>
{
    public void Configure(EntityTypeBuilder<PaperBundle> b)
    {
        b.ToTable("PaperBundles");
        b.HasKey(x => new { x.RoundId, x.Number });
        b.HasOne<PaperCount>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PaperBundleStationConfiguration : IEntityTypeConfiguration<PaperBundleStation>
{
    public void Configure(EntityTypeBuilder<PaperBundleStation> b)
    {
        b.ToTable("PaperBundleStations");
        b.HasKey(x => new { x.RoundId, x.BundleNumber, x.Station });
        b.HasIndex(x => new { x.RoundId, x.BundleNumber, x.Account }).IsUnique();
        b.HasOne<PaperBundle>().WithMany().HasForeignKey(x => new { x.RoundId, x.BundleNumber }).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Account).HasMaxLength(100);
    }
}

internal sealed class PaperEntryConfiguration : IEntityTypeConfiguration<PaperEntryRow>
{
    public void Configure(EntityTypeBuilder<PaperEntryRow> b)
    {
        b.ToTable("PaperEntries");
        b.HasKey(x => new { x.RoundId, x.BundleNumber, x.Index, x.Station });
        b.HasOne<PaperBundleStation>().WithMany().HasForeignKey(x => new { x.RoundId, x.BundleNumber, x.Station }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PaperResolutionConfiguration : IEntityTypeConfiguration<PaperResolution>
{
    public void Configure(EntityTypeBuilder<PaperResolution> b)
    {
        b.ToTable("PaperResolutions");
        b.HasKey(x => new { x.RoundId, x.BundleNumber, x.Index });
        b.HasOne<PaperBundle>().WithMany().HasForeignKey(x => new { x.RoundId, x.BundleNumber }).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Reason).HasMaxLength(500);
        b.Property(x => x.DecidedBy).HasMaxLength(100);
    }
}
