using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElectionSystem.Server.Features.Elections;

/// <summary>
/// Lễ tạo khóa: the counting committee's key ceremony (Pedersen Joint-Feldman, k of n), over the
/// committee's list as it was when the presidium started it. Public parts only: the members' box
/// keys, the Feldman commitments, the shares sealed to their recipients (only the recipient can
/// open one), the joint key pk and each member's verification key K_j. The latest ceremony is the
/// current one; a round opened while it is ready is encrypted to its pk (<see cref="EncryptedRound"/>).
/// </summary>
public sealed class KeyCeremony
{
    public Guid Id { get; set; }

    /// <summary>1, 2, …: the latest is the current ceremony.</summary>
    public int Number { get; set; }

    /// <summary>k: how many members must take part to decrypt.</summary>
    public int Threshold { get; set; }

    /// <summary>n: members on the list when it started.</summary>
    public int Members { get; set; }

    /// <summary>One of <see cref="CeremonyStates"/>.</summary>
    public string State { get; set; } = CeremonyStates.Keys;

    public DateTime StartedAt { get; set; }
    public string StartedBy { get; set; } = "";

    /// <summary>pk = Π_i C_{i,0}, hex; set when ready.</summary>
    public string? PublicKey { get; set; }

    /// <summary>Why it failed, in words: who complained about whom.</summary>
    public string? Failure { get; set; }
}

/// <summary>Where a ceremony is: keys → dealing → verifying → ready, or failed (a new one must be started).</summary>
public static class CeremonyStates
{
    public const string Keys = "keys";
    public const string Dealing = "dealing";
    public const string Verifying = "verifying";
    public const string Ready = "ready";
    public const string Failed = "failed";
}

/// <summary>Member j (index 1…n) of a ceremony and what they have posted; all public.</summary>
public sealed class CeremonyMember
{
    public Guid CeremonyId { get; set; }
    public int Index { get; set; }
    public Guid DelegateId { get; set; }
    public string Code { get; set; } = "";
    public string FullName { get; set; } = "";

    /// <summary>X25519 public key (hex) the others seal this member's shares to.</summary>
    public string? BoxKey { get; set; }

    /// <summary>The k Feldman commitments C_{j,0…k−1}, JSON array of hex.</summary>
    public string? Commitments { get; set; }

    /// <summary>The n sealed shares f_j(1…n), JSON array of base64 in recipient order.</summary>
    public string? SealedShares { get; set; }

    /// <summary>Dealers whose share failed this member's check (JSON array of indices); null until verified.</summary>
    public string? Complaints { get; set; }

    /// <summary>K_j = g^(x_j), hex; set when the ceremony is ready.</summary>
    public string? VerificationKey { get; set; }
}

/// <summary>
/// A round opened while a ceremony was ready: its ballots are encrypted to that ceremony's pk and
/// checked against the proof context fixed here at opening; at close the totals are stored, and
/// the round is counted when k members' partial decryptions are in.
/// </summary>
public sealed class EncryptedRound
{
    public Guid RoundId { get; set; }
    public Guid CeremonyId { get; set; }

    /// <summary>The round's proof context: JSON array of strings, [congress id, election id, "round", number].</summary>
    public string Context { get; set; } = "";

    /// <summary>At close: {"rows":[{"a","b"}…],"options":[…]}, the products of every ballot's ciphertexts.</summary>
    public string? Totals { get; set; }

    public DateTime? DecryptedAt { get; set; }
}

/// <summary>Member j's partial decryption of a closed round's totals, its proofs checked against K_j when posted.</summary>
public sealed class PartialDecryptionRow
{
    public Guid RoundId { get; set; }
    public int Index { get; set; }

    /// <summary>{"rows":[{"share","proof":[c,v]}…],"options":[…]} as posted.</summary>
    public string Json { get; set; } = "";

    public DateTime PostedAt { get; set; }
}

internal sealed class KeyCeremonyConfiguration : IEntityTypeConfiguration<KeyCeremony>
{
    public void Configure(EntityTypeBuilder<KeyCeremony> b)
    {
        b.ToTable("KeyCeremonies");
        b.Property(c => c.State).HasMaxLength(20);
        b.Property(c => c.StartedBy).HasMaxLength(200);
        b.Property(c => c.PublicKey).HasMaxLength(64);
    }
}

internal sealed class CeremonyMemberConfiguration : IEntityTypeConfiguration<CeremonyMember>
{
    public void Configure(EntityTypeBuilder<CeremonyMember> b)
    {
        b.ToTable("CeremonyMembers");
        b.HasKey(m => new { m.CeremonyId, m.Index });
        b.HasOne<KeyCeremony>().WithMany().HasForeignKey(m => m.CeremonyId).OnDelete(DeleteBehavior.Cascade);
        b.Property(m => m.Code).HasMaxLength(50);
        b.Property(m => m.FullName).HasMaxLength(200);
        b.Property(m => m.BoxKey).HasMaxLength(64);
        b.Property(m => m.VerificationKey).HasMaxLength(64);
    }
}

internal sealed class EncryptedRoundConfiguration : IEntityTypeConfiguration<EncryptedRound>
{
    public void Configure(EntityTypeBuilder<EncryptedRound> b)
    {
        b.ToTable("EncryptedRounds");
        b.HasKey(r => r.RoundId);
        b.HasOne<ElectionRoundRow>().WithOne().HasForeignKey<EncryptedRound>(r => r.RoundId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<KeyCeremony>().WithMany().HasForeignKey(r => r.CeremonyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PartialDecryptionConfiguration : IEntityTypeConfiguration<PartialDecryptionRow>
{
    public void Configure(EntityTypeBuilder<PartialDecryptionRow> b)
    {
        b.ToTable("PartialDecryptions");
        b.HasKey(p => new { p.RoundId, p.Index });
        b.HasOne<EncryptedRound>().WithMany().HasForeignKey(p => p.RoundId).OnDelete(DeleteBehavior.Restrict);
    }
}
