using System.Buffers.Binary;

namespace ElectionSystem.Crypto;

/// <summary>
/// An integer mod L, the prime order of ristretto255 (L = 2^252 + 27742317777372353535851937790883648493),
/// held as its canonical 32-byte little-endian encoding (libsodium's order); equality is by value.
/// Every operation is libsodium's <c>crypto_core_ristretto255_scalar_*</c>. A value of this type is
/// always canonical (in [0, L−1]): <see cref="FromCanonical"/> refuses anything else, so a
/// non-canonical scalar on the wire is refused where it is decoded. <c>default</c> is zero.
/// </summary>
public readonly struct Scalar : IEquatable<Scalar>
{
    /// <summary>The size of an encoding in bytes.</summary>
    public const int Size = 32;

    private static readonly byte[] ZeroBytes = new byte[Size];
    private readonly byte[]? _bytes;

    private Scalar(byte[] bytes) => _bytes = bytes;

    /// <summary>0.</summary>
    public static Scalar Zero => default;

    /// <summary>1.</summary>
    public static Scalar One { get; } = FromInteger(1);

    /// <summary>True for 0.</summary>
    public bool IsZero => Bytes.SequenceEqual(ZeroBytes);

    internal ReadOnlySpan<byte> Bytes => _bytes ?? ZeroBytes;

    /// <summary>m mod L for an integer with |m| &lt; 2^62 (negative m gives L − |m|).</summary>
    public static Scalar FromInteger(long m)
    {
        if (m is >= 1L << 62 or <= -(1L << 62))
            throw new ArgumentOutOfRangeException(nameof(m), m, "Only integers with |m| < 2^62 map to scalars here.");
        if (m < 0)
            return -FromInteger(-m);
        var bytes = new byte[Size];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, m);
        return new Scalar(bytes);
    }

    /// <summary>A uniform scalar in [1, L−1] (<c>crypto_core_ristretto255_scalar_random</c>).</summary>
    public static Scalar Random()
    {
        Sodium.EnsureInitialised();
        var r = new byte[Size];
        Sodium.crypto_core_ristretto255_scalar_random(r);
        return new Scalar(r);
    }

    /// <summary>64 bytes read as a little-endian integer, mod L (<c>crypto_core_ristretto255_scalar_reduce</c>).</summary>
    public static Scalar Reduce(ReadOnlySpan<byte> wide)
    {
        if (wide.Length != 2 * Size)
            throw new ArgumentException("scalar_reduce takes 64 bytes.", nameof(wide));
        Sodium.EnsureInitialised();
        var r = new byte[Size];
        Sodium.crypto_core_ristretto255_scalar_reduce(r, wide);
        return new Scalar(r);
    }

    /// <summary>The scalar whose canonical encoding this is; throws <see cref="FormatException"/> for a wrong length or a value ≥ L.</summary>
    public static Scalar FromCanonical(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
            throw new FormatException("A scalar is 32 bytes.");
        // canonical iff reducing it (as a 64-byte integer) leaves it unchanged
        Span<byte> wide = stackalloc byte[2 * Size];
        bytes.CopyTo(wide);
        var reduced = Reduce(wide);
        if (!reduced.Bytes.SequenceEqual(bytes))
            throw new FormatException("A scalar must be below the group order L (canonical).");
        return reduced;
    }

    /// <summary>The 32-byte little-endian encoding.</summary>
    public byte[] ToBytes() => Bytes.ToArray();

    /// <summary>x + y mod L.</summary>
    public static Scalar operator +(Scalar x, Scalar y) => Apply(Sodium.crypto_core_ristretto255_scalar_add, x, y);

    /// <summary>x − y mod L.</summary>
    public static Scalar operator -(Scalar x, Scalar y) => Apply(Sodium.crypto_core_ristretto255_scalar_sub, x, y);

    /// <summary>x · y mod L.</summary>
    public static Scalar operator *(Scalar x, Scalar y) => Apply(Sodium.crypto_core_ristretto255_scalar_mul, x, y);

    /// <summary>−x mod L.</summary>
    public static Scalar operator -(Scalar x)
    {
        Sodium.EnsureInitialised();
        var r = new byte[Size];
        Sodium.crypto_core_ristretto255_scalar_negate(r, x.Bytes);
        return new Scalar(r);
    }

    /// <summary>x^(−1) mod L; throws for 0.</summary>
    public Scalar Invert()
    {
        Sodium.EnsureInitialised();
        var r = new byte[Size];
        if (Sodium.crypto_core_ristretto255_scalar_invert(r, Bytes) != 0)
            throw new DivideByZeroException("0 has no inverse mod L.");
        return new Scalar(r);
    }

    /// <inheritdoc />
    public bool Equals(Scalar other) => Bytes.SequenceEqual(other.Bytes);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Scalar s && Equals(s);

    /// <inheritdoc />
    public override int GetHashCode() => BinaryPrimitives.ReadInt32LittleEndian(Bytes);

    /// <summary>Equal values.</summary>
    public static bool operator ==(Scalar x, Scalar y) => x.Equals(y);

    /// <summary>Different values.</summary>
    public static bool operator !=(Scalar x, Scalar y) => !x.Equals(y);

    /// <summary>64 lower-case hex digits of the little-endian encoding.</summary>
    public override string ToString() => Convert.ToHexStringLower(Bytes);

    private delegate void Binary(Span<byte> z, ReadOnlySpan<byte> x, ReadOnlySpan<byte> y);

    private static Scalar Apply(Binary op, Scalar x, Scalar y)
    {
        Sodium.EnsureInitialised();
        var r = new byte[Size];
        op(r, x.Bytes, y.Bytes);
        return new Scalar(r);
    }
}
