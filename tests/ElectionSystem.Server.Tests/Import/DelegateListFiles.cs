// Builds delegate-list files for the import tests: a realistic 300-delegate list with Vietnamese
// names, written as CSV (RFC 4180 quoting) or as .xlsx through MiniExcel, and the expected rows.
using System.Globalization;
using System.Text;
using ElectionSystem.Domain.Congress;
using MiniExcelLibs;

namespace ElectionSystem.Server.Tests.Import;

/// <summary>One delegate as the organiser typed it; <see cref="Expected"/> is what the parser should make of it.</summary>
internal sealed record SourceDelegate(
    string Code, string FullName, DateOnly? BirthDate, string Delegation, string? Position,
    string Category, DelegateCategory ExpectedCategory, string? Seat, string? Convening, bool ExpectedConvening, string? Replaces);

internal static class DelegateListFiles
{
    internal static readonly string[] Headers =
        ["STT", "Mã đại biểu", "Họ và tên", "Ngày sinh", "Đoàn", "Chức vụ", "Loại đại biểu", "Số ghế", "Cấp ủy triệu tập", "Thay thế cho"];

    private static readonly string[] FamilyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"];
    private static readonly string[] MiddleNames = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Quốc", "Ngọc", "Xuân", "Thu", "Thị Thanh", "Văn Quang"];
    private static readonly string[] GivenNames = ["An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hằng", "Hương", "Khánh", "Lan", "Long", "Mai", "Nga", "Phúc", "Quân", "Sơn", "Thảo", "Tuấn", "Việt", "Yến", "Ánh", "Nguyệt", "Thắng", "Hưng", "Ước"];
    private static readonly string[] Delegations = ["Đảng bộ Khối Cơ quan", "Đảng bộ Quận Ba Đình", "Đảng bộ Huyện Sóc Sơn", "Đảng bộ Công an tỉnh", "Đảng bộ Quân sự tỉnh", "Đảng bộ Khối Doanh nghiệp", "Đảng bộ Thị xã Sơn Tây"];
    private static readonly string[] Positions = ["Bí thư Đảng ủy", "Phó Bí thư, Chủ tịch UBND", "Trưởng ban Tổ chức", "Ủy viên Ban Thường vụ", "Chi ủy viên"];

    /// <summary>
    /// 300 delegates: 270 official (the first 12 ex-officio), 30 alternates of which 20 replace an
    /// official delegate. Category and yes/no spellings vary as organisers write them.
    /// </summary>
    internal static List<SourceDelegate> Sample(int count = 300)
    {
        var random = new Random(1930);
        var list = new List<SourceDelegate>(count);
        var alternatesFrom = count - count / 10;
        for (var i = 0; i < count; i++)
        {
            var name = $"{Pick(random, FamilyNames)} {Pick(random, MiddleNames)} {Pick(random, GivenNames)}";
            var birth = i % 25 == 7 ? (DateOnly?)null : new DateOnly(1955 + random.Next(40), 1 + random.Next(12), 1 + random.Next(28));
            var code = $"DB{i + 1:000}";
            SourceDelegate d;
            if (i < 12)
            {
                d = new(code, name, birth, Pick(random, Delegations), Pick(random, Positions), i % 2 == 0 ? "Đương nhiên" : "đại biểu đương nhiên",
                    DelegateCategory.ExOfficio, $"A{i + 1}", null, true, null);
            }
            else if (i < alternatesFrom)
            {
                var convening = i % 40 == 0 ? "x" : i % 40 == 1 ? "Có" : null;
                d = new(code, name, birth, Pick(random, Delegations), i % 3 == 0 ? null : Pick(random, Positions),
                    i % 2 == 0 ? "Chính thức" : "CHINH THUC", DelegateCategory.Official, $"B{i + 1}", convening, convening is not null, null);
            }
            else
            {
                var replaces = i < alternatesFrom + (count / 15) ? $"DB{i - alternatesFrom + 20:000}" : null;
                d = new(code, name, birth, Pick(random, Delegations), null, "Dự khuyết", DelegateCategory.Alternate, null, null, false, replaces);
            }
            list.Add(d);
        }
        return list;
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    internal static string?[] Cells(SourceDelegate d, int index) =>
    [
        (index + 1).ToString(CultureInfo.InvariantCulture), d.Code, d.FullName,
        d.BirthDate?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), d.Delegation, d.Position,
        d.Category, d.Seat, d.Convening, d.Replaces,
    ];

    internal static List<string?[]> Table(IReadOnlyList<SourceDelegate> delegates) =>
        [Headers, .. delegates.Select(Cells)];

    /// <summary>RFC 4180: quote a field holding the delimiter, a quote or a line break; double its quotes.</summary>
    internal static string Csv(IEnumerable<IReadOnlyList<string?>> rows, char delimiter = ',', string newline = "\r\n")
    {
        var sb = new StringBuilder();
        foreach (var row in rows)
        {
            sb.Append(string.Join(delimiter, row.Select(cell =>
            {
                var text = cell ?? "";
                return text.IndexOfAny([delimiter, '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
            })));
            sb.Append(newline);
        }
        return sb.ToString();
    }

    internal static MemoryStream Utf8(string text, bool bom = false)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return new MemoryStream(bom ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes);
    }

    /// <summary>
    /// An .xlsx whose first sheet holds exactly these rows from A1 down (no header added by
    /// MiniExcel), so tests control title rows, header texts and cell types (DateTime, double…).
    /// </summary>
    internal static MemoryStream Xlsx(IEnumerable<IReadOnlyList<object?>> rows)
    {
        var width = 0;
        var sheet = new List<Dictionary<string, object?>>();
        foreach (var row in rows)
        {
            width = Math.Max(width, row.Count);
            sheet.Add(row.Select((cell, i) => (Key: ColumnLetter(i), cell)).ToDictionary(p => p.Key, p => p.cell));
        }
        // Every row gets every key, or MiniExcel takes the columns from the first row only.
        foreach (var row in sheet)
        {
            for (var i = 0; i < width; i++)
            {
                row.TryAdd(ColumnLetter(i), null);
            }
        }
        var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, sheet, printHeader: false);
        stream.Position = 0;
        return stream;
    }

    private static string ColumnLetter(int index) => ((char)('A' + index)).ToString();
}
