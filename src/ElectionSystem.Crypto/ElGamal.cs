using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;

namespace ElectionSystem.Crypto;

/// <summary>An ElGamal key pair: secret x in [1, n-1], public pk = g^x.</summary>
public sealed record ElGamalKeyPair(BigInteger Secret, ECPoint Public);

/// <summary>
/// Exponential ElGamal over P-256 (ElGamal '85; the "in the exponent" variant of
/// Cramer–Gennaro–Schoenmakers '97, ElectionGuard spec 2.0 §3.2):
/// <code>
/// KeyGen:     x ← [1, n-1],  pk = g^x
/// Enc(m; r):  (A, B) = (g^r, g^m · pk^r),  r ← [1, n-1]
/// Dec(x, c):  B / A^x = g^m          (m itself by a small discrete log: <see cref="DiscreteLog"/>)
/// </code>
/// </summary>
public static class ElGamal
{
    /// <summary>A fresh key pair.</summary>
    public static ElGamalKeyPair GenerateKeyPair()
    {
        var x = Group.RandomScalar();
        return new ElGamalKeyPair(x, Group.GPow(x).Normalize());
    }

    /// <summary>Enc(m; r) = (g^r, g^m·pk^r) with the caller's nonce r (needed by the proofs).</summary>
    public static Ciphertext Encrypt(ECPoint publicKey, long m, BigInteger r)
    {
        if (m < 0)
            throw new ArgumentOutOfRangeException(nameof(m), "Plaintexts are counts, never negative.");
        var a = Group.GPow(r);
        var b = Group.GPow(BigInteger.ValueOf(m)).Add(Group.FixedPow(publicKey, r));
        return new Ciphertext(a.Normalize(), b.Normalize());
    }

    /// <summary>Enc(m) with a fresh nonce; returns the nonce too, for the proofs.</summary>
    public static (Ciphertext Ciphertext, BigInteger Nonce) Encrypt(ECPoint publicKey, long m)
    {
        var r = Group.RandomScalar();
        return (Encrypt(publicKey, m, r), r);
    }

    /// <summary>Dec(x, (A, B)) = B · A^(−x) = g^m.</summary>
    public static ECPoint Decrypt(BigInteger secret, Ciphertext c) =>
        c.B.Subtract(Group.Pow(c.A, secret)).Normalize();

    /// <summary>g^m for a small count m.</summary>
    public static ECPoint Encode(long m) => Group.GPow(BigInteger.ValueOf(m)).Normalize();
}
