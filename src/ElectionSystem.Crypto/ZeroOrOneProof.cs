namespace ElectionSystem.Crypto;

/// <summary>
/// Proof that a ciphertext encrypts 0 or 1: the disjunctive Chaum–Pedersen proof of
/// Cramer–Damgård–Schoenmakers '94 over the two branches m = 0 and m = 1 (one ballot row or option:
/// marked or not), exactly <see cref="DisjunctiveChaumPedersen"/> with [lo, hi] = [0, 1] and tag
/// "ElectionSystem/v2/zero-or-one". Branches in order: (c₀, v₀), (c₁, v₁).
/// </summary>
public sealed record ZeroOrOneProof(IReadOnlyList<ProofBranch> Branches)
{
    /// <summary>The Fiat–Shamir domain tag.</summary>
    public const string Tag = "ElectionSystem/v2/zero-or-one";

    /// <summary>Proves that c = Enc(m; r) under pk encrypts m ∈ {0, 1}; refuses any other m.</summary>
    public static ZeroOrOneProof Prove(ProofContext context, Element publicKey, Ciphertext c, Scalar nonce, int m) =>
        Prove(context, publicKey, c, nonce, m, Group.RandomScalar);

    /// <summary>As <see cref="Prove(ProofContext, Element, Ciphertext, Scalar, int)"/> with the proof's nonces from
    /// <paramref name="random"/> (w, then c_j, v_j of the simulated branch): known-answer vectors.</summary>
    internal static ZeroOrOneProof Prove(ProofContext context, Element publicKey, Ciphertext c, Scalar nonce, int m, Func<Scalar> random)
    {
        if (m is not (0 or 1))
            throw new ArgumentOutOfRangeException(nameof(m), m, "A 0/1 proof is only for 0 or 1.");
        return ProveUnchecked(context, publicKey, c, nonce, m, random);
    }

    /// <summary>The prover's algorithm without the refusal: lets tests play a cheating prover.</summary>
    internal static ZeroOrOneProof ProveUnchecked(ProofContext context, Element publicKey, Ciphertext c, Scalar nonce, int claimed, Func<Scalar>? random = null) =>
        new(DisjunctiveChaumPedersen.Prove(Tag, context, publicKey, c, nonce, claimed, 0, 1, random ?? Group.RandomScalar));

    /// <summary>True iff the proof shows that c encrypts 0 or 1 under pk, in this context.</summary>
    public bool Verify(ProofContext context, Element publicKey, Ciphertext c) =>
        DisjunctiveChaumPedersen.Verify(Tag, context, publicKey, c, Branches, 0, 1);
}
