// Workbooks made to hurt the server (issue 13, "import as a weapon"): each is built in memory here,
// a few KB to a few hundred KB, and must be refused for the right reason before MiniExcel unpacks
// it, without the process's memory growing by anything like the file's unpacked size.
using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using ElectionSystem.Server.Features.Import;
using Xunit.Abstractions;

namespace ElectionSystem.Server.Tests.Import;

public class HostileWorkbookTests(ITestOutputHelper output)
{
    private const long HundredMegabytes = 100L * 1024 * 1024;

    [Fact]
    public void One_cell_at_column_XFD_per_row_is_refused_before_it_is_read()
    {
        // The finding's file: a real header, then rows whose only cell sits at XFD, no dimension.
        var rows = new StringBuilder(HeaderRow);
        for (var r = 2; r <= 2000; r++)
        {
            rows.Append($"<row r=\"{r}\"><c r=\"XFD{r}\" t=\"inlineStr\"><is><t>x</t></is></c></row>");
        }
        using var file = Workbook(SheetXml(rows.ToString(), dimension: null));

        var (result, memory) = Measure(() => DelegateListParser.Parse(file, "rong.xlsx"));

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ImportProblemCodes.HostileWorkbook, problem.Code);
        Assert.Contains("XFD2", problem.Message, StringComparison.Ordinal);
        Assert.Contains("100 cột", problem.Message, StringComparison.Ordinal);
        Assert.True(memory < HundredMegabytes, $"working set grew by {memory / 1024 / 1024} MB");
    }

    [Fact]
    public void A_used_range_reaching_column_XFD_is_refused()
    {
        using var file = Workbook(SheetXml(HeaderRow, dimension: "A1:XFD3"));

        var problem = Assert.Single(DelegateListParser.Parse(file, "rong.xlsx").Problems);

        Assert.Equal(ImportProblemCodes.HostileWorkbook, problem.Code);
        Assert.Contains("A1:XFD3", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_past_any_delegate_list_is_refused()
    {
        using var file = Workbook(SheetXml(HeaderRow + "<row r=\"1048576\"><c r=\"A1048576\"><v>1</v></c></row>", dimension: null));

        var problem = Assert.Single(DelegateListParser.Parse(file, "dai.xlsx").Problems);

        Assert.Equal(ImportProblemCodes.HostileWorkbook, problem.Code);
    }

    [Fact]
    public void A_zip_bomb_is_refused_by_its_packing_ratio()
    {
        // 256 MB of blanks inside the sheet's XML pack to a few hundred KB.
        using var file = Workbook(SheetXml(HeaderRow, dimension: null), padding: 256L * 1024 * 1024);
        output.WriteLine($"bomb: {file.Length / 1024} KB packed");

        var (result, memory) = Measure(() => DelegateListParser.Parse(file, "bom.xlsx"));

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ImportProblemCodes.HostileWorkbook, problem.Code);
        Assert.Contains("bom nén", problem.Message, StringComparison.Ordinal);
        Assert.True(memory < HundredMegabytes, $"working set grew by {memory / 1024 / 1024} MB");
    }

    [Fact]
    public void A_zip_that_lies_about_its_sizes_is_refused_without_unpacking_the_rest()
    {
        // Declared sizes patched down to 1 KB: the ratio check sees nothing, and the sheet read
        // stops at the declared size (.NET's zip reader) or at the counted limit, never at 65 MB.
        using var honest = Workbook(SheetXml(HeaderRow, dimension: null), padding: XlsxGuard.MaxUnpackedBytes + (1024 * 1024));
        using var file = new MemoryStream(LieAboutSizes(honest.ToArray()));

        var (result, memory) = Measure(() => DelegateListParser.Parse(file, "bom.xlsx"));

        var problem = Assert.Single(result.Problems);
        output.WriteLine(problem.Message);
        Assert.Equal(ImportProblemCodes.HostileWorkbook, problem.Code);
        Assert.True(memory < HundredMegabytes, $"working set grew by {memory / 1024 / 1024} MB");
    }

    [Fact]
    public void A_cancelled_import_stops()
    {
        using var file = Workbook(SheetXml(HeaderRow, dimension: null));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => DelegateListParser.Parse(file, "ds.xlsx", cancelled.Token));
    }

    [Fact]
    public void An_ordinary_workbook_still_passes_the_guard()
    {
        using var file = DelegateListFiles.Xlsx(DelegateListFiles.Table(DelegateListFiles.Sample(300)).Cast<IReadOnlyList<object?>>());

        var result = DelegateListParser.Parse(file, "ds.xlsx");

        Assert.True(result.IsValid, string.Join("; ", result.Problems.Select(p => p.Message)));
        Assert.Equal(300, result.Rows.Count);
    }

    private const string HeaderRow =
        "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Mã đại biểu</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>Họ và tên</t></is></c></row>";

    private static string SheetXml(string rows, string? dimension) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" +
        "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">" +
        (dimension is null ? "" : $"<dimension ref=\"{dimension}\"/>") +
        "<sheetData>" + rows + "</sheetData></worksheet>";

    /// <summary>A minimal valid workbook with one sheet; <paramref name="padding"/> blanks are streamed into the sheet's XML.</summary>
    private static MemoryStream Workbook(string sheetXml, long padding = 0)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
                "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
                "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
                "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>" +
                "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
            Part(zip, "_rels/.rels",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            Part(zip, "xl/workbook.xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" " +
                "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"DS\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            Part(zip, "xl/_rels/workbook.xml.rels",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
            var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize);
            using var s = sheet.Open();
            var split = sheetXml.IndexOf("<sheetData>", StringComparison.Ordinal);
            s.Write(Encoding.UTF8.GetBytes(sheetXml[..split]));
            var blanks = new byte[1024 * 1024];
            Array.Fill(blanks, (byte)' ');
            for (var left = padding; left > 0; left -= blanks.Length)
            {
                s.Write(blanks, 0, (int)Math.Min(blanks.Length, left));
            }
            s.Write(Encoding.UTF8.GetBytes(sheetXml[split..]));
        }
        stream.Position = 0;
        return stream;
    }

    private static void Part(ZipArchive zip, string name, string text)
    {
        using var s = zip.CreateEntry(name).Open();
        s.Write(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>Rewrites every uncompressed size (local headers and central directory) to 1 KB.</summary>
    private static byte[] LieAboutSizes(byte[] zip)
    {
        for (var i = 0; i + 30 < zip.Length; i++)
        {
            if (zip[i] == 0x50 && zip[i + 1] == 0x4B && zip[i + 2] == 0x03 && zip[i + 3] == 0x04)
            {
                BitConverter.TryWriteBytes(zip.AsSpan(i + 22, 4), 1024u);
            }
            else if (zip[i] == 0x50 && zip[i + 1] == 0x4B && zip[i + 2] == 0x01 && zip[i + 3] == 0x02)
            {
                BitConverter.TryWriteBytes(zip.AsSpan(i + 24, 4), 1024u);
            }
        }
        return zip;
    }

    /// <summary>The result and how much the working set's peak rose while it ran.</summary>
    private (T Result, long PeakGrowth) Measure<T>(Func<T> action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        // Linux: writing 5 to clear_refs resets the peak (VmHWM) to the current size, so the peak
        // read afterwards is this run's own.
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        using var process = Process.GetCurrentProcess();
        var before = process.WorkingSet64;
        var peakBefore = process.PeakWorkingSet64;
        var watch = Stopwatch.StartNew();
        var result = action();
        watch.Stop();
        process.Refresh();
        // The peak only moves when the run went above the old peak; either figure bounds the growth.
        var growth = Math.Max(process.WorkingSet64 - before, process.PeakWorkingSet64 - Math.Max(peakBefore, before));
        output.WriteLine($"refused in {watch.ElapsedMilliseconds} ms; working set {before / 1024 / 1024} → {process.WorkingSet64 / 1024 / 1024} MB, peak {peakBefore / 1024 / 1024} → {process.PeakWorkingSet64 / 1024 / 1024} MB");
        return (result, growth);
    }
}
