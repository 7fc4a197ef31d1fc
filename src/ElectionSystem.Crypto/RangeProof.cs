namespace ElectionSystem.Crypto;

/// <summary>
/// Proof that a ciphertext encrypts a value in [lo, hi] (lo may be negative): the disjunctive
/// Chaum–Pedersen proof of Cramer–Damgård–Schoenmakers '94 with one branch per value
/// (<see cref="DisjunctiveChaumPedersen"/>, tag "ElectionSystem/v2/range"; ElectionGuard 2.0 §3.3.6
/// proves its "at most L" statement this way). A ballot uses it twice: [1, 1] on the product of its
/// options (exactly one marked) and [lo, hi] on its constraint ciphertext. Size and work grow with
/// hi − lo + 1: fine up to about 60 values.
/// </summary>
public sealed record RangeProof(IReadOnlyList<ProofBranch> Branches)
{
    /// <summary>The Fiat–Shamir domain tag.</summary>
    public const string Tag = "ElectionSystem/v2/range";

    /// <summary>The widest range proved this way (work is linear in its width).</summary>
    public const int MaxWidth = 1_000;

    /// <summary>The largest |lo|, |hi| accepted (integers map to scalars below 2^62).</summary>
    public const long MaxMagnitude = 1L << 40;

    /// <summary>Proves that c = Enc(m; r) encrypts m ∈ [lo, hi]; refuses an m outside it.</summary>
    public static RangeProof Prove(ProofContext context, Element publicKey, Ciphertext c, Scalar nonce, long m, long lo, long hi) =>
        Prove(context, publicKey, c, nonce, m, lo, hi, Group.RandomScalar);

    /// <summary>As <see cref="Prove(ProofContext, Element, Ciphertext, Scalar, long, long, long)"/> with the proof's
    /// nonces from <paramref name="random"/> (w, then c_j, v_j per simulated branch): known-answer vectors.</summary>
    internal static RangeProof Prove(ProofContext context, Element publicKey, Ciphertext c, Scalar nonce, long m, long lo, long hi, Func<Scalar> random)
    {
        if (!Covers(lo, hi))
            throw new ArgumentOutOfRangeException(nameof(hi), $"[{lo}, {hi}] is not a range this proof covers.");
        if (m < lo || m > hi)
            throw new ArgumentOutOfRangeException(nameof(m), m, $"The value is outside [{lo}, {hi}].");
        return ProveUnchecked(context, publicKey, c, nonce, m, lo, hi, random);
    }

    /// <summary>The prover's algorithm without the refusal: lets tests play a cheating prover.</summary>
    internal static RangeProof ProveUnchecked(ProofContext context, Element publicKey, Ciphertext c, Scalar nonce, long claimed, long lo, long hi, Func<Scalar>? random = null) =>
        new(DisjunctiveChaumPedersen.Prove(Tag, context, publicKey, c, nonce, claimed, lo, hi, random ?? Group.RandomScalar));

    /// <summary>True iff the proof shows that c encrypts a value in [lo, hi] under pk, in this context.</summary>
    public bool Verify(ProofContext context, Element publicKey, Ciphertext c, long lo, long hi) =>
        Covers(lo, hi) && DisjunctiveChaumPedersen.Verify(Tag, context, publicKey, c, Branches, lo, hi);

    /// <summary>True iff lo ≤ hi, both within ±<see cref="MaxMagnitude"/>, and the width is below <see cref="MaxWidth"/>.</summary>
    public static bool Covers(long lo, long hi) =>
        lo <= hi && lo >= -MaxMagnitude && hi <= MaxMagnitude && hi - lo < MaxWidth;
}
