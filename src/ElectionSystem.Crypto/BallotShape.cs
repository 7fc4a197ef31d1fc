namespace ElectionSystem.Crypto;

/// <summary>
/// What a valid ballot of a round is, as the proofs need it (the Domain supplies it, the page and
/// this library restate no rule): R rows (candidates, in ballot order), K ≥ 1 options
/// (option 0 = "valid", option k ≥ 1 = "invalid for reason k" as the Domain lists the reasons of
/// the round), a weight w and a range [lo, hi] such that a plaintext is allowed iff
/// <code>
/// every row x_i ∈ {0, 1};  every option o_k ∈ {0, 1}, exactly one of them 1;  Σ x_i − w·o_0 ∈ [lo, hi]
/// </code>
/// e.g. a list with surplus (n names, s seats): (n, 3, s, 1 − s, 0): valid ⇒ 1 ≤ kept ≤ s,
/// invalid ⇒ every row 0. Spec: docs/verifiable-ballot.md, "Ballot".
/// </summary>
public sealed record BallotShape(int Rows, int Options, int Weight, int Lo, int Hi)
{
    /// <summary>The most rows or options a ballot may have.</summary>
    public const int MaxEntries = 1_000;

    /// <summary>Throws unless 1 ≤ Rows, 1 ≤ Options (both at most <see cref="MaxEntries"/>), 0 ≤ Weight, and [lo, hi] is a range a proof covers.</summary>
    public void Validate()
    {
        if (Rows is < 1 or > MaxEntries || Options is < 1 or > MaxEntries || Weight < 0 || !RangeProof.Covers(Lo, Hi))
            throw new ArgumentException($"Not a ballot shape: {Rows} rows, {Options} options, weight {Weight}, [{Lo}, {Hi}].");
    }
}

/// <summary>A ballot in the clear, as the tablet holds it before encrypting: rows and one-hot options, each 0 or 1.</summary>
public sealed record BallotPlaintext(IReadOnlyList<int> Rows, IReadOnlyList<int> Options)
{
    /// <summary>A ballot marked valid (option 0) with these rows, in a shape of <paramref name="options"/> options.</summary>
    public static BallotPlaintext Valid(IReadOnlyList<int> rows, int options) => Marked(rows, options, 0);

    /// <summary>A ballot with these rows and option <paramref name="option"/> marked (0 = valid, k = invalid for reason k).</summary>
    public static BallotPlaintext Marked(IReadOnlyList<int> rows, int options, int option) =>
        new(rows, [.. Enumerable.Range(0, options).Select(k => k == option ? 1 : 0)]);

    /// <summary>Σ x_i − w·o_0: the value the constraint proof is about.</summary>
    public long ConstraintValue(BallotShape shape) => Rows.Sum() - (long)shape.Weight * Options[0];

    /// <summary>Null when the plaintext is one the shape allows, else what is wrong, in words.</summary>
    public string? Problem(BallotShape shape)
    {
        if (Rows.Count != shape.Rows || Options.Count != shape.Options)
            return $"A ballot of this shape has {shape.Rows} rows and {shape.Options} options, not {Rows.Count} and {Options.Count}.";
        if (Rows.Concat(Options).Any(v => v is not (0 or 1)))
            return "Every row and option is 0 or 1.";
        if (Options.Sum() != 1)
            return $"Exactly one option is marked, not {Options.Sum()}.";
        var value = ConstraintValue(shape);
        return value < shape.Lo || value > shape.Hi
            ? $"Rows kept minus {shape.Weight} × valid is {value}, outside [{shape.Lo}, {shape.Hi}]."
            : null;
    }
}
