using ElectionSystem.Server.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElectionSystem.Server.Features.Elections;

// How the election entities map to tables (ballots and receipts: see ElectionSchema).

internal sealed class ElectionConfiguration : IEntityTypeConfiguration<Election>
{
    public void Configure(EntityTypeBuilder<Election> b)
    {
        b.ToTable("Elections");
        b.Property(e => e.Kind).HasMaxLength(30);
        b.Property(e => e.Title).HasMaxLength(300);
        b.Property(e => e.SeatsSetByVote).HasMaxLength(200);
    }
}

internal sealed class ElectionCandidateConfiguration : IEntityTypeConfiguration<ElectionCandidate>
{
    public void Configure(EntityTypeBuilder<ElectionCandidate> b)
    {
        b.ToTable("ElectionCandidates");
        b.HasOne<Election>().WithMany().HasForeignKey(c => c.ElectionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.ElectionId, c.Number }).IsUnique();
        b.Property(c => c.FullName).HasMaxLength(200);
        b.Property(c => c.Delegation).HasMaxLength(300);
        b.Property(c => c.Status).HasMaxLength(20);
        b.Property(c => c.DecidedBy).HasMaxLength(200);
        b.Ignore(c => c.BallotId);
    }
}

internal sealed class ElectionRoundConfiguration : IEntityTypeConfiguration<ElectionRoundRow>
{
    public void Configure(EntityTypeBuilder<ElectionRoundRow> b)
    {
        b.ToTable("ElectionRounds");
        b.HasOne<Election>().WithMany().HasForeignKey(r => r.ElectionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.ElectionId, r.Number }).IsUnique();
        b.Property(r => r.Purpose).HasMaxLength(20);
        b.Property(r => r.Kind).HasMaxLength(30);
        b.Property(r => r.State).HasConversion(new EnumWordConverter<RoundState>()).HasMaxLength(20);
        b.Property(r => r.DecidedBy).HasMaxLength(200);
        b.Property(r => r.RecordSha256).HasMaxLength(64);
        b.Property(r => r.FirstConfirmedBy).HasMaxLength(100);
        b.Property(r => r.SecondConfirmedBy).HasMaxLength(100);
        b.Property(r => r.AnnouncedBy).HasMaxLength(100);
        b.Property(r => r.ResultOrder).HasMaxLength(10);
    }
}

internal sealed class RoundCandidateConfiguration : IEntityTypeConfiguration<RoundCandidate>
{
    public void Configure(EntityTypeBuilder<RoundCandidate> b)
    {
        b.ToTable("RoundCandidates");
        b.HasKey(r => new { r.RoundId, r.CandidateId });
        b.HasOne<ElectionRoundRow>().WithMany().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ElectionCandidate>().WithMany().HasForeignKey(r => r.CandidateId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ParticipationConfiguration : IEntityTypeConfiguration<Participation>
{
    public void Configure(EntityTypeBuilder<Participation> b)
    {
        b.ToTable("Participations");
        b.HasKey(p => new { p.RoundId, p.DelegateId });
        b.HasOne<ElectionRoundRow>().WithMany().HasForeignKey(p => p.RoundId).OnDelete(DeleteBehavior.Restrict);
        b.Property(p => p.KeyHash).HasMaxLength(64);
    }
}

internal sealed class CountingCommitteeMemberConfiguration : IEntityTypeConfiguration<CountingCommitteeMember>
{
    public void Configure(EntityTypeBuilder<CountingCommitteeMember> b)
    {
        b.ToTable("CountingCommitteeMembers");
        b.Property(m => m.FullName).HasMaxLength(200);
        b.HasIndex(m => m.DelegateId);
        b.Property(m => m.SecurityStamp).HasMaxLength(64);
        b.Property(m => m.ActivationHash).HasMaxLength(64);
        b.Property(m => m.PassphraseHash).HasMaxLength(200);
    }
}

/// <summary>Ballots and receipts are created by <see cref="ElectionSchema"/> as WITHOUT ROWID tables; EF only reads and writes them.</summary>
internal sealed class StoredBallotConfiguration : IEntityTypeConfiguration<StoredBallot>
{
    public void Configure(EntityTypeBuilder<StoredBallot> b)
    {
        b.ToTable(ElectionSchema.BallotsTable, t => t.ExcludeFromMigrations());
        // The table's own key is (RoundId, Id) on SQLite (migration BallotsClusteredByRound); EF needs a key only to
        // track what it reads, and Id alone is one (a random 128-bit id or a tracker).
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
    }
}

internal sealed class ReceiptConfiguration : IEntityTypeConfiguration<Receipt>
{
    public void Configure(EntityTypeBuilder<Receipt> b)
    {
        b.ToTable(ElectionSchema.ReceiptsTable, t => t.ExcludeFromMigrations());
        b.HasKey(x => new { x.RoundId, x.Code, x.Nonce });
    }
}
