using System.Security.Cryptography;
using System.Text;

namespace ElectionSystem.Server.Features.Shared;

/// <summary>SHA-256 of a text's UTF-8 bytes in lower-case hex: how records and entry logs are fingerprinted.</summary>
public static class Sha256Text
{
    public static string Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
