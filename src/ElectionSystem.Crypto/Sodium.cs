using System.Runtime.InteropServices;

namespace ElectionSystem.Crypto;

/// <summary>
/// The native libsodium (NuGet package <c>libsodium</c> 1.0.22, runtimes/*/native) by P/Invoke:
/// the ristretto255 group (Hamburg; de Valence, Grigg, Hamburg, Lovecruft, Tankersley, Valsorda,
/// RFC 9496) and its scalar field, exactly the functions the browser calls through
/// libsodium-wrappers-sumo; also the sealed box and the passphrase sealing of share files. Every
/// libsodium binding of the project is here. <c>sodium_init</c> runs once, before the first call.
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

    // Sealed boxes (SealedBox: the key ceremony's transport).

    [LibraryImport(Library)]
    internal static partial int crypto_box_keypair(Span<byte> pk, Span<byte> sk);

    [LibraryImport(Library)]
    internal static partial int crypto_box_seal(Span<byte> c, ReadOnlySpan<byte> m, ulong mlen, ReadOnlySpan<byte> pk);

    [LibraryImport(Library)]
    internal static partial int crypto_box_seal_open(Span<byte> m, ReadOnlySpan<byte> c, ulong clen, ReadOnlySpan<byte> pk, ReadOnlySpan<byte> sk);

    // Passphrase sealing (ShareFile: Argon2id, then a secret box).

    [LibraryImport(Library)]
    internal static partial void randombytes_buf(Span<byte> buf, nuint size);

    [LibraryImport(Library)]
    internal static partial int crypto_pwhash(Span<byte> outKey, ulong outLen, ReadOnlySpan<byte> passwd, ulong passwdLen, ReadOnlySpan<byte> salt, ulong opsLimit, nuint memLimit, int alg);

    [LibraryImport(Library)]
    internal static partial int crypto_secretbox_easy(Span<byte> c, ReadOnlySpan<byte> m, ulong mlen, ReadOnlySpan<byte> n, ReadOnlySpan<byte> k);

    [LibraryImport(Library)]
    internal static partial int crypto_secretbox_open_easy(Span<byte> m, ReadOnlySpan<byte> c, ulong clen, ReadOnlySpan<byte> n, ReadOnlySpan<byte> k);
}
