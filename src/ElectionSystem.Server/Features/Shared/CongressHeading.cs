using System.Globalization;

namespace ElectionSystem.Server.Features.Shared;

/// <summary>
/// "ĐẠI HỘI ĐẠI BIỂU LẦN THỨ XVI" at the top of the minutes, the .docx and the printed ballot.
/// The congress's ordinal may be stored as "lần thứ XVI" or as "XVI": the words are printed once.
/// </summary>
public static class CongressHeading
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");
    private const string Words = "lần thứ";

    public static string Line(string? ordinal)
    {
        var rest = (ordinal ?? "").Trim();
        if (rest.StartsWith(Words, true, Vi))
        {
            rest = rest[Words.Length..].Trim();
        }
        return "ĐẠI HỘI ĐẠI BIỂU LẦN THỨ " + (rest.Length == 0 ? "……" : rest.ToUpper(Vi));
    }
}
