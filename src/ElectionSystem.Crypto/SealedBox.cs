namespace ElectionSystem.Crypto;

/// <summary>
/// libsodium's sealed box (<c>crypto_box_seal</c>: X25519 + XSalsa20-Poly1305 with an ephemeral
/// sender key), the transport of the key ceremony's shares: dealer i seals f_i(j) to member j's box
/// public key, so the server stores it and cannot open it. The browser calls the same functions
/// through libsodium-wrappers-sumo. The plaintext of a sealed share is the share's 32 bytes
/// (the scalar, little-endian, as <see cref="Group.EncodeScalar"/> writes it in hex).
/// </summary>
public static class SealedBox
{
    /// <summary>crypto_box_PUBLICKEYBYTES / SECRETKEYBYTES.</summary>
    public const int KeyBytes = 32;

    /// <summary>crypto_box_SEALBYTES: what sealing adds to the plaintext.</summary>
    public const int Overhead = 48;

    /// <summary>A fresh X25519 key pair (public, secret).</summary>
    public static (byte[] PublicKey, byte[] SecretKey) KeyPair()
    {
        Sodium.EnsureInitialised();
        var pk = new byte[KeyBytes];
        var sk = new byte[KeyBytes];
        if (Sodium.crypto_box_keypair(pk, sk) != 0) throw new InvalidOperationException("crypto_box_keypair failed.");
        return (pk, sk);
    }

    /// <summary>Seals <paramref name="message"/> to the holder of <paramref name="publicKey"/>.</summary>
    public static byte[] Seal(ReadOnlySpan<byte> message, ReadOnlySpan<byte> publicKey)
    {
        Sodium.EnsureInitialised();
        if (publicKey.Length != KeyBytes) throw new ArgumentException("A box public key is 32 bytes.", nameof(publicKey));
        var sealedBytes = new byte[message.Length + Overhead];
        if (Sodium.crypto_box_seal(sealedBytes, message, (ulong)message.Length, publicKey) != 0)
            throw new InvalidOperationException("crypto_box_seal failed.");
        return sealedBytes;
    }

    /// <summary>Opens a sealed box with the recipient's key pair; null when it does not open.</summary>
    public static byte[]? Open(ReadOnlySpan<byte> sealedBytes, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> secretKey)
    {
        Sodium.EnsureInitialised();
        if (sealedBytes.Length < Overhead || publicKey.Length != KeyBytes || secretKey.Length != KeyBytes) return null;
        var message = new byte[sealedBytes.Length - Overhead];
        return Sodium.crypto_box_seal_open(message, sealedBytes, (ulong)sealedBytes.Length, publicKey, secretKey) == 0 ? message : null;
    }
}
