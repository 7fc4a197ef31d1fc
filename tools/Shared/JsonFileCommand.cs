using System.Text;

namespace ElectionSystem.Tools;

/// <summary>
/// The skeleton the command-line tools (recount, verify) share, compiled into each (linked source,
/// no project of its own): one file argument, read whole, decoded as strict UTF-8 (a leading BOM
/// allowed; a bad byte is refused, never replaced with U+FFFD, which would check a file that is not
/// the one exported), exit 0 or 2, and every refusal one line on stderr that starts with the tool's name.
/// </summary>
internal static class JsonFileCommand
{
    public const int Ok = 0;
    public const int Refused = 2;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Reads the one file named in <paramref name="args"/> and hands its text and path to
    /// <paramref name="runOnText"/>. <paramref name="usage"/> follows "tool: usage: ";
    /// <paramref name="what"/> names the file's kind in the UTF-8 refusal ("an election record").
    /// </summary>
    public static int Run(string tool, string[] args, string usage, string what, TextWriter stderr, Func<string, string, int> runOnText)
    {
        if (args.Length != 1)
        {
            stderr.WriteLine($"{tool}: usage: {usage}");
            return Refused;
        }
        var path = args[0];
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            stderr.WriteLine($"{tool}: cannot read {path}: {OneLine(e.Message)}");
            return Refused;
        }
        if (!TryDecode(bytes, out var text, out var badByte))
        {
            stderr.WriteLine($"{tool}: {path}: not valid UTF-8 (byte {badByte}); {what} is UTF-8 JSON, refusing to guess");
            return Refused;
        }
        return runOnText(text, path);
    }

    /// <summary>A message on the one error line: its line breaks become spaces.</summary>
    public static string OneLine(string message) => message.ReplaceLineEndings(" ");

    /// <summary>Strict UTF-8 (a leading BOM is allowed); the file offset of the first bad byte otherwise.</summary>
    private static bool TryDecode(byte[] bytes, out string text, out long badByte)
    {
        var start = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        try
        {
            text = StrictUtf8.GetString(bytes, start, bytes.Length - start);
            badByte = -1;
            return true;
        }
        catch (DecoderFallbackException e)
        {
            text = "";
            badByte = start + Math.Max(0, e.Index);
            return false;
        }
    }
}
