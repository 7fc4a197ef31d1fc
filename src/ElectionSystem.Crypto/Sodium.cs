using System.Runtime.InteropServices;

namespace ElectionSystem.Crypto;

/// <summary>
/// The native libsodium (NuGet package <c>libsodium</c> 1.0.22, runtimes/*/native) by P/Invoke:
/// the ristretto255 group (Hamburg; de Valence, Grigg, Hamburg, Lovecruft, Tankersley, Valsorda,
/// RFC 9496) and its scalar field, exactly the functions the browser calls through
/// libsodium-wrappers-sumo. <c>sodium_init</c> runs once, before the first call.
/// Points and scalars are 32 bytes; scalars little-endian; <c>scalar_reduce</c> takes 64 bytes.
/// </summary>
internal static partial class Sodium
{
    private const string Library = "libsodium";

    static Sodium()
    {
        if (sodium_init() < 0)
            throw new InvalidOperationException("libsodium failed to initialise (sodium_init).");
    }

    /// <summary>Runs the static constructor (sodium_init) if it has not run yet.</summary>
    public static void EnsureInitialised() { }

    [LibraryImport(Library)]
    private static partial int sodium_init();

    [LibraryImport(Library)]
    internal static partial int crypto_core_ristretto255_is_valid_point(ReadOnlySpan<byte> p);

    [LibraryImport(Library)]
    internal static partial int crypto_core_ristretto255_add(Span<byte> r, ReadOnlySpan<byte> p, ReadOnlySpan<byte> q);

    [LibraryImport(Library)]
    internal static partial int crypto_core_ristretto255_sub(Span<byte> r, ReadOnlySpan<byte> p, ReadOnlySpan<byte> q);

    [LibraryImport(Library)]
    internal static partial int crypto_scalarmult_ristretto255(Span<byte> q, ReadOnlySpan<byte> n, ReadOnlySpan<byte> p);

    [LibraryImport(Library)]
    internal static partial int crypto_scalarmult_ristretto255_base(Span<byte> q, ReadOnlySpan<byte> n);

    [LibraryImport(Library)]
    internal static partial void crypto_core_ristretto255_scalar_random(Span<byte> r);

    [LibraryImport(Library)]
    internal static partial int crypto_core_ristretto255_scalar_invert(Span<byte> recip, ReadOnlySpan<byte> s);

    [LibraryImport(Library)]
    internal static partial void crypto_core_ristretto255_scalar_negate(Span<byte> neg, ReadOnlySpan<byte> s);

    [LibraryImport(Library)]
    internal static partial void crypto_core_ristretto255_scalar_add(Span<byte> z, ReadOnlySpan<byte> x, ReadOnlySpan<byte> y);

    [LibraryImport(Library)]
    internal static partial void crypto_core_ristretto255_scalar_sub(Span<byte> z, ReadOnlySpan<byte> x, ReadOnlySpan<byte> y);

    [LibraryImport(Library)]
    internal static partial void crypto_core_ristretto255_scalar_mul(Span<byte> z, ReadOnlySpan<byte> x, ReadOnlySpan<byte> y);

    [LibraryImport(Library)]
    internal static partial void crypto_core_ristretto255_scalar_reduce(Span<byte> r, ReadOnlySpan<byte> s);
}
