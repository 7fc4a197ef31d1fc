using System.Security.Cryptography;
using System.Text;

using ElectionSystem.Server.Features.Shared;

namespace ElectionSystem.Server.Features.Auth;

/// <summary>
/// Display keys: "dk_" + 32 random bytes (base64url). The prefix lets the auth scheme selector tell
/// a display key from a staff bearer token when both arrive as <c>access_token</c>.
/// </summary>
public static class DisplayKeys
{
    public const string Prefix = "dk_";

    public static string NewKey() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string HashKey(string key) => Sha256Text.Hex(key);

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
