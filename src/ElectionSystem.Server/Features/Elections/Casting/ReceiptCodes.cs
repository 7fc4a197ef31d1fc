using System.Security.Cryptography;
using System.Text;

using ElectionSystem.Server.Features.Shared;

namespace ElectionSystem.Server.Features.Elections;

/// <summary>
/// Mã biên nhận = base32(HMAC-SHA256(round secret, idempotency key)), 8 characters grouped
/// "K7Q2-9MXD". Recomputed on a resend, so the server never keeps the key or a link from the
/// receipt to a delegate or a ballot. The participation row keeps only SHA-256 of the key.
/// </summary>
public static class ReceiptCodes
{
    // Crockford-style alphabet without I, L, O, U: nothing to misread from a tablet across a table.
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string For(byte[] roundSecret, string idempotencyKey)
    {
        var mac = HMACSHA256.HashData(roundSecret, Encoding.UTF8.GetBytes(idempotencyKey));
        var sb = new StringBuilder(9);
        // 8 symbols × 5 bits = 40 bits from the first 5 bytes.
        ulong bits = 0;
        for (var i = 0; i < 5; i++) bits = (bits << 8) | mac[i];
        for (var i = 7; i >= 0; i--)
        {
            sb.Append(Alphabet[(int)((bits >> (5 * i)) & 31)]);
            if (i == 4) sb.Append('-');
        }
        return sb.ToString();
    }

    public static string KeyHash(string idempotencyKey) => Sha256Text.Hex(idempotencyKey);

    /// <summary>Random 64 bits that keep two equal receipt codes apart in the receipts table.</summary>
    public static string NewNonce() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    /// <summary>A random 128-bit ballot id as 32 hex digits.</summary>
    public static string NewBallotId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
