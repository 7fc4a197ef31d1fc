// Reads an uploaded delegate list (.xlsx or UTF-8 .csv) into delegate rows plus every problem,
// each naming its row and column in Vietnamese. It touches no database: the import endpoint shows
// the result as a preview and commits only a parse with no problems (all or nothing). It never
// throws for any file content: a bad file is a list of problems, not a 500.
using ElectionSystem.Domain.Congress;
using ElectionSystem.Domain.Names;

namespace ElectionSystem.Server.Features.Import;

public static class DelegateListParser
{
    /// <summary>A list of 1,600 delegates is well under 1 MB; anything over 5 MB is not a delegate list.</summary>
    public const long MaxBytes = 5 * 1024 * 1024;

    /// <summary>Far above the largest congress (≈1,600 official delegates plus alternates).</summary>
    public const int MaxRows = 20_000;

    /// <summary>A thousand messages help nobody; past this the organiser should look at the file.</summary>
    internal const int MaxProblems = 200;

    /// <summary>How far down a title block ("DANH SÁCH ĐẠI BIỂU …") may push the header row.</summary>
    private const int HeaderSearchRows = 15;

    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] OleMagic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>A real list reads in well under a second; past this the file is refused, the CPU given back.</summary>
    public static readonly TimeSpan ReadBudget = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Reads the file within <see cref="ReadBudget"/>. When <paramref name="ct"/> (the request's) is
    /// cancelled the read stops and the cancellation is thrown; running out of time is a problem.
    /// </summary>
    public static DelegateListParse Parse(Stream content, string fileName, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        fileName ??= "";
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(ReadBudget);
        try
        {
            return ParseUnsafe(content, fileName, budget.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return Fail(new ImportProblem(null, null,
                $"Đọc tệp “{fileName}” mất quá {ReadBudget.TotalSeconds:0} giây nên đã dừng: tệp quá lớn hoặc quá phức tạp để là danh sách đại biểu. " +
                "Hãy chép danh sách sang một bảng tính mới và lưu lại dạng .xlsx.",
                ImportProblemCodes.TookTooLong));
        }
#pragma warning disable CA1031 // Last line of defence for "never throws": a bug here must still give the organiser a message, not a 500.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return Fail(new ImportProblem(null, null,
                $"Không đọc được tệp “{fileName}”. Hãy kiểm tra tệp (mở bằng Excel, lưu lại dạng .xlsx) rồi tải lên lại.",
                ImportProblemCodes.NotASpreadsheet));
        }
    }

    private static DelegateListParse ParseUnsafe(Stream content, string fileName, CancellationToken ct)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension is not (".xlsx" or ".csv" or ".xls"))
        {
            return Fail(new ImportProblem(null, null,
                $"Chỉ nhận danh sách đại biểu dạng .xlsx (Excel) hoặc .csv (UTF-8); tệp “{fileName}” không phải là một trong hai loại đó.",
                ImportProblemCodes.UnsupportedFileType));
        }

        var bytes = ReadBounded(content);
        if (bytes is null)
        {
            return Fail(new ImportProblem(null, null,
                $"Tệp “{fileName}” lớn hơn {MaxBytes / (1024 * 1024)} MB, quá lớn để là danh sách đại biểu. Hãy kiểm tra lại tệp đã chọn.",
                ImportProblemCodes.TooLarge));
        }
        if (bytes.Length == 0)
        {
            return Fail(EmptyFile(fileName));
        }

        // The content decides, not the name: a workbook saved with a .csv name is still read.
        List<SheetRow> rows;
        ImportProblem? readProblem;
        if (bytes.AsSpan().StartsWith(ZipMagic))
        {
            using var stream = new MemoryStream(bytes, writable: false);
            (rows, readProblem) = XlsxGrid.Read(stream, fileName, ct);
        }
        else if (bytes.AsSpan().StartsWith(OleMagic))
        {
            return Fail(new ImportProblem(null, null,
                $"Tệp “{fileName}” là tệp Excel cũ (.xls) hoặc có đặt mật khẩu. Hãy mở bằng Excel, bỏ mật khẩu và lưu lại dạng “Excel Workbook (*.xlsx)”.",
                ImportProblemCodes.NotASpreadsheet));
        }
        else if (extension == ".csv")
        {
            (rows, readProblem) = CsvGrid.Read(bytes);
        }
        else
        {
            return Fail(new ImportProblem(null, null,
                $"Tệp “{fileName}” không phải là bảng tính Excel (.xlsx): nội dung không đúng định dạng. " +
                "Hãy mở tệp trong Excel và lưu lại dạng “Excel Workbook (*.xlsx)”.",
                ImportProblemCodes.NotASpreadsheet));
        }

        if (readProblem is not null)
        {
            return Fail(readProblem);
        }
        if (rows.Count > MaxRows)
        {
            return Fail(new ImportProblem(null, null,
                $"Tệp có hơn {MaxRows.ToString("N0", VietnameseText.Culture)} dòng, quá nhiều để là danh sách đại biểu. Hãy kiểm tra lại tệp.",
                ImportProblemCodes.TooManyRows));
        }
        return ReadDelegates(rows, fileName);
    }

    /// <summary>The whole content, or null when it is larger than <see cref="MaxBytes"/>; never reads more than one byte past the limit.</summary>
    private static byte[]? ReadBounded(Stream content)
    {
        if (content.CanSeek && content.Length - content.Position > MaxBytes)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = content.Read(chunk, 0, (int)Math.Min(chunk.Length, MaxBytes + 1 - buffer.Length))) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes)
            {
                return null;
            }
        }
        return buffer.ToArray();
    }

    private static DelegateListParse ReadDelegates(List<SheetRow> rows, string fileName)
    {
        var nonEmpty = rows.Where(r => !IsBlank(r)).ToList();
        if (nonEmpty.Count == 0)
        {
            return Fail(EmptyFile(fileName));
        }

        var header = nonEmpty.Take(HeaderSearchRows).FirstOrDefault(r => r.Cells.Count(c => DelegateColumns.Match(DelegateRowReader.Text(c)) is not null) >= 2)
            ?? nonEmpty[0];
        var problems = new List<ImportProblem>();
        var columns = MapHeader(header, problems);
        if (problems.Count > 0)
        {
            return new DelegateListParse([], problems);
        }

        var dataRows = nonEmpty.Where(r => r.RowNumber > header.RowNumber).ToList();
        if (dataRows.Count == 0)
        {
            return Fail(new ImportProblem(header.RowNumber, null,
                $"Tệp “{fileName}” chỉ có dòng tiêu đề (dòng {header.RowNumber}), không có đại biểu nào.",
                ImportProblemCodes.EmptyFile));
        }

        var delegates = new List<DelegateRow>();
        foreach (var row in dataRows)
        {
            if (DelegateRowReader.ReadRow(row, columns, problems) is { } parsed)
            {
                delegates.Add(parsed);
            }
        }
        CheckAcrossRows(delegates, problems);

        // Stable sort: problems of one row stay in column order.
        problems = [.. problems.OrderBy(p => p.Row ?? 0)];
        if (problems.Count > MaxProblems)
        {
            var total = problems.Count;
            problems = [.. problems.Take(MaxProblems)];
            problems.Add(new ImportProblem(null, null,
                $"Còn {total - MaxProblems} lỗi khác không hiển thị. Hãy sửa các lỗi trên, kiểm tra lại cả tệp rồi tải lên lại.",
                ImportProblemCodes.TooManyProblems));
        }
        return new DelegateListParse(delegates, problems);
    }

    /// <summary>Which cell index holds each column; a problem per missing required column and per column given twice.</summary>
    private static Dictionary<DelegateColumn, int> MapHeader(SheetRow header, List<ImportProblem> problems)
    {
        var columns = new Dictionary<DelegateColumn, int>();
        for (var i = 0; i < header.Cells.Count; i++)
        {
            if (DelegateColumns.Match(DelegateRowReader.Text(header.Cells[i])) is not { } column)
            {
                continue;
            }
            if (columns.TryGetValue(column, out var first))
            {
                var name = DelegateColumns.NameOf(column);
                problems.Add(new ImportProblem(header.RowNumber, name,
                    $"Dòng {header.RowNumber} (tiêu đề): cột “{name}” có hai lần (cột {DelegateColumns.Letter(first)} và cột {DelegateColumns.Letter(i)}). Hãy xóa hoặc đổi tên một cột.",
                    ImportProblemCodes.DuplicateColumn));
                continue;
            }
            columns[column] = i;
        }
        foreach (var (column, name, required, _) in DelegateColumns.All)
        {
            if (required && !columns.ContainsKey(column))
            {
                problems.Add(new ImportProblem(header.RowNumber, name,
                    $"Thiếu cột “{name}” ở dòng tiêu đề (dòng {header.RowNumber}). Hãy thêm cột có tiêu đề “{name}”.",
                    ImportProblemCodes.MissingColumn));
            }
        }
        return columns;
    }

    /// <summary>Rules between rows: codes are unique; an alternate replaces an official delegate of this file, one alternate each.</summary>
    private static void CheckAcrossRows(List<DelegateRow> delegates, List<ImportProblem> problems)
    {
        var byCode = new Dictionary<string, DelegateRow>(StringComparer.Ordinal);
        foreach (var d in delegates)
        {
            if (byCode.TryGetValue(d.Code, out var first))
            {
                problems.Add(new ImportProblem(d.RowNumber, DelegateColumns.NameOf(DelegateColumn.Code),
                    $"Dòng {d.RowNumber}, cột “{DelegateColumns.NameOf(DelegateColumn.Code)}”: mã “{d.Code}” trùng với dòng {first.RowNumber}; mỗi đại biểu phải có một mã riêng.",
                    ImportProblemCodes.DuplicateCode));
                continue;
            }
            byCode[d.Code] = d;
        }

        var replacedBy = new Dictionary<string, DelegateRow>(StringComparer.Ordinal);
        foreach (var d in delegates)
        {
            if (d.ReplacesCode is not { } target)
            {
                continue;
            }
            if (!byCode.TryGetValue(target, out var replaced))
            {
                problems.Add(DelegateRowReader.Problem(d.RowNumber, DelegateColumn.Replaces,
                    $"không có đại biểu mã “{target}” trong tệp.", ImportProblemCodes.UnknownReplacedCode));
            }
            else if (replaced.Category == DelegateCategory.Alternate)
            {
                problems.Add(DelegateRowReader.Problem(d.RowNumber, DelegateColumn.Replaces,
                    $"đại biểu mã “{target}” (dòng {replaced.RowNumber}) là đại biểu dự khuyết; chỉ thay thế được đại biểu chính thức.",
                    ImportProblemCodes.ReplacedNotOfficial));
            }
            else if (replacedBy.TryGetValue(target, out var other))
            {
                problems.Add(DelegateRowReader.Problem(d.RowNumber, DelegateColumn.Replaces,
                    $"đại biểu mã “{target}” đã được đại biểu dự khuyết ở dòng {other.RowNumber} thay thế.",
                    ImportProblemCodes.DuplicateReplacement));
            }
            else
            {
                replacedBy[target] = d;
            }
        }
    }

    private static DelegateListParse Fail(ImportProblem problem) => new([], [problem]);

    private static ImportProblem EmptyFile(string fileName) => new(null, null,
        $"Tệp “{fileName}” không có dữ liệu. Danh sách cần một dòng tiêu đề (Mã đại biểu, Họ và tên, Ngày sinh, Đoàn, Loại đại biểu…) và mỗi đại biểu một dòng.",
        ImportProblemCodes.EmptyFile);

    private static bool IsBlank(SheetRow row) => row.Cells.All(c => DelegateRowReader.Text(c).Length == 0);
}
