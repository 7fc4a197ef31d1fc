// Reads one row of a delegate list into a delegate, or into problems that name the row and the
// column in Vietnamese. Every cell's rule lives here (code, date, category, yes/no, lengths); the
// file-level steps (format, header, rules between rows) are DelegateListParser's.
using System.Globalization;
using ElectionSystem.Domain.Congress;
using ElectionSystem.Domain.Names;

namespace ElectionSystem.Server.Features.Import;

internal static class DelegateRowReader
{
    private const int MaxTextLength = 200;
    private const int MaxSeatLength = 20;

    private static readonly string[] DateFormats =
        ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd", "d-M-yyyy", "d.M.yyyy", "yyyy-MM-dd HH:mm:ss", "d/M/yyyy H:mm:ss", "d/M/yyyy H:mm"];

    /// <summary>One delegate, or null when a value it needs is missing or wrong (the problems say which).</summary>
    public static DelegateRow? ReadRow(SheetRow row, Dictionary<DelegateColumn, int> columns, List<ImportProblem> problems)
    {
        var before = problems.Count;
        object? Cell(DelegateColumn column) =>
            columns.TryGetValue(column, out var i) && i < row.Cells.Count ? row.Cells[i] : null;
        string? Optional(DelegateColumn column, int maxLength)
        {
            var text = VietnameseText.Normalize(Text(Cell(column)));
            if (text.Length > maxLength)
            {
                problems.Add(Problem(row, column, $"dài quá {maxLength} ký tự.", ImportProblemCodes.ValueTooLong));
                return null;
            }
            return text.Length == 0 ? null : text;
        }
        string Required(DelegateColumn column, int maxLength)
        {
            var count = problems.Count;
            var text = Optional(column, maxLength);
            if (text is null && problems.Count == count)
            {
                problems.Add(Problem(row, column, "thiếu giá trị.", ImportProblemCodes.MissingValue));
            }
            return text ?? "";
        }

        var code = ReadCode(row, DelegateColumn.Code, Cell(DelegateColumn.Code), required: true, problems);
        var fullName = Required(DelegateColumn.FullName, MaxTextLength);
        var birthDate = ReadDate(row, Cell(DelegateColumn.BirthDate), problems);
        var delegation = Required(DelegateColumn.Delegation, MaxTextLength);
        var position = Optional(DelegateColumn.Position, MaxTextLength);
        var category = ReadCategory(row, Cell(DelegateColumn.Category), problems);
        var seat = Optional(DelegateColumn.Seat, MaxSeatLength);
        var convening = ReadYesNo(row, DelegateColumn.ConveningCommittee, Cell(DelegateColumn.ConveningCommittee), problems);
        var replaces = ReadCode(row, DelegateColumn.Replaces, Cell(DelegateColumn.Replaces), required: false, problems);

        if (replaces is not null && category is not DelegateCategory.Alternate && category is not null)
        {
            problems.Add(Problem(row, DelegateColumn.Replaces,
                $"chỉ đại biểu dự khuyết mới ghi người được thay thế, nhưng dòng này là đại biểu {CategoryName(category.Value)}.",
                ImportProblemCodes.ReplacesOnNonAlternate));
        }
        if (problems.Count > before || code is null || category is null)
        {
            return null;
        }
        // Ex-officio delegates are, by definition, the convening committee's members (DOMAIN.md §1).
        var isConvening = convening || category == DelegateCategory.ExOfficio;
        return new DelegateRow(row.RowNumber, code, fullName, birthDate, delegation, position, category.Value, seat, isConvening, replaces);
    }

    private static string? ReadCode(SheetRow row, DelegateColumn column, object? cell, bool required, List<ImportProblem> problems)
    {
        var text = Text(cell).ToUpperInvariant();
        if (text.Length == 0)
        {
            if (required)
            {
                problems.Add(Problem(row, column, "thiếu mã đại biểu.", ImportProblemCodes.MissingValue));
            }
            return null;
        }
        if (!DelegateCode.IsValid(text))
        {
            problems.Add(Problem(row, column,
                $"mã “{Shorten(text)}” không hợp lệ: mã chỉ gồm chữ A–Z (không dấu), chữ số 0–9 và dấu gạch ngang “-”, tối đa {DelegateCode.MaxLength} ký tự.",
                ImportProblemCodes.BadCode));
            return null;
        }
        return text;
    }

    private static DateOnly? ReadDate(SheetRow row, object? cell, List<ImportProblem> problems)
    {
        DateOnly? date = cell switch
        {
            DateTime dt => DateOnly.FromDateTime(dt),
            // A date cell without a date format reaches us as Excel's serial day number.
            double serial when serial is >= 1 and < 2_958_466 && serial == Math.Floor(serial) => DateOnly.FromDateTime(DateTime.FromOADate(serial)),
            _ => null,
        };
        var text = Text(cell);
        if (date is null)
        {
            if (text.Length == 0)
            {
                return null;
            }
            if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                date = DateOnly.FromDateTime(parsed);
            }
        }
        if (date is null)
        {
            problems.Add(Problem(row, DelegateColumn.BirthDate,
                $"“{Shorten(text)}” không phải là ngày hợp lệ (dd/MM/yyyy).", ImportProblemCodes.BadDate));
            return null;
        }
        if (date.Value.Year < 1900 || date.Value > DateOnly.FromDateTime(DateTime.Today))
        {
            problems.Add(Problem(row, DelegateColumn.BirthDate,
                $"“{date.Value.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}” không phải là ngày sinh hợp lý.", ImportProblemCodes.BadDate));
            return null;
        }
        return date;
    }

    private static DelegateCategory? ReadCategory(SheetRow row, object? cell, List<ImportProblem> problems)
    {
        var text = Text(cell);
        var key = VietnameseText.FoldForSearch(text);
        if (key.StartsWith("dai bieu ", StringComparison.Ordinal))
        {
            key = key["dai bieu ".Length..];
        }
        DelegateCategory? category = key switch
        {
            "chinh thuc" or "official" => DelegateCategory.Official,
            "duong nhien" or "ex-officio" or "ex officio" => DelegateCategory.ExOfficio,
            "du khuyet" or "alternate" => DelegateCategory.Alternate,
            _ => null,
        };
        if (category is null)
        {
            problems.Add(text.Length == 0
                ? Problem(row, DelegateColumn.Category, "thiếu giá trị (ghi “Chính thức”, “Đương nhiên” hoặc “Dự khuyết”).", ImportProblemCodes.MissingValue)
                : Problem(row, DelegateColumn.Category,
                    $"“{Shorten(text)}” không phải là loại đại biểu; ghi “Chính thức”, “Đương nhiên” hoặc “Dự khuyết”.", ImportProblemCodes.BadCategory));
        }
        return category;
    }

    private static bool ReadYesNo(SheetRow row, DelegateColumn column, object? cell, List<ImportProblem> problems)
    {
        if (cell is bool b)
        {
            return b;
        }
        var text = Text(cell);
        switch (VietnameseText.FoldForSearch(text))
        {
            case "x" or "co" or "c" or "yes" or "y" or "1" or "true":
                return true;
            case "" or "khong" or "k" or "no" or "n" or "0" or "false" or "-":
                return false;
            default:
                problems.Add(Problem(row, column,
                    $"“{Shorten(text)}” không rõ là có hay không; ghi “x” nếu là ủy viên cấp ủy triệu tập, để trống nếu không.",
                    ImportProblemCodes.BadYesNo));
                return false;
        }
    }

    public static ImportProblem Problem(SheetRow row, DelegateColumn column, string what, string code) =>
        Problem(row.RowNumber, column, what, code);

    public static ImportProblem Problem(int rowNumber, DelegateColumn column, string what, string code)
    {
        var name = DelegateColumns.NameOf(column);
        return new ImportProblem(rowNumber, name, $"Dòng {rowNumber}, cột “{name}”: {what}", code);
    }

    private static string CategoryName(DelegateCategory category) => category switch
    {
        DelegateCategory.Official => "chính thức",
        DelegateCategory.ExOfficio => "đương nhiên",
        _ => "dự khuyết",
    };

    /// <summary>A cell as trimmed text, whatever its type in the sheet.</summary>
    public static string Text(object? cell) => cell switch
    {
        null => "",
        string s => s.Trim(),
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => d.ToString("0", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        bool b => b ? "x" : "",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture).Trim(),
        _ => cell.ToString()?.Trim() ?? "",
    };

    /// <summary>Quoting a 10,000-character junk cell back would bury the message.</summary>
    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
