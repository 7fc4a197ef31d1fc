// PLACEHOLDERS for code the `parts` branch is writing (DelegateListParser, BadgeKeyStore, BadgeTokens,
// BadgeQr). They exist only so the server compiles until that branch is merged; DELETE THIS FILE
// as soon as the real classes arrive. Behaviour here is deliberately minimal.
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ElectionSystem.Domain.Congress;

namespace ElectionSystem.Server.Features.Import
{
    public sealed record ImportProblem(int Row, string? Column, string Message, string Code);

    public sealed record DelegateRow(int RowNumber, string Code, string FullName, DateOnly? BirthDate, string Delegation,
        string? Position, DelegateCategory Category, string? Seat, bool ConveningCommitteeMember, string? ReplacesCode);

    public sealed record DelegateListParse(IReadOnlyList<DelegateRow> Rows, IReadOnlyList<ImportProblem> Problems);

    public static class DelegateListParser
    {
        public static DelegateListParse Parse(Stream content, string fileName)
        {
            _ = fileName;
            using var reader = new StreamReader(content, new UTF8Encoding(false, true));
            var lines = reader.ReadToEnd().Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
            if (lines.Count == 0)
            {
                return new([], [new ImportProblem(0, null, "Tệp rỗng.", "empty")]);
            }
            var header = lines[0].Split(',');
            var rows = new List<DelegateRow>();
            for (var i = 1; i < lines.Count; i++)
            {
                var f = lines[i].Split(',');
                string Col(string name) => Array.IndexOf(header, name) is var x and >= 0 && x < f.Length ? f[x].Trim() : "";
                rows.Add(new DelegateRow(i + 1, Col("Mã đại biểu"), Col("Họ và tên"),
                    DateOnly.TryParseExact(Col("Ngày sinh"), "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null,
                    Col("Đoàn"), Col("Chức vụ"), DelegateCategory.Official, null, false, null));
            }
            return new(rows, []);
        }
    }
}

namespace ElectionSystem.Server.Features.Badges
{
    public enum BadgeTokenStatus { Valid, Malformed, Forged }

    public sealed record BadgeTokenCheck(BadgeTokenStatus Status, string? DelegateCode, int BadgeVersion);

    public static class BadgeKeyStore
    {
        public static byte[] LoadOrCreate(string dataFolder, Guid congressId)
        {
            var path = Path.Combine(dataFolder, $"badge-key-{congressId:N}.bin");
            if (File.Exists(path))
            {
                return File.ReadAllBytes(path);
            }
            var key = RandomNumberGenerator.GetBytes(32);
            File.WriteAllBytes(path, key);
            return key;
        }
    }

    public sealed class BadgeTokens(byte[] key)
    {
        public string Issue(string code, int version)
        {
            var body = $"{code}.{version.ToString(CultureInfo.InvariantCulture)}";
            return body + "." + Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(body)))[..20];
        }

        public BadgeTokenCheck Verify(string scanned)
        {
            var parts = scanned.Trim().Split('.');
            if (parts.Length != 3 || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var version))
            {
                return new(BadgeTokenStatus.Malformed, null, 0);
            }
            return Issue(parts[0], version) == scanned.Trim()
                ? new(BadgeTokenStatus.Valid, parts[0], version)
                : new(BadgeTokenStatus.Forged, null, 0);
        }

        public static bool IsRevoked(BadgeTokenCheck check, int currentVersion) => check.BadgeVersion != currentVersion;
    }

    public static class BadgeQr
    {
        public static byte[] Png(string token) => QRCoder.PngByteQRCodeHelper.GetQRCode(token, QRCoder.QRCodeGenerator.ECCLevel.M, 10);

        public static string Svg(string token)
        {
            using var data = QRCoder.QRCodeGenerator.GenerateQrCode(token, QRCoder.QRCodeGenerator.ECCLevel.M);
            return new QRCoder.SvgQRCode(data).GetGraphic(4);
        }
    }
}
