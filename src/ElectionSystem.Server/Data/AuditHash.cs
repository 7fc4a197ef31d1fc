using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ElectionSystem.Server.Data;

namespace ElectionSystem.Server.Data;

/// <summary>How an audit entry's hash is computed. Changing this breaks every existing chain.</summary>
public static class AuditHash
{
    public const int HeadId = 1;

    /// <summary>The PreviousHash of entry 1.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>ISO 8601 in UTC with 7 fraction digits, whatever Kind the DateTime came back with.</summary>
    public static string FormatAt(DateTime at) =>
        DateTime.SpecifyKind(at, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>SHA-256 (lower-case hex) over the length-prefixed fields, so no two entries serialise alike.</summary>
    public static string Compute(AuditEntry e)
    {
        var sb = new StringBuilder();
        foreach (var field in new[]
                 {
                     e.Sequence.ToString(CultureInfo.InvariantCulture), FormatAt(e.At), e.Actor, e.Action, e.Subject,
                     e.DataJson, e.PreviousHash,
                 })
        {
            sb.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('\n');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }
}
