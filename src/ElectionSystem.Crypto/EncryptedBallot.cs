namespace ElectionSystem.Crypto;

/// <summary>
/// What a ballot of a round looks like, as the proofs need it: the number of rows (names, in
/// ballot order) and how many rows a ballot may keep, e.g. [1, seats] on a list with surplus
/// (DOMAIN.md §4.2: no more names than seats, not all struck out). The Domain supplies it.
/// </summary>
public sealed record BallotShape(int Rows, int MinSelected, int MaxSelected)
{
    /// <summary>Throws unless 1 ≤ Rows and 0 ≤ MinSelected ≤ MaxSelected ≤ Rows.</summary>
    public void Validate()
    {
        if (Rows < 1 || MinSelected < 0 || MinSelected > MaxSelected || MaxSelected > Rows)
            throw new ArgumentException($"Not a ballot shape: {Rows} rows, keep {MinSelected}–{MaxSelected}.");
    }
}

/// <summary>One row: Enc(0 or 1) and its proof that it is 0 or 1.</summary>
public sealed record EncryptedRow(Ciphertext Ciphertext, ZeroOrOneProof Proof);

/// <summary>An encrypted ballot: its rows in ballot order and the range proof on their homomorphic sum.</summary>
public sealed record EncryptedBallot(IReadOnlyList<EncryptedRow> Rows, RangeProof SumProof);

/// <summary>The outcome of checking a ballot: valid, or the first thing that fails, in words.</summary>
public sealed record BallotCheck(bool IsValid, string? Failure)
{
    /// <summary>Every check passed.</summary>
    public static BallotCheck Valid { get; } = new(true, null);

    /// <summary>A failed check, naming what failed.</summary>
    public static BallotCheck Fails(string failure) => new(false, failure);
}
