namespace ElectionSystem.Crypto;

/// <summary>
/// The group: ristretto255 (RFC 9496), prime order
/// L = 2^252 + 27742317777372353535851937790883648493, generator g = the ristretto255 base point,
/// written multiplicatively (<see cref="Element"/>, <see cref="Scalar"/>); all arithmetic is libsodium's.
/// Wire encodings (identical in the browser with libsodium-wrappers-sumo):
/// <list type="bullet">
/// <item>element: its canonical 32-byte encoding as 64 lower-case hex digits; rejected: wrong
/// length, upper case, anything <c>crypto_core_ristretto255_is_valid_point</c> refuses, and the
/// identity (32 zero bytes);</item>
/// <item>scalar: an integer in [0, L−1] as 32 bytes little-endian, 64 lower-case hex digits;
/// rejected: wrong length, upper case, any value ≥ L (non-canonical): one value, one encoding.</item>
/// </list>
/// Randomness: <c>crypto_core_ristretto255_scalar_random</c>, uniform in [1, L−1].
/// </summary>
public static class Group
{
    /// <summary>L, the group order, as 64 lower-case hex digits of its 32-byte little-endian encoding.</summary>
    public const string OrderHex = "edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010";

    /// <summary>The generator g.</summary>
    public static Element G => Element.Generator;

    /// <summary>The identity; never encoded.</summary>
    public static Element Identity => Element.Identity;

    /// <summary>g^s (fixed base).</summary>
    public static Element GPow(Scalar s) => Element.BasePow(s);

    /// <summary>g^m for an integer m (may be negative; |m| &lt; 2^62): g^(m mod L); for small |m| from a table.</summary>
    public static Element GPow(long m) => Element.SmallBasePow(m);

    /// <summary>x^s.</summary>
    public static Element Pow(Element x, Scalar s) => x.Pow(s);

    /// <summary>A uniform scalar in [1, L−1].</summary>
    public static Scalar RandomScalar() => Scalar.Random();

    /// <summary>The element as 64 lower-case hex digits; throws for the identity.</summary>
    public static string EncodeElement(Element x) => Convert.ToHexStringLower(x.ToBytes());

    /// <summary>Decodes and validates an element (see the class summary); throws <see cref="FormatException"/>.</summary>
    public static Element DecodeElement(string hex) => Element.FromBytes(LowerHex(hex, "An element"));

    /// <summary>The scalar as 64 lower-case hex digits (32 bytes little-endian).</summary>
    public static string EncodeScalar(Scalar s) => Convert.ToHexStringLower(s.ToBytes());

    /// <summary>Decodes a canonical scalar (64 lower-case hex digits, value below L); throws <see cref="FormatException"/>.</summary>
    public static Scalar DecodeScalar(string hex) => Scalar.FromCanonical(LowerHex(hex, "A scalar"));

    private static byte[] LowerHex(string hex, string what)
    {
        if (hex is null || hex.Length != 64 || !hex.All(char.IsAsciiHexDigitLower))
            throw new FormatException($"{what} must be 64 lower-case hex digits.");
        return Convert.FromHexString(hex);
    }
}
