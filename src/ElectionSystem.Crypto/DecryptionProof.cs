using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;

namespace ElectionSystem.Crypto;

/// <summary>
/// The Chaum–Pedersen proof (Chaum–Pedersen '92, "Wallet databases with observers"; ElectionGuard
/// 2.0 §3.6.3) that a partial decryption D = A^x uses the same x as the trustee's verification key
/// K = g^x, i.e. log_g K = log_A D:
/// <code>
/// w ← random;  a = g^w;  b = A^w
/// c = H("ElectionSystem/v1/decryption", context, K, A, B, D, a, b);  v = w + c·x   (mod n)
/// verify: a = g^v·K^(−c), b = A^v·D^(−c), and c = H(…, a, b)
/// </code>
/// The proof is (c, v). The public key hashed is the trustee's K; the context should name the
/// round, the tally and the trustee.
/// </summary>
public sealed record DecryptionProof(BigInteger Challenge, BigInteger Response)
{
    /// <summary>The Fiat–Shamir domain tag.</summary>
    public const string Tag = "ElectionSystem/v1/decryption";

    /// <summary>Proves D = A^x for the trustee's share x (K = g^x), where ct = (A, B).</summary>
    public static DecryptionProof Prove(ProofContext context, ECPoint verificationKey, BigInteger share, Ciphertext ct, ECPoint partial)
    {
        var w = Group.RandomScalar();
        var a = Group.GPow(w).Normalize();
        var b = Group.Pow(ct.A, w).Normalize();
        var c = Transcript(context, verificationKey, ct, partial, a, b).Challenge();
        return new DecryptionProof(c, Group.Reduce(w.Add(c.Multiply(share))));
    }

    /// <summary>True iff the proof shows log_g K = log_A D, in this context.</summary>
    public bool Verify(ProofContext context, ECPoint verificationKey, Ciphertext ct, ECPoint partial)
    {
        if (!DisjunctiveChaumPedersen.Scalar(Challenge) || !DisjunctiveChaumPedersen.Scalar(Response)
            || verificationKey.IsInfinity || partial.IsInfinity || !DisjunctiveChaumPedersen.Valid(ct))
        {
            return false;
        }
        var minusC = Group.Reduce(Challenge.Negate());
        var a = Group.Pow2(Group.G, Response, verificationKey, minusC).Normalize();
        var b = Group.Pow2(ct.A, Response, partial, minusC).Normalize();
        if (a.IsInfinity || b.IsInfinity)
            return false;
        return Transcript(context, verificationKey, ct, partial, a, b).Challenge().Equals(Challenge);
    }

    private static FiatShamir Transcript(ProofContext context, ECPoint k, Ciphertext ct, ECPoint d, ECPoint a, ECPoint b) =>
        FiatShamir.Start(Tag, context, k).Ciphertext(ct).Point(d).Point(a).Point(b);
}
