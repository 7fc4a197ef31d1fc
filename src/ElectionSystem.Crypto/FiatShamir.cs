using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace ElectionSystem.Crypto;

/// <summary>
/// The Fiat–Shamir transform (Fiat–Shamir '86) with the full context (Bernhard–Pereira–Warinschi
/// '12), version 2: the challenge of an interactive proof is replaced by
/// <code>
/// c = scalar_reduce( SHA-512( item(tag) ‖ item(#context) ‖ item(context₁) … ‖ item(pk) ‖ statement items ‖ commitment items ) )
/// </code>
/// where item(x) = 4-byte big-endian length of x ‖ x, and x is: a text in UTF-8; an integer as
/// 8 bytes big-endian two's complement (signed: −1 is ff…ff); an element as its 32-byte ristretto255
/// encoding; a scalar as its 32 bytes little-endian. The tag names the proof and its version, e.g.
/// "ElectionSystem/v2/zero-or-one". Length prefixes make the encoding injective; the 64-byte
/// digest is reduced mod L by <c>crypto_core_ristretto255_scalar_reduce</c> (bias about 2^-260).
/// Digests that are not challenges (H, the tracker) are SHA-256 of such a transcript.
/// </summary>
public sealed class FiatShamir
{
    private readonly MemoryStream _bytes = new();

    private FiatShamir() { }

    /// <summary>Starts a bare transcript with only its tag (canonical encodings and digests use it too).</summary>
    public static FiatShamir Tagged(string tag) => new FiatShamir().Text(tag);

    /// <summary>Starts a transcript: tag, context identifiers (count first), public key.</summary>
    public static FiatShamir Start(string tag, ProofContext context, Element publicKey)
    {
        var t = Tagged(tag).Integer(context.Parts.Count);
        foreach (var part in context.Parts)
            t.Text(part);
        return t.Element(publicKey);
    }

    /// <summary>Appends a text (UTF-8).</summary>
    public FiatShamir Text(string text) => Item(Encoding.UTF8.GetBytes(text));

    /// <summary>Appends an integer (8 bytes big-endian two's complement).</summary>
    public FiatShamir Integer(long value)
    {
        Span<byte> b = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(b, value);
        return Item(b);
    }

    /// <summary>Appends an element (32 bytes); throws for the identity, which has no encoding.</summary>
    public FiatShamir Element(Element x) => Item(x.Bytes);

    /// <summary>Appends elements in order.</summary>
    public FiatShamir Elements(IEnumerable<Element> xs)
    {
        foreach (var x in xs)
            Element(x);
        return this;
    }

    /// <summary>Appends a ciphertext: A then B.</summary>
    public FiatShamir Ciphertext(Ciphertext c) => Element(c.A).Element(c.B);

    /// <summary>Appends a scalar (32 bytes little-endian).</summary>
    public FiatShamir Scalar(Scalar s) => Item(s.Bytes);

    /// <summary>Appends raw bytes as they are (a digest, e.g. the board's chain value and tracker).</summary>
    public FiatShamir Raw(ReadOnlySpan<byte> bytes) => Item(bytes);

    /// <summary>The transcript's bytes so far (for tests and for matching the browser).</summary>
    public byte[] Bytes() => _bytes.ToArray();

    /// <summary>SHA-256 of the transcript's bytes (H and the tracker).</summary>
    public byte[] Digest() => SHA256.HashData(Written);

    /// <summary>The challenge: SHA-512 of the transcript, reduced mod L.</summary>
    public Scalar Challenge() => Crypto.Scalar.Reduce(SHA512.HashData(Written));

    /// <summary>The bytes written so far, without copying them.</summary>
    private ReadOnlySpan<byte> Written => _bytes.GetBuffer().AsSpan(0, (int)_bytes.Length);

    private FiatShamir Item(ReadOnlySpan<byte> bytes)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        _bytes.Write(length);
        _bytes.Write(bytes);
        return this;
    }
}
