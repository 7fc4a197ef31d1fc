using ElectionSystem.Domain.Records;
using ElectionSystem.Tools;

namespace ElectionSystem.Recount;

/// <summary>
/// <c>recount RECORD.json</c>: recounts an <c>election-record/1</c> and prints
/// <c>election-result/1</c> (FORMAT.md). Exit 0 with the result on stdout; exit 2 with one line on
/// stderr naming the problem when the record is malformed or cannot be read. Kept apart from
/// Program.cs so tests call it directly.
/// </summary>
public static class RecountCommand
{
    public const int Ok = JsonFileCommand.Ok;
    public const int Refused = JsonFileCommand.Refused;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) =>
        JsonFileCommand.Run("recount", args, "recount RECORD.json (one election-record/1 file)", "an election record", stderr,
            (json, path) => RunOnText(json, path, stdout, stderr));

    public static int RunOnText(string json, string name, TextWriter stdout, TextWriter stderr)
    {
        var reading = ElectionRecordReader.Read(json);
        if (reading.Record is not { } record)
        {
            stderr.WriteLine($"recount: {name}: malformed record: {JsonFileCommand.OneLine(reading.Malformed!.Message)}");
            return Refused;
        }
        stdout.Write(ElectionResultWriter.ToJson(record.Count()));
        return Ok;
    }
}
