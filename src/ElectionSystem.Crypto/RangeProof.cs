using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;

namespace ElectionSystem.Crypto;

/// <summary>
/// Proof that a ciphertext encrypts a value in [lo, hi]: the disjunctive Chaum–Pedersen proof of
/// Cramer–Damgård–Schoenmakers '94 with one branch per value (<see cref="DisjunctiveChaumPedersen"/>,
/// tag "ElectionSystem/v1/range"; ElectionGuard 2.0 §3.3.6 proves the same "at most L"
/// statement this way). Used on the homomorphic sum of a ballot's rows, e.g. [1, seats] on a list
/// with surplus. Size and work grow with hi − lo + 1: fine up to about 60 values.
/// </summary>
public sealed record RangeProof(IReadOnlyList<ProofBranch> Branches)
{
    /// <summary>The Fiat–Shamir domain tag.</summary>
    public const string Tag = "ElectionSystem/v1/range";

    /// <summary>The widest range proved this way (work is linear in its width).</summary>
    public const int MaxWidth = 1_000;

    /// <summary>Proves that c = Enc(m; r) encrypts m ∈ [lo, hi]; refuses an m outside it.</summary>
    public static RangeProof Prove(ProofContext context, ECPoint publicKey, Ciphertext c, BigInteger nonce, long m, long lo, long hi)
    {
        CheckRange(lo, hi);
        if (m < lo || m > hi)
            throw new ArgumentOutOfRangeException(nameof(m), m, $"The value is outside [{lo}, {hi}].");
        return ProveUnchecked(context, publicKey, c, nonce, m, lo, hi);
    }

    /// <summary>The prover's algorithm without the refusal: lets tests play a cheating prover.</summary>
    internal static RangeProof ProveUnchecked(ProofContext context, ECPoint publicKey, Ciphertext c, BigInteger nonce, long claimed, long lo, long hi) =>
        new(DisjunctiveChaumPedersen.Prove(Tag, context, publicKey, c, nonce, claimed, lo, hi));

    /// <summary>True iff the proof shows that c encrypts a value in [lo, hi] under pk, in this context.</summary>
    public bool Verify(ProofContext context, ECPoint publicKey, Ciphertext c, long lo, long hi) =>
        lo >= 0 && hi >= lo && hi - lo < MaxWidth
        && DisjunctiveChaumPedersen.Verify(Tag, context, publicKey, c, Branches, lo, hi);

    private static void CheckRange(long lo, long hi)
    {
        if (lo < 0 || hi < lo || hi - lo >= MaxWidth)
            throw new ArgumentOutOfRangeException(nameof(hi), $"[{lo}, {hi}] is not a range this proof covers.");
    }
}
