// Reads the first sheet of an .xlsx delegate list into rows of raw cells through MiniExcel.
// Anything MiniExcel cannot open (junk, a renamed file, a truncated zip) becomes one clear problem.
using ElectionSystem.Domain.Names;
using MiniExcelLibs;

namespace ElectionSystem.Server.Features.Import;

internal static class XlsxGrid
{
    /// <summary>
    /// A file of at most 5 MB can still unzip to a huge sheet (a zip bomb, or a sheet whose used
    /// range reaches column XFD, which MiniExcel pads every row to). A real delegate list has a
    /// dozen columns; stop reading well before memory is at risk.
    /// </summary>
    private const int MaxCells = 1_000_000;

    /// <summary>
    /// The rows, or the problem. <paramref name="ct"/> is the request's token joined with the read's
    /// time budget: a cancellation is thrown for the caller to tell the two apart.
    /// </summary>
    internal static (List<SheetRow> Rows, ImportProblem? Problem) Read(Stream content, string fileName, CancellationToken ct)
    {
        var rows = new List<SheetRow>();
        var cellCount = 0L;
        try
        {
            if (XlsxGuard.Check(content, fileName, ct) is { } hostile)
            {
                return ([], hostile);
            }
            content.Position = 0;
            var rowNumber = 0;
            foreach (var row in MiniExcel.Query(content, useHeaderRow: false, excelType: ExcelType.XLSX))
            {
                ct.ThrowIfCancellationRequested();
                rowNumber++;
                // With useHeaderRow: false each row is a dictionary keyed "A", "B", … in column order,
                // and MiniExcel yields empty rows in place, so the count is Excel's row number.
                if (row is not IDictionary<string, object?> dict)
                {
                    continue;
                }
                cellCount += dict.Count;
                if (cellCount > MaxCells || rows.Count >= DelegateListParser.MaxRows + 1)
                {
                    return (rows, TooBig());
                }
                rows.Add(new SheetRow(rowNumber, [.. dict.Values]));
            }
        }
#pragma warning disable CA1031 // The parser must never throw on user input: every failure of the reader is "not a readable spreadsheet".
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return ([], new ImportProblem(null, null,
                $"Không đọc được tệp “{fileName}” như một bảng tính Excel (.xlsx): tệp bị hỏng, chưa tải lên hết, " +
                "hoặc là loại tệp khác được đổi đuôi thành .xlsx. Hãy mở tệp trong Excel và lưu lại dạng “Excel Workbook (*.xlsx)”.",
                ImportProblemCodes.NotASpreadsheet));
        }
        return (rows, null);
    }

    private static ImportProblem TooBig() => new(null, null,
        $"Bảng tính quá lớn (hơn {DelegateListParser.MaxRows.ToString("N0", VietnameseText.Culture)} dòng hoặc quá nhiều cột) để là danh sách đại biểu. " +
        "Hãy kiểm tra lại tệp: chỉ để danh sách đại biểu ở trang tính đầu tiên.",
        ImportProblemCodes.TooManyRows);
}
