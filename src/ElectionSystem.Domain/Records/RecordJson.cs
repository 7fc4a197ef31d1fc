using System.Text.Encodings.Web;
using System.Text.Json;

namespace ElectionSystem.Domain.Records;

/// <summary>
/// How records and results are written: indented like the shared examples (one space), '\n'
/// line ends on every machine, and Vietnamese letters as themselves rather than \u escapes so
/// the archived file is readable by the committee. The public board (<c>election-board/1</c>) is
/// written the same way.
/// </summary>
public static class RecordJson
{
    public static JsonWriterOptions Writer { get; } = new()
    {
        Indented = true,
        IndentCharacter = ' ',
        IndentSize = 1,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static JsonSerializerOptions Compact { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string ToText(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        WriteTo(stream, write);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void WriteTo(Stream stream, Action<Utf8JsonWriter> write)
    {
        using (var writer = new Utf8JsonWriter(stream, Writer))
        {
            write(writer);
        }
        stream.WriteByte((byte)'\n');
    }
}
