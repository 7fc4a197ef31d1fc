using System.Text;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;

namespace ElectionSystem.Crypto;

/// <summary>
/// The Fiat–Shamir transform (Fiat–Shamir '86) with the full context (Bernhard–Pereira–Warinschi
/// '12): the challenge of an interactive proof is replaced by
/// <code>
/// c = SHA-256( item(tag) ‖ item(#context) ‖ item(context₁) … ‖ item(pk) ‖ statement items ‖ commitment items ) mod n
/// </code>
/// where item(x) = 4-byte big-endian length of x ‖ x, and x is: a text in UTF-8; an integer as
/// 8 bytes big-endian two's complement; an element as its 33-byte compressed SEC1 encoding; a
/// scalar as 32 bytes big-endian. The tag names the proof and its version, e.g.
/// "ElectionSystem/v1/zero-or-one". Length prefixes make the encoding injective; the digest,
/// read as a big-endian integer, is reduced mod n (bias below 2^-32 since n ≈ 2^256 − 2^224).
/// </summary>
public sealed class FiatShamir
{
    private readonly MemoryStream _bytes = new();

    private FiatShamir() { }

    /// <summary>Starts a bare transcript with only its tag (canonical encodings and digests use it too).</summary>
    public static FiatShamir Tagged(string tag) => new FiatShamir().Text(tag);

    /// <summary>Starts a transcript: tag, context identifiers (count first), public key.</summary>
    public static FiatShamir Start(string tag, ProofContext context, ECPoint publicKey)
    {
        var t = Tagged(tag).Integer(context.Parts.Count);
        foreach (var part in context.Parts)
            t.Text(part);
        return t.Point(publicKey);
    }

    /// <summary>Appends a text (UTF-8).</summary>
    public FiatShamir Text(string text) => Item(Encoding.UTF8.GetBytes(text));

    /// <summary>Appends an integer (8 bytes big-endian).</summary>
    public FiatShamir Integer(long value)
    {
        Span<byte> b = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(b, value);
        return Item(b);
    }

    /// <summary>Appends an element (33-byte compressed SEC1).</summary>
    public FiatShamir Point(ECPoint point) => Item(Group.PointBytes(point));

    /// <summary>Appends elements in order.</summary>
    public FiatShamir Points(IEnumerable<ECPoint> points)
    {
        foreach (var p in points)
            Point(p);
        return this;
    }

    /// <summary>Appends a ciphertext: A then B.</summary>
    public FiatShamir Ciphertext(Ciphertext c) => Point(c.A).Point(c.B);

    /// <summary>Appends a scalar (32 bytes big-endian).</summary>
    public FiatShamir Scalar(BigInteger s) => Item(Group.ScalarBytes(s));

    /// <summary>The transcript's bytes so far (for tests and for matching the browser).</summary>
    public byte[] Bytes() => _bytes.ToArray();

    /// <summary>SHA-256 of the transcript's bytes.</summary>
    public byte[] Digest() => System.Security.Cryptography.SHA256.HashData(_bytes.ToArray());

    /// <summary>SHA-256 of the transcript, as a big-endian integer, mod n.</summary>
    public BigInteger Challenge() =>
        new BigInteger(1, Digest()).Mod(Group.N);

    private FiatShamir Item(ReadOnlySpan<byte> bytes)
    {
        Span<byte> length = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        _bytes.Write(length);
        _bytes.Write(bytes);
        return this;
    }
}
