namespace ElectionSystem.Crypto;

/// <summary>
/// What a proof is about, beyond its statement: the identifiers the caller names (congress,
/// election, round, then e.g. "row", "3"), in order. Every Fiat–Shamir challenge hashes them, so a
/// proof made for one round, ballot row or trustee does not verify for another
/// (the "full context" of Bernhard–Pereira–Warinschi '12, "How not to prove yourself").
/// </summary>
public sealed class ProofContext
{
    private ProofContext(IReadOnlyList<string> parts) => Parts = parts;

    /// <summary>The identifiers, in the order they are hashed.</summary>
    public IReadOnlyList<string> Parts { get; }

    /// <summary>A context of the given identifiers (at least one; none empty).</summary>
    public static ProofContext Of(params string[] parts)
    {
        if (parts.Length == 0 || parts.Any(string.IsNullOrEmpty))
            throw new ArgumentException("A proof context names at least one non-empty identifier.", nameof(parts));
        return new ProofContext([.. parts]);
    }

    /// <summary>This context narrowed by more identifiers (e.g. .With("row", "3")).</summary>
    public ProofContext With(params string[] more) => Of([.. Parts, .. more]);

    /// <inheritdoc />
    public override string ToString() => string.Join('/', Parts);
}
