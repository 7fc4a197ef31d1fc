// Signs and checks the token in a badge's QR (Thẻ đại biểu). The token names the delegate and the
// badge version; an HMAC with the congress's key makes it unforgeable. Revocation is not in the
// token: re-issuing bumps the delegate's badge version in the database, and a token carrying an
// older version is refused by the caller (IsRevoked).
//
// Format: "DB1." + CODE + "." + VERSION + "." + MAC, MAC = base32 (RFC 4648, no padding) of the
// first 15 bytes of HMAC-SHA256(key, "DB1." + CODE + "." + VERSION). Only A–Z, 0–9, '.', '-':
// keyboard-wedge scanners type it the same on every layout, and QR alphanumeric mode holds the
// longest token (60 characters) in a version-3 code at error correction M.
using System.Security.Cryptography;
using System.Text;
using ElectionSystem.Server.Features.Import;

namespace ElectionSystem.Server.Features.Badges;

public sealed class BadgeTokens
{
    private const string Prefix = "DB1.";

    /// <summary>120 bits of MAC: far beyond guessing at a check-in desk, and exactly 24 base32 characters.</summary>
    private const int MacBytes = 15;

    private const int MacChars = MacBytes * 8 / 5;

    /// <summary>Longer than any token we issue (60); anything longer is a stuck key or another barcode.</summary>
    public const int MaxScannedLength = 100;

    private readonly byte[] key;

    public BadgeTokens(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 16)
        {
            throw new ArgumentException($"A badge-signing key needs at least 16 bytes; this one has {key.Length}.", nameof(key));
        }
        this.key = (byte[])key.Clone();
    }

    /// <summary>The token for badge <paramref name="badgeVersion"/> of the delegate with this code (trimmed, upper-cased).</summary>
    public string Issue(string delegateCode, int badgeVersion)
    {
        ArgumentNullException.ThrowIfNull(delegateCode);
        var code = delegateCode.Trim().ToUpperInvariant();
        if (!DelegateCode.IsValid(code))
        {
            throw new ArgumentException($"“{delegateCode}” is not a delegate code (A–Z, 0–9, '-', at most {DelegateCode.MaxLength}).", nameof(delegateCode));
        }
        ArgumentOutOfRangeException.ThrowIfNegative(badgeVersion);
        var signed = Signed(code, badgeVersion);
        return signed + "." + Mac(signed);
    }

    /// <summary>
    /// Checks what a scanner typed. Whitespace and line ends around it are dropped and it is
    /// upper-cased first (caps lock flips a wedge scanner's case). Valid says only that this
    /// congress's key signed it: compare the version with the delegate's current one (IsRevoked).
    /// </summary>
    public BadgeTokenCheck Verify(string scanned)
    {
        if (scanned is null)
        {
            return Malformed;
        }
        var token = scanned.Trim().ToUpperInvariant();
        if (token.Length > MaxScannedLength || !token.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return Malformed;
        }

        var parts = token.Split('.');
        if (parts.Length != 4)
        {
            return Malformed;
        }
        var (code, versionText, mac) = (parts[1], parts[2], parts[3]);
        if (!DelegateCode.IsValid(code) || !TryParseVersion(versionText, out var version) || !IsBase32(mac, MacChars))
        {
            return Malformed;
        }

        var expected = Encoding.ASCII.GetBytes(Mac(Signed(code, version)));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(mac))
            ? new BadgeTokenCheck(BadgeTokenStatus.Valid, code, version)
            : new BadgeTokenCheck(BadgeTokenStatus.Forged, null, 0);
    }

    /// <summary>
    /// A genuine token for an older (or, after a database restore, newer) badge than the delegate's
    /// current one: the badge was re-issued and this one is withdrawn (“Thẻ đã bị thu hồi”).
    /// </summary>
    public static bool IsRevoked(BadgeTokenCheck check, int currentVersion) =>
        check.Status == BadgeTokenStatus.Valid && check.BadgeVersion != currentVersion;

    private static readonly BadgeTokenCheck Malformed = new(BadgeTokenStatus.Malformed, null, 0);

    private static string Signed(string code, int version) =>
        Prefix + code + "." + version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private string Mac(string signed)
    {
        var hash = HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(signed));
        return Base32(hash.AsSpan(0, MacBytes));
    }

    /// <summary>Canonical decimal only ("7", not "07" or "+7"), so one badge has exactly one token text.</summary>
    private static bool TryParseVersion(string text, out int version)
    {
        version = 0;
        if (text.Length is 0 or > 10 || (text.Length > 1 && text[0] == '0'))
        {
            return false;
        }
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }
        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out version);
    }

    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>RFC 4648 base32 without padding (15 bytes give exactly 24 characters, so there is none anyway).</summary>
    private static string Base32(ReadOnlySpan<byte> bytes)
    {
        var sb = new StringBuilder((bytes.Length * 8 + 4) / 5);
        int buffer = 0, bits = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                sb.Append(Base32Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0)
        {
            sb.Append(Base32Alphabet[(buffer << (5 - bits)) & 31]);
        }
        return sb.ToString();
    }

    private static bool IsBase32(string text, int length) =>
        text.Length == length && text.All(c => c is (>= 'A' and <= 'Z') or (>= '2' and <= '7'));
}

/// <summary>What a scanned badge token is. <see cref="DelegateCode"/> and <see cref="BadgeVersion"/> are set only when Valid.</summary>
public readonly record struct BadgeTokenCheck(BadgeTokenStatus Status, string? DelegateCode, int BadgeVersion);

public enum BadgeTokenStatus
{
    /// <summary>Signed with this congress's key. Still check the version (BadgeTokens.IsRevoked) and the delegate.</summary>
    Valid,

    /// <summary>Not a badge token at all: another barcode, a partial scan, garbage.</summary>
    Malformed,

    /// <summary>Shaped like a token but not signed by this congress's key: altered, forged, or another congress's badge.</summary>
    Forged,
}
