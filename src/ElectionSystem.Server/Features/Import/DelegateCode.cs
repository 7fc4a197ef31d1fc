// The shape of a delegate code (mã đại biểu), shared by the import and the badge tokens: the code
// is printed in the badge's QR and typed by keyboard-wedge scanners, so it keeps to characters
// every keyboard layout types alike and QR alphanumeric mode encodes compactly.
namespace ElectionSystem.Server.Features.Import;

public static class DelegateCode
{
    public const int MaxLength = 20;

    /// <summary>
    /// A–Z, 0–9 and '-', 1–20 characters. No '_': it is not in the QR alphanumeric set and sits on
    /// a different key across layouts; no '.': it separates the parts of a badge token.
    /// </summary>
    public static bool IsValid(string code)
    {
        if (code.Length is 0 or > MaxLength)
        {
            return false;
        }
        foreach (var c in code)
        {
            if (c is not ((>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-'))
            {
                return false;
            }
        }
        return true;
    }
}
