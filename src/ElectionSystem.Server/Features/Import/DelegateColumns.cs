// The columns of a delegate list and the header texts each one is known by. Headers are matched
// without case or diacritics ("HO VA TEN", "Họ và tên", "Họ tên" are one column), because
// organisers' spreadsheets come from many hands.
using ElectionSystem.Domain.Names;

namespace ElectionSystem.Server.Features.Import;

internal enum DelegateColumn
{
    Code,
    FullName,
    BirthDate,
    Delegation,
    Position,
    Category,
    Seat,
    ConveningCommittee,
    Replaces,
}

internal static class DelegateColumns
{
    /// <summary>Every column, its name on screen, whether the file must have it, and its accepted headers (already folded).</summary>
    internal static readonly IReadOnlyList<(DelegateColumn Column, string Name, bool Required, string[] Headers)> All =
    [
        (DelegateColumn.Code, "Mã đại biểu", true, ["ma dai bieu", "ma db", "ma so dai bieu", "ma", "ma so", "code", "delegate code"]),
        (DelegateColumn.FullName, "Họ và tên", true, ["ho va ten", "ho ten", "ho va ten dai bieu", "ho ten dai bieu", "ho & ten", "full name", "name"]),
        // The column must be there so a forgotten column is not mistaken for unknown dates; a blank cell is allowed.
        (DelegateColumn.BirthDate, "Ngày sinh", true, ["ngay sinh", "ngay thang nam sinh", "ngay, thang, nam sinh", "sinh ngay", "birth date", "date of birth"]),
        (DelegateColumn.Delegation, "Đoàn", true, ["doan", "doan dai bieu", "ten doan", "thuoc doan", "delegation"]),
        (DelegateColumn.Position, "Chức vụ", false, ["chuc vu", "chuc vu, don vi cong tac", "chuc vu, noi cong tac", "position"]),
        (DelegateColumn.Category, "Loại đại biểu", true, ["loai dai bieu", "loai", "phan loai", "phan loai dai bieu", "category"]),
        (DelegateColumn.Seat, "Ghế", false, ["ghe", "so ghe", "ghe so", "vi tri ghe", "cho ngoi", "seat"]),
        (DelegateColumn.ConveningCommittee, "Cấp ủy triệu tập", false, ["cap uy trieu tap", "uy vien cap uy trieu tap", "thuoc cap uy trieu tap", "convening committee"]),
        (DelegateColumn.Replaces, "Thay thế cho", false, ["thay the cho", "thay the", "thay cho", "thay the dai bieu", "replaces"]),
    ];

    internal static string NameOf(DelegateColumn column) => All[(int)column].Name;

    /// <summary>The column a header cell names, or null for a column we do not read (STT, Ghi chú…).</summary>
    internal static DelegateColumn? Match(string header)
    {
        var key = FoldHeader(header);
        if (key.Length == 0)
        {
            return null;
        }
        foreach (var (column, _, _, headers) in All)
        {
            if (headers.Contains(key, StringComparer.Ordinal))
            {
                return column;
            }
        }
        return null;
    }

    /// <summary>
    /// Lower case, no diacritics (đ → d), no "(dd/mm/yyyy)"-style hints, no '*' marking required
    /// columns, no trailing ':' or '.', single spaces.
    /// </summary>
    internal static string FoldHeader(string header)
    {
        var text = header;
        int open;
        while ((open = text.IndexOf('(', StringComparison.Ordinal)) >= 0)
        {
            var close = text.IndexOf(')', open);
            text = close < 0 ? text[..open] : text[..open] + " " + text[(close + 1)..];
        }
        text = text.Replace('*', ' ').Replace('\u00A0', ' ');
        return VietnameseText.FoldForSearch(text).TrimEnd(':', '.', ' ');
    }

    /// <summary>"A", "B", … "AA": the column letter Excel shows, for messages about a header.</summary>
    internal static string Letter(int index)
    {
        var letters = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }
        return letters;
    }
}
