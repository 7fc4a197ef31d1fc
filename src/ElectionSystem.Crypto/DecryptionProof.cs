namespace ElectionSystem.Crypto;

/// <summary>
/// The Chaum–Pedersen proof (Chaum–Pedersen '92, "Wallet databases with observers"; ElectionGuard
/// 2.0 §3.6.3) that a partial decryption D = A^x uses the same x as the trustee's verification key
/// K = g^x, i.e. log_g K = log_A D:
/// <code>
/// w ← random;  a = g^w;  b = A^w
/// c = H("ElectionSystem/v2/decryption", context, K, A, B, D, a, b);  v = w + c·x   (mod L)
/// verify: a = g^v·K^(−c), b = A^v·D^(−c), and c = H(…, a, b)
/// </code>
/// The proof is (c, v). The public key hashed is the trustee's K; the context should name the
/// round, the tally entry and the trustee.
/// </summary>
public sealed record DecryptionProof(Scalar Challenge, Scalar Response)
{
    /// <summary>The Fiat–Shamir domain tag.</summary>
    public const string Tag = "ElectionSystem/v2/decryption";

    /// <summary>Proves D = A^x for the trustee's share x (K = g^x), where ct = (A, B).</summary>
    public static DecryptionProof Prove(ProofContext context, Element verificationKey, Scalar share, Ciphertext ct, Element partial)
    {
        var w = Group.RandomScalar();
        var a = Group.GPow(w);
        var b = ct.A.Pow(w);
        var c = Transcript(context, verificationKey, ct, partial, a, b).Challenge();
        return new DecryptionProof(c, w + c * share);
    }

    /// <summary>True iff the proof shows log_g K = log_A D, in this context.</summary>
    public bool Verify(ProofContext context, Element verificationKey, Ciphertext ct, Element partial)
    {
        if (verificationKey.IsIdentity || partial.IsIdentity || !ct.HasNoIdentity)
            return false;
        var minusC = -Challenge;
        var a = Group.GPow(Response) * verificationKey.Pow(minusC);
        var b = ct.A.Pow(Response) * partial.Pow(minusC);
        if (a.IsIdentity || b.IsIdentity)
            return false;
        return Transcript(context, verificationKey, ct, partial, a, b).Challenge() == Challenge;
    }

    private static FiatShamir Transcript(ProofContext context, Element k, Ciphertext ct, Element d, Element a, Element b) =>
        FiatShamir.Start(Tag, context, k).Ciphertext(ct).Element(d).Element(a).Element(b);
}
