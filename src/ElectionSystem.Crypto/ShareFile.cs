using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ElectionSystem.Crypto;

/// <summary>
/// A committee member's share file, the same format the committee page writes
/// (<c>wwwroot/js/crypto/share-file.js</c>, docs/browser-crypto.md): x_j with the public parts
/// (index j, threshold k, members n, pk, K_j), sealed with a passphrase — key = Argon2id
/// (<c>crypto_pwhash</c>, ALG_ARGON2ID13, the MODERATE limits) over a random salt, then
/// <c>crypto_secretbox_easy</c> (XSalsa20-Poly1305) with a random nonce; the public parts stay
/// readable beside the box. The demo congress uses it to hand each demo member a file the
/// committee page opens; <see cref="Open"/> is the same check the page makes.
/// </summary>
public static class ShareFile
{
    public const string Format = "ElectionSystem/v2/share-file";
    private const int SaltBytes = 16, NonceBytes = 24, KeyBytes = 32, MacBytes = 16, Argon2id13 = 2;
    private const ulong OpsModerate = 3;
    private const nuint MemModerate = 268_435_456;

    /// <summary>The most Argon2id passes a file may ask for (the files written ask 3).</summary>
    public const ulong MaxOpsLimit = 10;

    /// <summary>The most Argon2id memory a file may ask for: 1 GiB (the files written ask 256 MiB).</summary>
    public const ulong MaxMemLimit = 1UL << 30;

    /// <summary>The fewest passes and the least memory accepted (libsodium's INTERACTIVE limits, as the page checks).</summary>
    public const ulong MinOpsLimit = 2, MinMemLimit = 64UL << 20;

    /// <summary>The public parts of a share and the share itself.</summary>
    public sealed record Share(int Index, int Threshold, int Members, Element PublicKey, Element VerificationKey, Scalar Secret)
    {
        /// <summary>Never the share in a log line, an exception or a failed assertion.</summary>
        private bool PrintMembers(System.Text.StringBuilder builder)
        {
            builder.Append($"Index = {Index}, Threshold = {Threshold}, Members = {Members}, PublicKey = {PublicKey}, VerificationKey = {VerificationKey}");
            return true;
        }
    }

    /// <summary>The file's JSON text, sealed with <paramref name="passphrase"/>.</summary>
    public static string Seal(Share share, string passphrase)
    {
        ArgumentNullException.ThrowIfNull(share);
        ArgumentException.ThrowIfNullOrEmpty(passphrase);
        if (Group.GPow(share.Secret) != share.VerificationKey) throw new ArgumentException("The share does not match its verification key.", nameof(share));
        Sodium.EnsureInitialised();
        var salt = RandomNumberBytes(SaltBytes);
        var nonce = RandomNumberBytes(NonceBytes);
        var key = DeriveKey(passphrase, salt, OpsModerate, MemModerate);
        var inner = new JsonObject
        {
            ["index"] = share.Index, ["threshold"] = share.Threshold, ["members"] = share.Members,
            ["publicKey"] = Group.EncodeElement(share.PublicKey), ["verificationKey"] = Group.EncodeElement(share.VerificationKey),
            ["share"] = Group.EncodeScalar(share.Secret),
        };
        var plain = Encoding.UTF8.GetBytes(inner.ToJsonString());
        var box = new byte[plain.Length + MacBytes];
        if (Sodium.crypto_secretbox_easy(box, plain, (ulong)plain.Length, nonce, key) != 0) throw new InvalidOperationException("crypto_secretbox_easy failed.");
        Array.Clear(key);
        Array.Clear(plain);
        var file = new JsonObject
        {
            ["format"] = Format, ["index"] = share.Index, ["threshold"] = share.Threshold, ["members"] = share.Members,
            ["publicKey"] = Group.EncodeElement(share.PublicKey), ["verificationKey"] = Group.EncodeElement(share.VerificationKey),
            ["kdf"] = new JsonObject { ["algorithm"] = "argon2id13", ["opsLimit"] = OpsModerate, ["memLimit"] = (ulong)MemModerate, ["salt"] = Hex(salt) },
            ["nonce"] = Hex(nonce), ["sealed"] = Hex(box),
        };
        return file.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>Opens a share file: the share, or null when the passphrase is wrong or the file is not whole;
    /// throws <see cref="FormatException"/> for Argon2id limits outside the accepted range (see <see cref="Limits"/>).</summary>
    public static Share? Open(string json, string passphrase)
    {
        var file = JsonNode.Parse(json)!.AsObject();
        if ((string?)file["format"] != Format) return null;
        var kdf = file["kdf"]!.AsObject();
        var (ops, mem) = Limits(kdf);
        var salt = Convert.FromHexString((string)kdf["salt"]!);
        var nonce = Convert.FromHexString((string)file["nonce"]!);
        var box = Convert.FromHexString((string)file["sealed"]!);
        if (salt.Length != SaltBytes || nonce.Length != NonceBytes || box.Length < MacBytes) return null;
        Sodium.EnsureInitialised();
        var key = DeriveKey(passphrase, salt, ops, (nuint)mem);
        var plain = new byte[box.Length - MacBytes];
        var opened = Sodium.crypto_secretbox_open_easy(plain, box, (ulong)box.Length, nonce, key) == 0;
        Array.Clear(key);
        if (!opened) return null;
        var inner = JsonNode.Parse(plain)!.AsObject();
        var share = new Share((int)inner["index"]!, (int)inner["threshold"]!, (int)inner["members"]!,
            Group.DecodeElement((string)inner["publicKey"]!), Group.DecodeElement((string)inner["verificationKey"]!), Group.DecodeScalar((string)inner["share"]!));
        var same = (int)file["index"]! == share.Index && (int)file["threshold"]! == share.Threshold && (int)file["members"]! == share.Members
            && (string?)file["publicKey"] == Group.EncodeElement(share.PublicKey) && (string?)file["verificationKey"] == Group.EncodeElement(share.VerificationKey);
        return same && Group.GPow(share.Secret) == share.VerificationKey ? share : null;
    }

    /// <summary>
    /// The file's Argon2id limits, refused (<see cref="FormatException"/>, saying why) outside
    /// [<see cref="MinOpsLimit"/>, <see cref="MaxOpsLimit"/>] passes and [<see cref="MinMemLimit"/>, <see cref="MaxMemLimit"/>]
    /// bytes: the file chooses them, so without a cap a crafted file could make opening it take
    /// any amount of memory and time.
    /// </summary>
    private static (ulong Ops, ulong Mem) Limits(JsonObject kdf)
    {
        if ((string?)kdf["algorithm"] != "argon2id13")
            throw new FormatException("kdf.algorithm: a share file is sealed with argon2id13.");
        var ops = (ulong)kdf["opsLimit"]!;
        var mem = (ulong)kdf["memLimit"]!;
        if (ops > MaxOpsLimit || mem > MaxMemLimit)
            throw new FormatException($"kdf: the file asks Argon2id for {ops} passes over {mem} bytes; at most {MaxOpsLimit} passes and {MaxMemLimit} bytes (1 GiB) are accepted.");
        if (ops < MinOpsLimit || mem < MinMemLimit)
            throw new FormatException($"kdf: the file asks Argon2id for {ops} passes over {mem} bytes; at least {MinOpsLimit} passes and {MinMemLimit} bytes (64 MiB) protect a share.");
        return (ops, mem);
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    private static byte[] RandomNumberBytes(int count)
    {
        var bytes = new byte[count];
        Sodium.randombytes_buf(bytes, (nuint)count);
        return bytes;
    }

    private static byte[] DeriveKey(string passphrase, byte[] salt, ulong ops, nuint mem)
    {
        var password = Encoding.UTF8.GetBytes(passphrase);
        var key = new byte[KeyBytes];
        if (Sodium.crypto_pwhash(key, KeyBytes, password, (ulong)password.Length, salt, ops, mem, Argon2id13) != 0)
            throw new InvalidOperationException("crypto_pwhash failed (out of memory?).");
        return key;
    }
}
