using System.Text.Json.Serialization;
using ElectionSystem.Server.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElectionSystem.Server.Features.OpenVotes;

[JsonConverter(typeof(JsonStringEnumConverter<OpenVoteState>))]
public enum OpenVoteState { Draft, Open, Closed }

/// <summary>How the result was taken: on the tablets, or a show of hands counted and typed in.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OpenVoteMethod>))]
public enum OpenVoteMethod { Tablets, ShowOfHands }

/// <summary>Tán thành · Không tán thành · Không biểu quyết.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<VoteChoice>))]
public enum VoteChoice { For, Against, Abstain }

/// <summary>
/// Biểu quyết: one open vote on the session's agenda. The result fields are written once, at close,
/// together with the Base it was measured against and how Base was derived.
/// </summary>
public sealed class OpenVote
{
    public Guid Id { get; set; }
    public Guid SessionId { get; set; }

    /// <summary>Order on the session's agenda.</summary>
    public int Ordinal { get; set; }

    public string Title { get; set; } = "";
    public string? Description { get; set; }

    /// <summary>Decided at creation: when set, who chose what is not kept after close (see OpenVoteService.CloseAsync).</summary>
    public bool Anonymous { get; set; }

    /// <summary>Decided at creation: show the running count on the projector while open. Off: turnout only, the figures at the close.</summary>
    public bool LiveCounts { get; set; }

    public OpenVoteState State { get; set; }
    public OpenVoteMethod? Method { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? OpenedAt { get; set; }
    public DateTime? ClosedAt { get; set; }

    public int? For { get; set; }
    public int? Against { get; set; }

    /// <summary>Chose "Không biểu quyết".</summary>
    public int? AbstainChosen { get; set; }

    /// <summary>Present and eligible at close but did not vote: counted as abstain (DOMAIN.md §3).</summary>
    public int? NotVoted { get; set; }

    /// <summary>AbstainChosen + NotVoted: the "không biểu quyết" of the decision.</summary>
    public int? AbstainTotal { get; set; }

    /// <summary>Eligible delegates present at close.</summary>
    public int? Present { get; set; }

    public int? Base { get; set; }
    public string? BaseExplanation { get; set; }
    public bool? Passed { get; set; }

    /// <summary>When the presidium recorded the decision as printed ("Đã in quyết định"): a show of hands can be corrected only before.</summary>
    public DateTime? DecisionPrintedAt { get; set; }
}

/// <summary>
/// A delegate's choice in an open vote: one row per vote and delegate (the key), so a changed
/// choice replaces the row. For an anonymous vote the choice is cleared at close and the row is
/// left as participation only.
/// </summary>
public sealed class OpenVoteChoice
{
    public Guid VoteId { get; set; }
    public Guid DelegateId { get; set; }
    public VoteChoice? Choice { get; set; }
}

internal sealed class OpenVoteConfiguration : IEntityTypeConfiguration<OpenVote>
{
    public void Configure(EntityTypeBuilder<OpenVote> b)
    {
        b.ToTable("OpenVotes");
        b.HasOne<CongressSession>().WithMany().HasForeignKey(v => v.SessionId).OnDelete(DeleteBehavior.Restrict);
        b.Property(v => v.Title).HasMaxLength(500);
        b.Property(v => v.Description).HasMaxLength(4000);
        b.Property(v => v.State).HasConversion<string>().HasMaxLength(20);
        b.Property(v => v.Method).HasConversion<string>().HasMaxLength(20);
        b.Property(v => v.BaseExplanation).HasMaxLength(500);
        b.HasIndex(v => new { v.SessionId, v.Ordinal }).IsUnique();
        // One open vote at a time in the hall, enforced by the database.
        b.HasIndex(v => v.State).IsUnique().HasFilter("\"State\" = 'Open'");
    }
}

internal sealed class OpenVoteChoiceConfiguration : IEntityTypeConfiguration<OpenVoteChoice>
{
    public void Configure(EntityTypeBuilder<OpenVoteChoice> b)
    {
        b.ToTable("OpenVoteChoices");
        b.HasKey(c => new { c.VoteId, c.DelegateId });
        b.HasOne<OpenVote>().WithMany().HasForeignKey(c => c.VoteId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<CongressDelegate>().WithMany().HasForeignKey(c => c.DelegateId).OnDelete(DeleteBehavior.Restrict);
        b.Property(c => c.Choice).HasConversion<string>().HasMaxLength(20);
    }
}

/// <summary>The open votes' tables on the hall's database (Data knows no capability's types).</summary>
public static class OpenVoteTables
{
    extension(ElectionDbContext db)
    {
        public DbSet<OpenVote> OpenVotes => db.Set<OpenVote>();

        public DbSet<OpenVoteChoice> OpenVoteChoices => db.Set<OpenVoteChoice>();
    }
}
