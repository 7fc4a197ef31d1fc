using System.Globalization;
using System.Text;

namespace ElectionSystem.Domain.Names;

/// <summary>Vietnamese text helpers: NFC names and diacritic-insensitive search keys.</summary>
public static class VietnameseText
{
    /// <summary>The Vietnamese culture (ICU): its collation gives a &lt; ă &lt; â, d &lt; đ and the tone order.</summary>
    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Names are stored and compared in NFC with single spaces.</summary>
    public static string Normalize(string name) =>
        string.Join(' ', name.Normalize(NormalizationForm.FormC)
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// A search key without diacritics, lower case: "Nguyễn Văn An" and "nguyen van an" give the
    /// same key. đ/Đ have no combining mark, so they are mapped to d by hand.
    /// </summary>
    public static string FoldForSearch(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            sb.Append(c switch { 'đ' => 'd', 'Đ' => 'd', _ => char.ToLowerInvariant(c) });
        }
        return string.Join(' ', sb.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
