using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;
using Org.BouncyCastle.Math.EC.Multiplier;
using Org.BouncyCastle.Utilities;

namespace ElectionSystem.Crypto;

/// <summary>
/// The group: NIST P-256 (SEC 2 secp256r1; FIPS 186-4 D.1.2.3), prime order n, cofactor 1, written
/// multiplicatively in the papers and additively by BouncyCastle (g^a = a·G, X·Y = X + Y).
/// Encodings (identical in the browser with @noble/curves p256):
/// <list type="bullet">
/// <item>element: compressed SEC1 (SEC 1 v2 §2.3.3), 33 bytes, 02/03 ‖ x, as 66 lower-case hex
/// digits; the point at infinity, off-curve x, and x ≥ p are rejected;</item>
/// <item>scalar: an integer in [0, n-1] as 32 bytes big-endian, 64 lower-case hex digits;
/// anything else (≥ n, wrong length, upper case) is rejected: one value, one encoding.</item>
/// </list>
/// Randomness: <see cref="System.Security.Cryptography.RandomNumberGenerator"/>, uniform in [1, n-1] by rejection sampling.
/// </summary>
public static class Group
{
    private static readonly X9ECParameters Parameters = ECNamedCurveTable.GetByName("P-256");
    private static readonly FixedPointCombMultiplier Comb = new();

    /// <summary>The curve y² = x³ − 3x + b over F_p.</summary>
    public static ECCurve Curve { get; } = Parameters.Curve;

    /// <summary>The standard generator g.</summary>
    public static ECPoint G { get; } = Parameters.G;

    /// <summary>The group order n (prime).</summary>
    public static BigInteger N { get; } = Parameters.N;

    /// <summary>The identity (point at infinity); never encoded.</summary>
    public static ECPoint Identity => Curve.Infinity;

    /// <summary>g^s, with the fixed-base comb (precomputed once for g).</summary>
    public static ECPoint GPow(BigInteger s) => Comb.Multiply(G, Reduce(s));

    /// <summary>x^s for a base used many times (a public key): comb precomputation cached on x.</summary>
    public static ECPoint FixedPow(ECPoint x, BigInteger s) => Comb.Multiply(x, Reduce(s));

    /// <summary>x^s.</summary>
    public static ECPoint Pow(ECPoint x, BigInteger s) => x.Multiply(Reduce(s));

    /// <summary>x^a · y^b (Shamir's trick).</summary>
    public static ECPoint Pow2(ECPoint x, BigInteger a, ECPoint y, BigInteger b) =>
        ECAlgorithms.SumOfTwoMultiplies(x, Reduce(a), y, Reduce(b));

    /// <summary>s mod n, in [0, n-1].</summary>
    public static BigInteger Reduce(BigInteger s) => s.Mod(N);

    /// <summary>A uniform scalar in [1, n-1]: 32 random bytes, rejected and redrawn when 0 or ≥ n.</summary>
    public static BigInteger RandomScalar()
    {
        Span<byte> bytes = stackalloc byte[32];
        while (true)
        {
            System.Security.Cryptography.RandomNumberGenerator.Fill(bytes);
            var s = new BigInteger(1, bytes);
            if (s.SignValue > 0 && s.CompareTo(N) < 0)
                return s;
        }
    }

    /// <summary>The 33-byte compressed SEC1 encoding of a group element.</summary>
    public static byte[] PointBytes(ECPoint x)
    {
        if (x.IsInfinity)
            throw new ArgumentException("The point at infinity has no encoding here.", nameof(x));
        return x.GetEncoded(true);
    }

    /// <summary>The element as 66 lower-case hex digits.</summary>
    public static string EncodePoint(ECPoint x) => Convert.ToHexStringLower(PointBytes(x));

    /// <summary>Decodes and validates an element (see the class summary); throws <see cref="FormatException"/>.</summary>
    public static ECPoint DecodePoint(string hex)
    {
        var bytes = LowerHex(hex, 66, "An element");
        if (bytes[0] is not (0x02 or 0x03))
            throw new FormatException("An element must be compressed SEC1 (prefix 02 or 03).");
        // BouncyCastle's decoding refuses an x not below p and an x with no point on the curve.
        try
        {
            return Curve.DecodePoint(bytes);
        }
        catch (ArgumentException e)
        {
            throw new FormatException("The element is not a point of P-256.", e);
        }
    }

    /// <summary>The 32-byte big-endian encoding of a scalar in [0, n-1].</summary>
    public static byte[] ScalarBytes(BigInteger s)
    {
        if (s.SignValue < 0 || s.CompareTo(N) >= 0)
            throw new ArgumentOutOfRangeException(nameof(s), "A scalar must lie in [0, n-1].");
        return BigIntegers.AsUnsignedByteArray(32, s);
    }

    /// <summary>The scalar as 64 lower-case hex digits.</summary>
    public static string EncodeScalar(BigInteger s) => Convert.ToHexStringLower(ScalarBytes(s));

    /// <summary>Decodes a canonical scalar (64 lower-case hex digits, value below n); throws <see cref="FormatException"/>.</summary>
    public static BigInteger DecodeScalar(string hex)
    {
        var s = new BigInteger(1, LowerHex(hex, 64, "A scalar"));
        if (s.CompareTo(N) >= 0)
            throw new FormatException("A scalar must be below the group order n.");
        return s;
    }

    private static byte[] LowerHex(string hex, int digits, string what)
    {
        if (hex is null || hex.Length != digits || !hex.All(char.IsAsciiHexDigitLower))
            throw new FormatException($"{what} must be {digits} lower-case hex digits.");
        return Convert.FromHexString(hex);
    }
}
