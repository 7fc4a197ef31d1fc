using Org.BouncyCastle.Math.EC;

namespace ElectionSystem.Crypto;

/// <summary>
/// An exponential ElGamal ciphertext (A, B) = (g^r, g^m·pk^r) (ElGamal '85, in the exponent as in
/// Cramer–Gennaro–Schoenmakers '97 §2.1). Componentwise product is homomorphic addition:
/// (g^r, g^m·pk^r)·(g^s, g^k·pk^s) = (g^(r+s), g^(m+k)·pk^(r+s)).
/// </summary>
public sealed record Ciphertext(ECPoint A, ECPoint B)
{
    /// <summary>The homomorphic sum: it encrypts the sum of the two plaintexts.</summary>
    public Ciphertext Add(Ciphertext other) => new(A.Add(other.A).Normalize(), B.Add(other.B).Normalize());

    /// <summary>The homomorphic sum of one or more ciphertexts.</summary>
    public static Ciphertext Sum(IEnumerable<Ciphertext> ciphertexts)
    {
        // Projective additions, one normalisation (field inversion) at the end.
        ECPoint? a = null, b = null;
        foreach (var c in ciphertexts)
            (a, b) = a is null || b is null ? (c.A, c.B) : (a.Add(c.A), b.Add(c.B));
        if (a is null || b is null)
            throw new ArgumentException("Nothing to add.", nameof(ciphertexts));
        return new Ciphertext(a.Normalize(), b.Normalize());
    }
}
