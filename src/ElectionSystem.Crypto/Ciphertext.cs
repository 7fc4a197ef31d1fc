namespace ElectionSystem.Crypto;

/// <summary>
/// An exponential ElGamal ciphertext (A, B) = (g^r, g^m·pk^r) (ElGamal '85, in the exponent as in
/// Cramer–Gennaro–Schoenmakers '97 §2.1). Componentwise product is homomorphic addition:
/// (g^r, g^m·pk^r)·(g^s, g^k·pk^s) = (g^(r+s), g^(m+k)·pk^(r+s)); raising both components to e
/// multiplies the plaintext (and the nonce) by e.
/// </summary>
public sealed record Ciphertext(Element A, Element B)
{
    /// <summary>The homomorphic sum: it encrypts the sum of the two plaintexts.</summary>
    public Ciphertext Add(Ciphertext other) => new(A * other.A, B * other.B);

    /// <summary>(A^e, B^e): it encrypts e·m with nonce e·r.</summary>
    public Ciphertext Pow(Scalar e) => new(A.Pow(e), B.Pow(e));

    /// <summary>True iff neither component is the identity (the verifiers' first check).</summary>
    public bool HasNoIdentity => !A.IsIdentity && !B.IsIdentity;

    /// <summary>The homomorphic sum of one or more ciphertexts.</summary>
    public static Ciphertext Sum(IEnumerable<Ciphertext> ciphertexts)
    {
        Ciphertext? sum = null;
        foreach (var c in ciphertexts)
            sum = sum is null ? c : sum.Add(c);
        return sum ?? throw new ArgumentException("Nothing to add.", nameof(ciphertexts));
    }
}
