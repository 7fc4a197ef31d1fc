using System.Text;
using ElectionSystem.Domain.Records;

namespace ElectionSystem.Recount;

/// <summary>
/// <c>recount RECORD.json</c>: recounts an <c>election-record/1</c> and prints
/// <c>election-result/1</c> (FORMAT.md). Exit 0 with the result on stdout; exit 2 with one line on
/// stderr naming the problem when the record is malformed or cannot be read. Kept apart from
/// Program.cs so tests call it directly.
/// </summary>
public static class RecountCommand
{
    public const int Ok = 0;
    public const int Refused = 2;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length != 1)
        {
            stderr.WriteLine("recount: usage: recount RECORD.json (one election-record/1 file)");
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
            stderr.WriteLine($"recount: cannot read {path}: {e.Message.ReplaceLineEndings(" ")}");
            return Refused;
        }
        if (!TryDecode(bytes, out var json, out var badByte))
        {
            // Replacing the bad bytes with U+FFFD would recount a record that is not the one exported.
            stderr.WriteLine($"recount: {path}: not valid UTF-8 (byte {badByte}); an election record is UTF-8 JSON, refusing to guess");
            return Refused;
        }
        return RunOnText(json, path, stdout, stderr);
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Strict UTF-8 (a leading BOM is allowed); the offset of the first bad byte otherwise.</summary>
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

    public static int RunOnText(string json, string name, TextWriter stdout, TextWriter stderr)
    {
        var reading = ElectionRecordReader.Read(json);
        if (reading.Record is not { } record)
        {
            stderr.WriteLine($"recount: {name}: malformed record: {reading.Malformed!.Message.ReplaceLineEndings(" ")}");
            return Refused;
        }
        stdout.Write(ElectionResultWriter.ToJson(record.Count()));
        return Ok;
    }
}
