using System.Buffers.Binary;

namespace ElectionSystem.Crypto;

/// <summary>
/// An element of ristretto255, written multiplicatively as in the papers (x · y, x / y, x^s), held
/// as its canonical 32-byte encoding; equality is by value (ristretto encodings are canonical, so
/// equal bytes are equal elements). The identity is representable inside computations (g^0, a
/// product that cancels; libsodium's scalar multiplication returns −1 for it, and it is kept here
/// as a flag: no bytes) but has no encoding: <see cref="ToBytes"/> refuses it and
/// <see cref="FromBytes"/> refuses 32 zero bytes. <c>default</c> is the identity.
/// Operations: <c>crypto_core_ristretto255_add/sub</c>, <c>crypto_scalarmult_ristretto255(_base)</c>.
/// </summary>
public readonly struct Element : IEquatable<Element>
{
    /// <summary>The size of an encoding in bytes.</summary>
    public const int Size = 32;

    private static readonly byte[] ZeroBytes = new byte[Size];
    private readonly byte[]? _bytes; // null: the identity

    private Element(byte[]? bytes) => _bytes = bytes;

    /// <summary>The identity (neutral element); never encoded.</summary>
    public static Element Identity => default;

    /// <summary>The generator g: the ristretto255 base point, g = g^1.</summary>
    public static Element Generator { get; } = BasePow(Scalar.One);

    /// <summary>True for the identity.</summary>
    public bool IsIdentity => _bytes is null;

    /// <summary>g^s (<c>crypto_scalarmult_ristretto255_base</c>); the identity when s = 0.</summary>
    public static Element BasePow(Scalar s)
    {
        Sodium.EnsureInitialised();
        var q = new byte[Size];
        return Sodium.crypto_scalarmult_ristretto255_base(q, s.Bytes) == 0 ? new Element(q) : Identity;
    }

    /// <summary>|m| up to this has g^m in <see cref="SmallPowers"/>: every value a range proof's branch can name
    /// (<see cref="RangeProof.MaxWidth"/> values) and every 0/1 a row encrypts.</summary>
    internal const int SmallPowerBound = 1_024;

    // g^m for m in [−bound, bound] at index m + bound, each computed once on first use (by
    // crypto_scalarmult_ristretto255_base: the same bytes as before). A slot is one reference, so a
    // reader sees either nothing yet (computed again, harmlessly) or the finished element.
    private static readonly byte[]?[] SmallPowers = new byte[]?[2 * SmallPowerBound + 1];

    /// <summary>g^m for a small integer m: from a table filled on first use, instead of a scalar multiplication each time.</summary>
    internal static Element SmallBasePow(long m)
    {
        if (m == 0)
            return Identity;
        if (m is < -SmallPowerBound or > SmallPowerBound)
            return BasePow(Scalar.FromInteger(m));
        var slot = (int)m + SmallPowerBound;
        var bytes = Volatile.Read(ref SmallPowers[slot]);
        if (bytes is null)
        {
            bytes = BasePow(Scalar.FromInteger(m))._bytes!; // g^m ≠ identity for 0 < |m| < L
            Volatile.Write(ref SmallPowers[slot], bytes);
        }
        return new Element(bytes);
    }

    /// <summary>this^s (<c>crypto_scalarmult_ristretto255</c>); the identity when the result is.</summary>
    public Element Pow(Scalar s)
    {
        if (_bytes is null)
            return Identity;
        var q = new byte[Size];
        return Sodium.crypto_scalarmult_ristretto255(q, s.Bytes, _bytes) == 0 ? new Element(q) : Identity;
    }

    /// <summary>The group operation x · y (<c>crypto_core_ristretto255_add</c>).</summary>
    public static Element operator *(Element x, Element y)
    {
        if (x._bytes is null)
            return y;
        if (y._bytes is null)
            return x;
        var r = new byte[Size];
        Check(Sodium.crypto_core_ristretto255_add(r, x._bytes, y._bytes));
        return Normalised(r);
    }

    /// <summary>x · y^(−1) (<c>crypto_core_ristretto255_sub</c>).</summary>
    public static Element operator /(Element x, Element y)
    {
        if (y._bytes is null)
            return x;
        var r = new byte[Size];
        Check(Sodium.crypto_core_ristretto255_sub(r, x._bytes ?? ZeroBytes, y._bytes));
        return Normalised(r);
    }

    /// <summary>The element with this canonical encoding; throws <see cref="FormatException"/> for a
    /// wrong length, an encoding libsodium refuses (<c>crypto_core_ristretto255_is_valid_point</c>), or the identity.</summary>
    public static Element FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
            throw new FormatException("An element is 32 bytes.");
        if (bytes.SequenceEqual(ZeroBytes))
            throw new FormatException("The identity element has no encoding here.");
        Sodium.EnsureInitialised();
        if (Sodium.crypto_core_ristretto255_is_valid_point(bytes) != 1)
            throw new FormatException("The bytes are not the canonical encoding of a ristretto255 element.");
        return new Element(bytes.ToArray());
    }

    /// <summary>The canonical 32-byte encoding; throws for the identity.</summary>
    public byte[] ToBytes() => _bytes is null
        ? throw new InvalidOperationException("The identity element has no encoding here.")
        : (byte[])_bytes.Clone();

    internal ReadOnlySpan<byte> Bytes => _bytes ?? throw new InvalidOperationException("The identity element has no encoding here.");

    /// <inheritdoc />
    public bool Equals(Element other) => (_bytes ?? ZeroBytes).AsSpan().SequenceEqual(other._bytes ?? ZeroBytes);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Element e && Equals(e);

    /// <inheritdoc />
    public override int GetHashCode() => _bytes is null ? 0 : BinaryPrimitives.ReadInt32LittleEndian(_bytes);

    /// <summary>Equal elements.</summary>
    public static bool operator ==(Element x, Element y) => x.Equals(y);

    /// <summary>Different elements.</summary>
    public static bool operator !=(Element x, Element y) => !x.Equals(y);

    /// <summary>64 lower-case hex digits, or "identity".</summary>
    public override string ToString() => _bytes is null ? "identity" : Convert.ToHexStringLower(_bytes);

    private static Element Normalised(byte[] r) => r.AsSpan().SequenceEqual(ZeroBytes) ? Identity : new Element(r);

    private static void Check(int rc)
    {
        if (rc != 0)
            throw new InvalidOperationException("libsodium refused a group operation on valid elements.");
    }
}
