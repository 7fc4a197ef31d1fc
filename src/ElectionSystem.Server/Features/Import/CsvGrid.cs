// Reads a CSV delegate list into rows of cells: strict UTF-8 (a file saved in a legacy code page
// is refused, not silently garbled into wrong names), ',' or ';' sniffed from the header line
// (Excel in a Vietnamese locale writes ';'), RFC 4180 quoting.
using System.Text;

namespace ElectionSystem.Server.Features.Import;

internal static class CsvGrid
{
    /// <summary>Throws on invalid bytes instead of replacing them with U+FFFD.</summary>
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    internal static (List<SheetRow> Rows, ImportProblem? Problem) Read(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            // Excel's "Unicode Text" is UTF-16: readable in principle, but asking for UTF-8 keeps one path.
            return ([], BadEncoding(1));
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            var line = 1;
            var at = Math.Clamp(ex.Index, 0, bytes.Length);
            foreach (var b in bytes[..at])
            {
                if (b == (byte)'\n')
                {
                    line++;
                }
            }
            return ([], BadEncoding(line));
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            // Valid UTF-8 but binary (or UTF-16 without a BOM): no delegate list contains NUL.
            return ([], new ImportProblem(null, null,
                "Tệp không phải là tệp văn bản CSV (có ký tự nhị phân). Hãy tải lên tệp .csv (UTF-8) hoặc .xlsx.",
                ImportProblemCodes.BadEncoding));
        }

        return Split(text);
    }

    private static ImportProblem BadEncoding(int line) => new(line, null,
        $"Tệp CSV không được lưu bằng mã UTF-8 (ký tự không đọc được ở dòng {line}), nên tên tiếng Việt sẽ bị sai. " +
        "Hãy mở tệp trong Excel và lưu lại với kiểu “CSV UTF-8 (Comma delimited) (*.csv)”, hoặc tải lên tệp .xlsx.",
        ImportProblemCodes.BadEncoding);

    /// <summary>
    /// RFC 4180: quoted fields may hold the delimiter, doubled quotes and line breaks. Row numbers
    /// count records (as Excel shows the file), not physical lines.
    /// </summary>
    private static (List<SheetRow>, ImportProblem?) Split(string text)
    {
        var delimiter = SniffDelimiter(text);
        var rows = new List<SheetRow>();
        var cells = new List<object?>();
        var field = new StringBuilder();
        var inQuotes = false;
        var quotedStartRow = 0;
        var rowNumber = 1;

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    field.Append(c);
                }
                continue;
            }

            if (c == '"' && field.Length == 0)
            {
                inQuotes = true;
                quotedStartRow = rowNumber;
            }
            else if (c == delimiter)
            {
                cells.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
                cells.Add(field.ToString());
                field.Clear();
                rows.Add(new SheetRow(rowNumber, cells));
                cells = [];
                rowNumber++;
                if (rows.Count > DelegateListParser.MaxRows)
                {
                    // Stop early: the caller reports too many rows; no need to split junk further.
                    return (rows, null);
                }
            }
            else
            {
                // A stray quote inside an unquoted field is kept as text, as Excel does.
                field.Append(c);
            }
        }

        if (inQuotes)
        {
            return (rows, new ImportProblem(quotedStartRow, null,
                $"Dòng {quotedStartRow}: có dấu ngoặc kép (\") mở mà không đóng, nên không đọc được phần còn lại của tệp.",
                ImportProblemCodes.BadCsv));
        }
        if (field.Length > 0 || cells.Count > 0)
        {
            cells.Add(field.ToString());
            rows.Add(new SheetRow(rowNumber, cells));
        }
        return (rows, null);
    }

    /// <summary>The delimiter is whichever of ',' ';' '\t' occurs most in the first line outside quotes.</summary>
    private static char SniffDelimiter(string text)
    {
        int commas = 0, semicolons = 0, tabs = 0;
        var inQuotes = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (!inQuotes)
            {
                if (c is '\r' or '\n')
                {
                    break;
                }
                switch (c)
                {
                    case ',': commas++; break;
                    case ';': semicolons++; break;
                    case '\t': tabs++; break;
                }
            }
        }
        if (semicolons > commas && semicolons >= tabs)
        {
            return ';';
        }
        return tabs > commas ? '\t' : ',';
    }
}

/// <summary>One row of a sheet: its number as the organiser sees it, and its raw cells (string, double, DateTime, bool or null).</summary>
internal sealed record SheetRow(int RowNumber, IReadOnlyList<object?> Cells);
