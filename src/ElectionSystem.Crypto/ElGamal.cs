namespace ElectionSystem.Crypto;

/// <summary>An ElGamal key pair: secret x in [1, L−1], public pk = g^x.</summary>
public sealed record ElGamalKeyPair(Scalar Secret, Element Public)
{
    /// <summary>Never the secret in a log line, an exception or a failed assertion.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("Public = ").Append(Public);
        return true;
    }
}

/// <summary>
/// Exponential ElGamal over ristretto255 (ElGamal '85; the "in the exponent" variant of
/// Cramer–Gennaro–Schoenmakers '97, ElectionGuard spec 2.0 §3.2):
/// <code>
/// KeyGen:     x ← [1, L−1],  pk = g^x
/// Enc(m; r):  (A, B) = (g^r, g^m · pk^r),  r ← [1, L−1]     (m may be negative: g^(m mod L))
/// Dec(x, c):  B · A^(−x) = g^m          (m itself by a small discrete log: <see cref="DiscreteLog"/>)
/// </code>
/// </summary>
public static class ElGamal
{
    /// <summary>A fresh key pair.</summary>
    public static ElGamalKeyPair GenerateKeyPair() => KeyPair(Group.RandomScalar());

    /// <summary>The key pair of a given secret (tests and known-answer vectors).</summary>
    public static ElGamalKeyPair KeyPair(Scalar secret) => new(secret, Group.GPow(secret));

    /// <summary>Enc(m; r) = (g^r, g^m·pk^r) with the caller's nonce r (needed by the proofs).</summary>
    public static Ciphertext Encrypt(Element publicKey, long m, Scalar r) =>
        new(Group.GPow(r), Group.GPow(m) * publicKey.Pow(r));

    /// <summary>Enc(m) with a fresh nonce; returns the nonce too, for the proofs.</summary>
    public static (Ciphertext Ciphertext, Scalar Nonce) Encrypt(Element publicKey, long m)
    {
        var r = Group.RandomScalar();
        return (Encrypt(publicKey, m, r), r);
    }

    /// <summary>Dec(x, (A, B)) = B · A^(−x) = g^m.</summary>
    public static Element Decrypt(Scalar secret, Ciphertext c) => c.B / c.A.Pow(secret);

    /// <summary>g^m for a count m (g^0 is the identity).</summary>
    public static Element Encode(long m) => Group.GPow(m);
}
