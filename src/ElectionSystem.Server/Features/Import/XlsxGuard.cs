// Looks inside an .xlsx before MiniExcel does. An .xlsx is a zip of XML parts: a 27 KB file whose
// rows each hold one cell at column XFD makes MiniExcel pad every row to 16,384 cells (minutes of
// CPU), and a 2 MB zip can unpack to gigabytes. So the zip's sizes are checked, every worksheet is
// read once as a stream (its real unpacked bytes counted, not the sizes the zip claims), and any
// cell, row or used range beyond what a delegate list can have refuses the file with one problem.
using System.IO.Compression;
using System.Xml;
using ElectionSystem.Domain.Names;

namespace ElectionSystem.Server.Features.Import;

internal static class XlsxGuard
{
    /// <summary>All parts unpacked together; a 20,000-row list is well under 20 MB of XML.</summary>
    internal const long MaxUnpackedBytes = 64L * 1024 * 1024;

    /// <summary>Spreadsheet XML packs 5–30×; only a bomb packs a large part over 200×.</summary>
    internal const long MaxRatio = 200;

    /// <summary>A delegate list has about ten columns; "STT", notes and spare columns stay far below this.</summary>
    internal const int MaxColumns = 100;

    /// <summary>The rows a delegate list may use: the parser's row limit plus a title block.</summary>
    internal const int MaxRowNumber = DelegateListParser.MaxRows + 100;

    /// <summary>The ratio is only judged on parts this large (tiny parts pack oddly but harm nothing).</summary>
    private const long RatioFloorBytes = 1024 * 1024;

    /// <summary>Null when the workbook may be handed to MiniExcel; otherwise why not.</summary>
    internal static ImportProblem? Check(Stream content, string fileName, CancellationToken ct)
    {
        using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
        long declared = 0;
        foreach (var entry in zip.Entries)
        {
            declared += entry.Length;
            if (declared > MaxUnpackedBytes)
            {
                return TooLargeUnpacked(fileName);
            }
            if (entry.Length > RatioFloorBytes && entry.Length > MaxRatio * Math.Max(1, entry.CompressedLength))
            {
                return Problem(fileName,
                    $"phần “{Shorten(entry.FullName)}” nén tới {entry.Length / Math.Max(1, entry.CompressedLength):N0} lần, " +
                    "điều mà một bảng tính thật không có (có thể là tệp “bom nén”).");
            }
        }

        // What the zip claims is not trusted: count the bytes that really come out.
        long unpacked = 0;
        foreach (var entry in zip.Entries)
        {
            ct.ThrowIfCancellationRequested();
            var isSheet = entry.FullName.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase)
                && entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase);
            using var counted = new CountingStream(entry.Open(), MaxUnpackedBytes - unpacked);
            var problem = isSheet ? CheckSheet(counted, entry.FullName, fileName, ct) : Drain(counted, ct);
            if (counted.OverLimit)
            {
                return TooLargeUnpacked(fileName);
            }
            if (problem is not null)
            {
                return problem;
            }
            unpacked += counted.Count;
        }
        return null;
    }

    private static ImportProblem? Drain(Stream stream, CancellationToken ct)
    {
        var buffer = new byte[81920];
        while (stream.Read(buffer, 0, buffer.Length) > 0)
        {
            ct.ThrowIfCancellationRequested();
        }
        return null;
    }

    /// <summary>The used range (dimension), every row number and every cell reference stay within the limits.</summary>
    private static ImportProblem? CheckSheet(CountingStream xml, string part, string fileName, CancellationToken ct)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
        using var reader = XmlReader.Create(xml, settings);
        var rows = 0;
        var cellsInRow = 0;
        try
        {
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }
                switch (reader.LocalName)
                {
                    case "dimension":
                        foreach (var corner in (reader.GetAttribute("ref") ?? "").Split(':'))
                        {
                            if (OutOfRange(corner, rowNumber: null) is { } what)
                            {
                                return Problem(fileName, $"vùng dữ liệu của trang tính ({Shorten(reader.GetAttribute("ref") ?? "")}) {what}");
                            }
                        }
                        break;
                    case "row":
                        ct.ThrowIfCancellationRequested();
                        rows++;
                        cellsInRow = 0;
                        if (rows > MaxRowNumber || OutOfRange(null, reader.GetAttribute("r")) is not null)
                        {
                            return Problem(fileName, $"trang tính dùng tới hơn {MaxRowNumber.ToString("N0", VietnameseText.Culture)} dòng.");
                        }
                        break;
                    case "c":
                        cellsInRow++;
                        var reference = reader.GetAttribute("r");
                        if (cellsInRow > MaxColumns || (reference is not null && OutOfRange(reference, null) is not null))
                        {
                            return Problem(fileName, $"có ô ở {Shorten(reference ?? $"cột thứ {cellsInRow}")}, {Beyond}");
                        }
                        break;
                }
            }
        }
        catch (XmlException)
        {
            return Problem(fileName, $"phần “{Shorten(part)}” không phải là XML hợp lệ (tệp bị hỏng).");
        }
        return null;
    }

    private static readonly string Beyond =
        $"vượt quá {MaxColumns} cột (cột {DelegateColumns.Letter(MaxColumns - 1)}) hoặc {MaxRowNumber.ToString("N0", VietnameseText.Culture)} dòng mà một danh sách đại biểu có thể có.";

    /// <summary>Why a cell reference ("XFD1048576") or a row number lies outside the limits, or null.</summary>
    private static string? OutOfRange(string? cellRef, string? rowNumber)
    {
        if (cellRef is not null)
        {
            var column = 0;
            var i = 0;
            for (; i < cellRef.Length && char.IsAsciiLetter(cellRef[i]); i++)
            {
                column = (column * 26) + (char.ToUpperInvariant(cellRef[i]) - 'A' + 1);
                if (column > MaxColumns)
                {
                    return Beyond;
                }
            }
            rowNumber = cellRef[i..];
        }
        if (string.IsNullOrEmpty(rowNumber))
        {
            return null;
        }
        return rowNumber.Length > 9 || !int.TryParse(rowNumber, out var row) || row > MaxRowNumber ? Beyond : null;
    }

    private static ImportProblem TooLargeUnpacked(string fileName) => Problem(fileName,
        $"khi giải nén lớn hơn {MaxUnpackedBytes / (1024 * 1024)} MB, quá lớn để là danh sách đại biểu (có thể là tệp “bom nén”).");

    private static ImportProblem Problem(string fileName, string what) => new(null, null,
        $"Tệp “{fileName}” bị từ chối: {what} Hãy chép danh sách đại biểu sang một bảng tính mới (chỉ các cột cần thiết) và lưu lại dạng .xlsx.",
        ImportProblemCodes.HostileWorkbook);

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    /// <summary>Counts what is read and stops (as if at the end) once past the limit.</summary>
    private sealed class CountingStream(Stream inner, long limit) : Stream
    {
        public long Count { get; private set; }
        public bool OverLimit { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (OverLimit)
            {
                return 0;
            }
            var read = inner.Read(buffer, offset, (int)Math.Min(count, limit - Count + 1));
            Count += read;
            if (Count > limit)
            {
                OverLimit = true;
                return 0;
            }
            return read;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Count; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
