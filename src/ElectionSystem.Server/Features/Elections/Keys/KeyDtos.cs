using ElectionSystem.Domain.Elections;

namespace ElectionSystem.Server.Features.Elections;

/// <summary>The presidium starts a ceremony over the committee's list: k of n (2 ≤ k ≤ n).</summary>
public sealed record StartCeremonyRequest(int K);

/// <summary>A member's X25519 public key (64 lower-case hex digits) for crypto_box_seal.</summary>
public sealed record BoxKeyRequest(string PublicKey);

/// <summary>A member's dealing: k Feldman commitments (element hex) and n shares, each sealed to its recipient (base64).</summary>
public sealed record DealingRequest(IReadOnlyList<string> Commitments, IReadOnlyList<SealedShare> Shares);

/// <param name="To">The recipient's index (1…n).</param>
/// <param name="Sealed">crypto_box_seal(share's 32 bytes, recipient's box key), base64 (80 bytes).</param>
public sealed record SealedShare(int To, string Sealed);

/// <summary>The dealers whose share failed the member's Feldman check (usually none).</summary>
public sealed record VerificationRequest(IReadOnlyList<int> Complaints);

public sealed record CeremonyDto(
    Guid Id, string State, int K, int N, string? PublicKey, string? Failure, int? You, IReadOnlyList<CeremonyMemberDto> Members);

/// <param name="Complaints">The dealers this member complained about; null until verified.</param>
public sealed record CeremonyMemberDto(
    int Index, string Code, string FullName, string? BoxKey, bool KeyPosted, bool Dealt, bool Verified,
    string? VerificationKey, IReadOnlyList<int>? Complaints);

/// <summary>What a member needs to check their shares: from each dealer, the commitments and the share sealed to them.</summary>
public sealed record SharesForMemberDto(int You, int K, IReadOnlyList<ShareForMember> Shares);

public sealed record ShareForMember(int From, IReadOnlyList<string> Commitments, string Sealed);

/// <summary>
/// An encrypted round as the tablet needs it: the proof context fixed at opening, the joint key,
/// the Domain's layout (what rows and options mean) and the shape the proofs use.
/// </summary>
public sealed record RoundEncryption(IReadOnlyList<string> Context, string PublicKey, BallotShapeDto Shape, BallotLayoutDescription Layout);

public sealed record BallotShapeDto(int R, int K, int W, int Lo, int Hi);

/// <summary>One total (row or option): the product of every ballot's ciphertexts, and its decryption context for the caller.</summary>
public sealed record TotalEntry(string A, string B, IReadOnlyList<string>? Context);

/// <summary>A closed encrypted round's totals, for the committee's decryption.</summary>
/// <param name="You">The caller's trustee index, when a member of the round's ceremony.</param>
/// <param name="Posted">Members whose partial decryption is in (index, name).</param>
public sealed record RoundTotalsDto(
    Guid RoundId, string State, IReadOnlyList<string> Context, string PublicKey, int K, int N, int? You, bool Decrypted,
    int Ballots, IReadOnlyList<TotalEntry> Rows, IReadOnlyList<TotalEntry> Options, IReadOnlyList<Decryptor> Posted);

public sealed record Decryptor(int Index, string FullName);

/// <summary>A member's partial decryptions D_j = A^(x_j) of every total, each with its proof (c, v).</summary>
public sealed record PartialDecryptionRequest(IReadOnlyList<PartialEntry> Rows, IReadOnlyList<PartialEntry> Options);

/// <param name="Share">D_j, element hex.</param>
/// <param name="Proof">[c, v], scalar hex.</param>
public sealed record PartialEntry(string Share, IReadOnlyList<string> Proof);

/// <summary>The live message after each step of the ceremony: which ceremony, its state now.</summary>
public sealed record CeremonySignal(Guid CeremonyId, string State);
