// Bad delegate lists: each is refused with a problem that names the row and the column, and
// yields nothing to commit. Problems are asserted by their machine code, row and column.
using System.Text;
using ElectionSystem.Server.Features.Import;
using static ElectionSystem.Server.Tests.Import.DelegateListFiles;

namespace ElectionSystem.Server.Tests.Import;

public class DelegateListBadFileTests
{
    private const string Header = "Mã đại biểu,Họ và tên,Ngày sinh,Đoàn,Chức vụ,Loại đại biểu,Thay thế cho\n";

    [Fact]
    public void Missing_column_is_named()
    {
        var table = Table(Sample(10)).Select(r => r.Where((_, i) => i is not (3 or 4)).ToArray()).ToList();
        var result = DelegateListParser.Parse(Utf8(Csv(table)), "ds.csv");

        Assert.False(result.IsValid);
        Assert.Empty(result.Rows);
        Assert.Equal(
            [(1, "Ngày sinh", ImportProblemCodes.MissingColumn), (1, "Đoàn", ImportProblemCodes.MissingColumn)],
            result.Problems.Select(p => (p.Row ?? 0, p.Column, p.Code)));
        Assert.Contains("“Ngày sinh”", result.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("“Đoàn”", result.Problems[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_column_is_named_in_xlsx_too()
    {
        var table = Table(Sample(10)).Select(r => r.Where((_, i) => i != 6).Cast<object?>().ToArray()).ToList();
        var result = DelegateListParser.Parse(Xlsx(table), "ds.xlsx");

        var problem = Assert.Single(result.Problems);
        Assert.Equal((ImportProblemCodes.MissingColumn, "Loại đại biểu"), (problem.Code, problem.Column));
    }

    [Fact]
    public void Column_given_twice_is_refused()
    {
        var result = DelegateListParser.Parse(Utf8("Mã đại biểu,Họ và tên,Ngày sinh,Đoàn,Loại đại biểu,Họ tên\nDB1,A,,Đ,Chính thức,B\n"), "ds.csv");

        var problem = Assert.Single(result.Problems);
        Assert.Equal((1, "Họ và tên", ImportProblemCodes.DuplicateColumn), (problem.Row, problem.Column, problem.Code));
        Assert.Contains("cột B và cột F", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_code_names_both_rows()
    {
        var source = Sample(10);
        source[5] = source[5] with { Code = " db002 " };
        var result = DelegateListParser.Parse(Utf8(Csv(Table(source))), "ds.csv");

        var problem = Assert.Single(result.Problems);
        Assert.Equal((7, "Mã đại biểu", ImportProblemCodes.DuplicateCode), (problem.Row, problem.Column, problem.Code));
        Assert.Contains("Dòng 7", problem.Message, StringComparison.Ordinal);
        Assert.Contains("dòng 3", problem.Message, StringComparison.Ordinal);
        Assert.Contains("DB002", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_date_names_row_and_column()
    {
        var table = Table(Sample(30));
        table[16][3] = "31/02/1970";
        var result = DelegateListParser.Parse(Utf8(Csv(table)), "ds.csv");

        var problem = Assert.Single(result.Problems);
        Assert.Equal((17, "Ngày sinh", ImportProblemCodes.BadDate), (problem.Row, problem.Column, problem.Code));
        Assert.Equal("Dòng 17, cột “Ngày sinh”: “31/02/1970” không phải là ngày hợp lệ (dd/MM/yyyy).", problem.Message);
    }

    [Theory]
    [InlineData("1970/02/03")]
    [InlineData("3 tháng 2 1970")]
    [InlineData("12/13/1970")]
    [InlineData("01/01/2999")]
    [InlineData("01/01/1850")]
    public void Impossible_or_unreadable_dates_are_refused(string date)
    {
        var result = DelegateListParser.Parse(Utf8(Header + $"DB1,Nguyễn Văn An,{date},Đoàn 1,,Chính thức,\n"), "ds.csv");

        var problem = Assert.Single(result.Problems);
        Assert.Equal((2, "Ngày sinh", ImportProblemCodes.BadDate), (problem.Row, problem.Column, problem.Code));
    }

    [Fact]
    public void Windows_1258_file_is_refused_as_wrong_encoding()
    {
        // "Mã đại biểu,Họ và tên,…" as Windows-1258 writes it: ã = E3, đ = F0, combining dot below = F2,
        // ê = EA, combining hook = D2. Single high bytes like these are never valid UTF-8.
        byte[] header = [(byte)'M', 0xE3, (byte)' ', 0xF0, (byte)'a', 0xF2, (byte)'i', (byte)' ', (byte)'b', (byte)'i', 0xEA, (byte)'u'];
        var rest = Encoding.ASCII.GetBytes(",Ho va ten,Ngay sinh,Doan,Loai dai bieu\r\nDB1,Nguyen,,Doan 1,Chinh thuc\r\n");
        var result = DelegateListParser.Parse(new MemoryStream([.. header, .. rest]), "ds.csv");

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ImportProblemCodes.BadEncoding, problem.Code);
        Assert.Equal(1, problem.Row);
        Assert.Contains("UTF-8", problem.Message, StringComparison.Ordinal);
        Assert.Empty(result.Rows);
    }

    [Fact]
    public void Latin1_bytes_deep_in_the_file_name_the_line()
    {
        var good = Encoding.UTF8.GetBytes(Header + "DB1,Nguyen Van An,,Doan 1,,Chinh thuc,\nDB2,Tran Van Binh,,Doan 1,,Chinh thuc,\n");
        var latin1 = Encoding.Latin1.GetBytes("DB3,Lê Văn Cường,,Doan 1,,Chinh thuc,\n".Replace("ă", "a", StringComparison.Ordinal).Replace("ư", "u", StringComparison.Ordinal).Replace("ờ", "o", StringComparison.Ordinal));
        var result = DelegateListParser.Parse(new MemoryStream([.. good, .. latin1]), "ds.csv");

        var problem = Assert.Single(result.Problems);
        Assert.Equal((ImportProblemCodes.BadEncoding, 4), (problem.Code, problem.Row));
        Assert.Contains("dòng 4", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Utf16_file_is_refused_as_wrong_encoding()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Header)).ToArray();
        var result = DelegateListParser.Parse(new MemoryStream(bytes), "ds.csv");

        Assert.Equal(ImportProblemCodes.BadEncoding, Assert.Single(result.Problems).Code);
    }

    [Theory]
    [InlineData("ds.csv")]
    [InlineData("ds.xlsx")]
    public void Empty_file_is_refused(string fileName)
    {
        var result = DelegateListParser.Parse(new MemoryStream(), fileName);

        Assert.Equal(ImportProblemCodes.EmptyFile, Assert.Single(result.Problems).Code);
        Assert.Empty(result.Rows);
    }

    [Fact]
    public void Header_only_csv_is_refused_as_empty()
    {
        var result = DelegateListParser.Parse(Utf8(Header + "\n,,,,,,\n\n"), "ds.csv");

        Assert.Equal(ImportProblemCodes.EmptyFile, Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void Header_only_xlsx_is_refused_as_empty()
    {
        var result = DelegateListParser.Parse(Xlsx([Headers]), "ds.xlsx");

        Assert.Equal(ImportProblemCodes.EmptyFile, Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void Ten_megabytes_of_junk_is_refused_quickly()
    {
        var junk = new byte[10 * 1024 * 1024];
        new Random(10).NextBytes(junk);

        foreach (var name in new[] { "ds.xlsx", "ds.csv" })
        {
            // Not seekable, like a request body: the parser must stop reading just past the limit.
            var upload = new CountingStream(junk, seekable: false);
            var result = DelegateListParser.Parse(upload, name);

            Assert.Equal(ImportProblemCodes.TooLarge, Assert.Single(result.Problems).Code);
            Assert.True(upload.BytesRead <= DelegateListParser.MaxBytes + 1, $"read {upload.BytesRead} bytes");
        }

        var seekable = new CountingStream(junk, seekable: true);
        Assert.Equal(ImportProblemCodes.TooLarge, Assert.Single(DelegateListParser.Parse(seekable, "ds.xlsx").Problems).Code);
        Assert.Equal(0, seekable.BytesRead);
    }

    [Fact]
    public void Junk_named_xlsx_is_not_a_spreadsheet()
    {
        var junk = new byte[100_000];
        new Random(7).NextBytes(junk);
        var result = DelegateListParser.Parse(new MemoryStream(junk), "ds.xlsx");

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ImportProblemCodes.NotASpreadsheet, problem.Code);
        Assert.Contains("ds.xlsx", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_renamed_to_xlsx_is_not_a_spreadsheet()
    {
        var result = DelegateListParser.Parse(Utf8(Csv(Table(Sample(5)))), "ds.xlsx");

        Assert.Equal(ImportProblemCodes.NotASpreadsheet, Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void Truncated_xlsx_is_not_a_spreadsheet()
    {
        var whole = Xlsx(Table(Sample(50))).ToArray();
        var result = DelegateListParser.Parse(new MemoryStream(whole[..(whole.Length * 2 / 3)]), "ds.xlsx");

        Assert.Equal(ImportProblemCodes.NotASpreadsheet, Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void Legacy_xls_is_refused_with_a_hint_to_save_as_xlsx()
    {
        byte[] ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];
        var result = DelegateListParser.Parse(new MemoryStream(ole), "ds.xls");

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ImportProblemCodes.NotASpreadsheet, problem.Code);
        Assert.Contains(".xlsx", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ds.pdf")]
    [InlineData("ds.docx")]
    [InlineData("ds")]
    public void Unknown_extension_is_refused(string fileName)
    {
        var result = DelegateListParser.Parse(Utf8(Csv(Table(Sample(5)))), fileName);

        Assert.Equal(ImportProblemCodes.UnsupportedFileType, Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void Unclosed_quote_is_refused_naming_the_row()
    {
        var result = DelegateListParser.Parse(Utf8(Header + "DB1,Nguyễn Văn An,,Đoàn 1,,Chính thức,\nDB2,\"Trần Văn Bình,,Đoàn 1,,Chính thức,\n"), "ds.csv");

        var problem = Assert.Single(result.Problems);
        Assert.Equal((ImportProblemCodes.BadCsv, 3), (problem.Code, problem.Row));
    }

    [Fact]
    public void Missing_values_bad_codes_and_categories_name_row_and_column()
    {
        var text = Header +
                   "DB1,,,Đoàn 1,,Chính thức,\n" +        // row 2: no name
                   "DB 2,Trần Văn Bình,,Đoàn 1,,Chính thức,\n" + // row 3: space in code
                   "DB_3,Lê Văn Cường,,Đoàn 1,,Chính thức,\n" +  // row 4: '_' is not a badge-safe character
                   "DB4,Phạm Văn Dũng,,,,Chính thức,\n" +     // row 5: no delegation
                   "DB5,Hồ Văn Em,,Đoàn 1,,Khách mời,\n" +    // row 6: not a category
                   ",Ngô Văn Giang,,Đoàn 1,,Chính thức,\n" +  // row 7: no code
                   "DB7,Vũ Thị Hà,,Đoàn 1,,,\n";              // row 8: no category
        var result = DelegateListParser.Parse(Utf8(text), "ds.csv");

        Assert.Equal(
            [
                (2, "Họ và tên", ImportProblemCodes.MissingValue),
                (3, "Mã đại biểu", ImportProblemCodes.BadCode),
                (4, "Mã đại biểu", ImportProblemCodes.BadCode),
                (5, "Đoàn", ImportProblemCodes.MissingValue),
                (6, "Loại đại biểu", ImportProblemCodes.BadCategory),
                (7, "Mã đại biểu", ImportProblemCodes.MissingValue),
                (8, "Loại đại biểu", ImportProblemCodes.MissingValue),
            ],
            result.Problems.Select(p => (p.Row ?? 0, p.Column, p.Code)));
        Assert.All(result.Problems, p => Assert.StartsWith($"Dòng {p.Row}, cột “{p.Column}”: ", p.Message, StringComparison.Ordinal));
        Assert.False(result.IsValid);
    }

    [Fact]
    public void Unreadable_convening_mark_is_refused()
    {
        var text = "Mã đại biểu,Họ và tên,Ngày sinh,Đoàn,Loại đại biểu,Cấp ủy triệu tập\nDB1,Nguyễn Văn An,,Đoàn 1,Chính thức,có lẽ\n";
        var result = DelegateListParser.Parse(Utf8(text), "ds.csv");

        var problem = Assert.Single(result.Problems);
        Assert.Equal((2, "Cấp ủy triệu tập", ImportProblemCodes.BadYesNo), (problem.Row, problem.Column, problem.Code));
    }

    [Fact]
    public void Replacement_must_name_an_official_delegate_of_the_file_once_and_only_from_an_alternate()
    {
        var text = Header +
                   "DB1,Nguyễn Văn An,,Đoàn 1,,Chính thức,\n" +
                   "DB2,Trần Văn Bình,,Đoàn 1,,Dự khuyết,DB1\n" +    // fine
                   "DB3,Lê Văn Cường,,Đoàn 1,,Dự khuyết,DB99\n" +    // row 4: unknown code
                   "DB4,Phạm Văn Dũng,,Đoàn 1,,Chính thức,DB1\n" +   // row 5: an official replaces nobody
                   "DB5,Hồ Văn Em,,Đoàn 1,,Dự khuyết,DB2\n" +        // row 6: DB2 is an alternate
                   "DB6,Ngô Văn Giang,,Đoàn 1,,Dự khuyết,db1\n";     // row 7: DB1 already replaced (row 3)
        var result = DelegateListParser.Parse(Utf8(text), "ds.csv");

        Assert.Equal(
            [
                (4, ImportProblemCodes.UnknownReplacedCode),
                (5, ImportProblemCodes.ReplacesOnNonAlternate),
                (6, ImportProblemCodes.ReplacedNotOfficial),
                (7, ImportProblemCodes.DuplicateReplacement),
            ],
            result.Problems.Select(p => (p.Row ?? 0, p.Code)));
        Assert.All(result.Problems, p => Assert.Equal("Thay thế cho", p.Column));
        Assert.Contains("dòng 3", result.Problems[3].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_rows_than_any_congress_is_refused()
    {
        var text = Header + string.Concat(Enumerable.Repeat("x\n", DelegateListParser.MaxRows + 1));
        var result = DelegateListParser.Parse(Utf8(text), "ds.csv");

        Assert.Equal(ImportProblemCodes.TooManyRows, Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void A_flood_of_problems_is_cut_short_with_a_closing_note()
    {
        var table = Table(Sample(300));
        foreach (var row in table.Skip(1))
        {
            row[6] = "?";
        }
        var result = DelegateListParser.Parse(Utf8(Csv(table)), "ds.csv");

        Assert.Equal(201, result.Problems.Count);
        Assert.Equal(ImportProblemCodes.TooManyProblems, result.Problems[^1].Code);
        Assert.Contains("100", result.Problems[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parser_never_throws_on_random_or_damaged_input()
    {
        var random = new Random(2024);
        var goodXlsx = Xlsx(Table(Sample(20))).ToArray();
        var goodCsv = Encoding.UTF8.GetBytes(Csv(Table(Sample(20))));
        string[] names = ["ds.csv", "ds.xlsx", "ds.xls"];

        for (var i = 0; i < 300; i++)
        {
            var junk = new byte[random.Next(1, 5000)];
            random.NextBytes(junk);
            // Random bytes are not a delegate list, whatever they are called.
            Assert.False(DelegateListParser.Parse(new MemoryStream(junk), names[i % 3]).IsValid);

            var cut = goodXlsx[..random.Next(1, goodXlsx.Length - 1)];
            Assert.False(DelegateListParser.Parse(new MemoryStream(cut), "ds.xlsx").IsValid);

            // Flipped bytes may land where nothing is read, so only "does not throw" is promised.
            var damaged = (byte[])(i % 2 == 0 ? goodXlsx : goodCsv).Clone();
            for (var k = 0; k < 1 + random.Next(8); k++)
            {
                damaged[random.Next(damaged.Length)] = (byte)random.Next(256);
            }
            _ = DelegateListParser.Parse(new MemoryStream(damaged), i % 2 == 0 ? "ds.xlsx" : "ds.csv");
        }
    }

    /// <summary>A read-only stream over bytes that counts what the parser actually read.</summary>
    private sealed class CountingStream(byte[] bytes, bool seekable) : Stream
    {
        private readonly MemoryStream inner = new(bytes, writable: false);

        public long BytesRead { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => seekable;
        public override bool CanWrite => false;
        public override long Length => seekable ? inner.Length : throw new NotSupportedException();
        public override long Position
        {
            get => seekable ? inner.Position : throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            BytesRead += n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
