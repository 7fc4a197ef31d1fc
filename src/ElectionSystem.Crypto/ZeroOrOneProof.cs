using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;

namespace ElectionSystem.Crypto;

/// <summary>
/// Proof that a ciphertext encrypts 0 or 1: the disjunctive Chaum–Pedersen proof of
/// Cramer–Damgård–Schoenmakers '94 over the two branches m = 0 and m = 1 (one ballot row: kept or
/// struck out), exactly <see cref="DisjunctiveChaumPedersen"/> with [lo, hi] = [0, 1] and tag
/// "ElectionSystem/v1/zero-or-one". Branches in order: (c₀, v₀), (c₁, v₁).
/// </summary>
public sealed record ZeroOrOneProof(IReadOnlyList<ProofBranch> Branches)
{
    /// <summary>The Fiat–Shamir domain tag.</summary>
    public const string Tag = "ElectionSystem/v1/zero-or-one";

    /// <summary>Proves that c = Enc(m; r) under pk encrypts m ∈ {0, 1}; refuses any other m.</summary>
    public static ZeroOrOneProof Prove(ProofContext context, ECPoint publicKey, Ciphertext c, BigInteger nonce, int m)
    {
        if (m is not (0 or 1))
            throw new ArgumentOutOfRangeException(nameof(m), m, "A 0/1 proof is only for 0 or 1.");
        return ProveUnchecked(context, publicKey, c, nonce, m);
    }

    /// <summary>The prover's algorithm without the refusal: lets tests play a cheating prover.</summary>
    internal static ZeroOrOneProof ProveUnchecked(ProofContext context, ECPoint publicKey, Ciphertext c, BigInteger nonce, int claimed) =>
        new(DisjunctiveChaumPedersen.Prove(Tag, context, publicKey, c, nonce, claimed, 0, 1));

    /// <summary>True iff the proof shows that c encrypts 0 or 1 under pk, in this context.</summary>
    public bool Verify(ProofContext context, ECPoint publicKey, Ciphertext c) =>
        DisjunctiveChaumPedersen.Verify(Tag, context, publicKey, c, Branches, 0, 1);
}
