using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ElectionSystem.Recount;

namespace ElectionSystem.Server.Tests.Elections;

/// <summary>Reads a .docx back as lines of text (paragraphs; table rows as cells joined by " | ").</summary>
public static class MinutesText
{
    public static List<string> Lines(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var doc = WordprocessingDocument.Open(stream, false);
        var lines = new List<string>();
        foreach (var element in doc.MainDocumentPart!.Document!.Body!.Elements())
        {
            switch (element)
            {
                case Paragraph p:
                    lines.Add(p.InnerText);
                    break;
                case Table t:
                    foreach (var row in t.Elements<TableRow>())
                    {
                        var cells = row.Elements<TableCell>().ToList();
                        // Layout tables (header, signatures) hold paragraphs: list those too.
                        foreach (var c in cells) lines.AddRange(c.Elements<Paragraph>().Select(p => p.InnerText));
                        lines.Add(string.Join(" | ", cells.Select(c => c.InnerText)));
                    }
                    break;
            }
        }
        return lines;
    }

    /// <summary>Runs the recount tool on an exported record and returns its election-result/1.</summary>
    public static JsonElement Recount(string recordJson)
    {
        var path = Path.Combine(Path.GetTempPath(), "record-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, recordJson);
        try
        {
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            var exit = RecountCommand.Run([path], stdout, stderr);
            Assert.True(exit == RecountCommand.Ok, stderr.ToString());
            return JsonDocument.Parse(stdout.ToString()).RootElement.Clone();
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static string Vi(int n) => n.ToString("#,0", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));

    public static string PercentVi(string percent) => percent.Replace('.', ',') + "%";
}
