// Good delegate lists: every row comes through with the values the organiser typed, from CSV and
// .xlsx alike, whatever the header spelling, delimiter or date format.
using System.Text;
using ElectionSystem.Domain.Congress;
using ElectionSystem.Server.Features.Import;
using static ElectionSystem.Server.Tests.Import.DelegateListFiles;

namespace ElectionSystem.Server.Tests.Import;

public class DelegateListGoodFileTests
{
    [Fact]
    public void Csv_with_vietnamese_headers_parses_every_row()
    {
        var source = Sample();
        var result = DelegateListParser.Parse(Utf8(Csv(Table(source))), "danh-sach.csv");

        Assert.Empty(result.Problems);
        Assert.True(result.IsValid);
        AssertRowsMatch(source, result.Rows, firstDataRow: 2);
    }

    [Fact]
    public void Xlsx_round_trip()
    {
        var source = Sample();
        var result = DelegateListParser.Parse(Xlsx(Table(source)), "danh-sach.xlsx");

        Assert.Empty(result.Problems);
        AssertRowsMatch(source, result.Rows, firstDataRow: 2);
    }

    [Fact]
    public void Excel_csv_with_bom_and_semicolons_parses()
    {
        var source = Sample(40);
        var result = DelegateListParser.Parse(Utf8(Csv(Table(source), ';'), bom: true), "danh-sach.csv");

        Assert.Empty(result.Problems);
        AssertRowsMatch(source, result.Rows, firstDataRow: 2);
    }

    [Fact]
    public void Quoted_fields_keep_commas_quotes_and_line_breaks_and_rows_count_records()
    {
        var text =
            "Mã đại biểu,Họ và tên,Ngày sinh,Đoàn,Chức vụ,Loại đại biểu\n" +
            "DB001,Nguyễn Văn An,01/02/1960,Đảng bộ Khối Cơ quan,\"Bí thư, Chủ tịch \"\"Hội đồng\"\"\nkiêm Trưởng ban\",Chính thức\n" +
            "DB002,Trần Thị Bình,1961-03-04,\"Đảng bộ Quận Ba Đình\",,Chính thức\n";
        var result = DelegateListParser.Parse(Utf8(text), "ds.csv");

        Assert.Empty(result.Problems);
        Assert.Equal("Bí thư, Chủ tịch \"Hội đồng\" kiêm Trưởng ban", result.Rows[0].Position);
        Assert.Equal(3, result.Rows[1].RowNumber);
        Assert.Equal("Đảng bộ Quận Ba Đình", result.Rows[1].Delegation);
    }

    [Fact]
    public void Headers_match_without_case_diacritics_or_hints_and_accept_synonyms()
    {
        var text =
            "  MA DAI BIEU ,ho ten,Ngày tháng năm sinh (dd/mm/yyyy),ĐOÀN ĐẠI BIỂU,Phân loại*,Ghế,Ủy viên cấp ủy triệu tập,Thay thế\n" +
            "db-7,Lê Văn Cường,3/4/1970,Đảng bộ Công an tỉnh,chinh thuc,C12,có,\n" +
            "db-8,Phạm Thị Dung,,Đảng bộ Công an tỉnh,du khuyet,,,DB-7\n";
        var result = DelegateListParser.Parse(Utf8(text), "DS.CSV");

        Assert.Empty(result.Problems);
        Assert.Equal(
            new DelegateRow(2, "DB-7", "Lê Văn Cường", new DateOnly(1970, 4, 3), "Đảng bộ Công an tỉnh", null, DelegateCategory.Official, "C12", true, null),
            result.Rows[0]);
        Assert.Equal(
            new DelegateRow(3, "DB-8", "Phạm Thị Dung", null, "Đảng bộ Công an tỉnh", null, DelegateCategory.Alternate, null, false, "DB-7"),
            result.Rows[1]);
    }

    [Fact]
    public void Names_are_stored_in_nfc_with_single_spaces()
    {
        var decomposed = "Nguyễn  Thị   Ánh".Normalize(NormalizationForm.FormD);
        var text = $"Mã đại biểu,Họ và tên,Ngày sinh,Đoàn,Loại đại biểu\nDB1, {decomposed} ,,Đoàn 1,Chính thức\n";
        var result = DelegateListParser.Parse(Utf8(text), "ds.csv");

        var name = Assert.Single(result.Rows).FullName;
        Assert.Equal("Nguyễn Thị Ánh".Normalize(NormalizationForm.FormC), name);
        Assert.True(name.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void Xlsx_dates_may_be_date_cells_serial_numbers_or_text()
    {
        var rows = new List<object?[]>
        {
            new object?[] { "Mã đại biểu", "Họ và tên", "Ngày sinh", "Đoàn", "Loại đại biểu" },
            new object?[] { "DB1", "Nguyễn Văn An", new DateTime(1965, 12, 31), "Đoàn 1", "Chính thức" },
            // 25569 is 1970-01-01 in Excel's day numbering.
            new object?[] { "DB2", "Trần Văn Bình", 25569d, "Đoàn 1", "Chính thức" },
            new object?[] { "DB3", "Lê Thị Cúc", "09/08/1972", "Đoàn 1", "Chính thức" },
            new object?[] { 104d, "Hồ Văn Dũng", "1980-05-06", "Đoàn 1", "Chính thức" },
        };
        var result = DelegateListParser.Parse(Xlsx(rows), "ds.xlsx");

        Assert.Empty(result.Problems);
        Assert.Equal(
            [new DateOnly(1965, 12, 31), new DateOnly(1970, 1, 1), new DateOnly(1972, 8, 9), new DateOnly(1980, 5, 6)],
            result.Rows.Select(r => r.BirthDate));
        Assert.Equal("104", result.Rows[3].Code);
    }

    [Fact]
    public void Title_rows_above_the_header_keep_excel_row_numbers()
    {
        var rows = new List<object?[]>
        {
            new object?[] { "DANH SÁCH ĐẠI BIỂU ĐẠI HỘI", null, null, null, null },
            new object?[] { null, null, null, null, null },
            new object?[] { "Mã đại biểu", "Họ và tên", "Ngày sinh", "Đoàn", "Loại đại biểu" },
            new object?[] { "DB1", "Nguyễn Văn An", "01/01/1960", "Đoàn 1", "Chính thức" },
            new object?[] { "DB2", "Trần Văn Bình", "31/02/1961", "Đoàn 1", "Chính thức" },
        };
        var result = DelegateListParser.Parse(Xlsx(rows), "ds.xlsx");

        Assert.Equal(4, Assert.Single(result.Rows).RowNumber);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((5, "Ngày sinh", ImportProblemCodes.BadDate), (problem.Row, problem.Column, problem.Code));
    }

    [Fact]
    public void Ex_officio_delegates_are_convening_committee_members_even_when_unmarked()
    {
        var text = "Mã đại biểu,Họ và tên,Ngày sinh,Đoàn,Loại đại biểu,Cấp ủy triệu tập\n" +
                   "DB1,Nguyễn Văn An,,Đoàn 1,Đương nhiên,\n" +
                   "DB2,Trần Văn Bình,,Đoàn 1,Chính thức,YES\n" +
                   "DB3,Lê Văn Cường,,Đoàn 1,Chính thức,không\n";
        var result = DelegateListParser.Parse(Utf8(text), "ds.csv");

        Assert.Empty(result.Problems);
        Assert.Equal([true, true, false], result.Rows.Select(r => r.ConveningCommitteeMember));
    }

    private static void AssertRowsMatch(List<SourceDelegate> source, IReadOnlyList<DelegateRow> rows, int firstDataRow)
    {
        Assert.Equal(source.Count, rows.Count);
        for (var i = 0; i < source.Count; i++)
        {
            var s = source[i];
            var expected = new DelegateRow(firstDataRow + i, s.Code, s.FullName, s.BirthDate, s.Delegation, s.Position,
                s.ExpectedCategory, s.Seat, s.ExpectedConvening, s.Replaces);
            Assert.Equal(expected, rows[i]);
        }
        // The sample is meant to exercise every category; guard against it silently losing one.
        Assert.Equal(3, rows.Select(r => r.Category).Distinct().Count());
        Assert.Contains(rows, r => r.FullName.Contains('ễ', StringComparison.Ordinal) || r.FullName.Contains('Đ', StringComparison.Ordinal));
    }
}
