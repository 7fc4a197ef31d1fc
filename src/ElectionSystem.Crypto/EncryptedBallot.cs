namespace ElectionSystem.Crypto;

/// <summary>One row or option: Enc(0 or 1) and its proof that it is 0 or 1.</summary>
public sealed record EncryptedRow(Ciphertext Ciphertext, ZeroOrOneProof Proof);

/// <summary>
/// An encrypted ballot: its rows in ballot order, its options in the shape's order, the selector
/// proof (the options' product encrypts 1: <see cref="RangeProof"/> over [1, 1]) and the
/// constraint proof (Π rows · option₀^(−w) encrypts a value in [lo, hi]).
/// </summary>
public sealed record EncryptedBallot(
    IReadOnlyList<EncryptedRow> Rows,
    IReadOnlyList<EncryptedRow> Options,
    RangeProof Selector,
    RangeProof Constraint);

/// <summary>The outcome of checking a ballot: valid, or the first thing that fails, in words.</summary>
public sealed record BallotCheck(bool IsValid, string? Failure)
{
    /// <summary>Every check passed.</summary>
    public static BallotCheck Valid { get; } = new(true, null);

    /// <summary>A failed check, naming what failed.</summary>
    public static BallotCheck Fails(string failure) => new(false, failure);
}
