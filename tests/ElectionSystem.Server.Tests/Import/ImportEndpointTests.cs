using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Import;
using ElectionSystem.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Tests.Import;

/// <summary>
/// The import endpoints over HTTP: preview changes nothing, commit is all or nothing, re-import
/// updates by code, and every bad file is a 400 that names row and column and changes nothing.
/// Each test has its own server: they count what is in the registry.
/// </summary>
public sealed class ImportEndpointTests : IAsyncLifetime
{
    private readonly HallFactory _hall = new();
    private HttpClient _client = null!;

    public async Task InitializeAsync() => _client = await _hall.ClientAsync(Roles.Organiser);

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _hall.DisposeAsync();
    }

    private async Task<HttpResponseMessage> PostAsync(string step, byte[] content, string fileName)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".xlsx", StringComparison.Ordinal)
            ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");
        form.Add(file, "file", fileName);
        return await _client.PostAsync(new Uri($"/api/import/delegates/{step}", UriKind.Relative), form);
    }

    private Task<(int Delegates, int Delegations, long Audit)> CountsAsync() => _hall.WithDbAsync(async db =>
        (await db.Delegates.CountAsync(), await db.Delegations.CountAsync(), await db.AuditEntries.LongCountAsync()));

    private static byte[] Csv(IEnumerable<IReadOnlyList<string?>> rows) => Encoding.UTF8.GetBytes(DelegateListFiles.Csv(rows));

    private static byte[] GoodCsv(int count = 30) => Csv(DelegateListFiles.Table(DelegateListFiles.Sample(count)));

    private static async Task<string> DetailAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("detail").GetString()!;
    }

    [Fact]
    public async Task Preview_shows_what_would_change_and_changes_nothing()
    {
        var before = await CountsAsync();
        var response = await PostAsync("preview", GoodCsv(30), "danh-sach.csv");
        response.EnsureSuccessStatusCode();
        var summary = (await response.Content.ReadFromJsonAsync<ImportSummary>())!;
        Assert.Equal((30, 30, 0), (summary.Rows, summary.ToCreate, summary.ToUpdate));
        Assert.Empty(summary.Problems);
        Assert.False(summary.Committed);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Preview_lists_every_rows_problems()
    {
        var sample = DelegateListFiles.Sample(10);
        var table = DelegateListFiles.Table(sample);
        table[3][3] = "31/02/1970"; // row 4: bad date
        table[6][1] = table[2][1];  // row 7: duplicate of row 3's code
        var response = await PostAsync("preview", Csv(table), "loi.csv");
        response.EnsureSuccessStatusCode();
        var summary = (await response.Content.ReadFromJsonAsync<ImportSummary>())!;
        Assert.Contains(summary.Problems, p => p.Row == 4 && p.Column == "Ngày sinh" && p.Code == ImportProblemCodes.BadDate);
        Assert.Contains(summary.Problems, p => p.Row == 7 && p.Code == ImportProblemCodes.DuplicateCode);
    }

    [Fact]
    public async Task Commit_writes_the_whole_list_with_its_audit_entry()
    {
        var response = await PostAsync("commit", GoodCsv(300), "danh-sach.csv");
        response.EnsureSuccessStatusCode();
        var summary = (await response.Content.ReadFromJsonAsync<ImportSummary>())!;
        Assert.True(summary.Committed);
        var (delegates, delegations, _) = await CountsAsync();
        Assert.Equal(300, delegates);
        Assert.Equal(7, delegations);
        var replacements = await _hall.WithDbAsync(db => db.Delegates.CountAsync(d => d.ReplacesDelegateId != null));
        Assert.Equal(20, replacements);
        Assert.True(await _hall.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "delegates.imported")));
    }

    [Fact]
    public async Task Xlsx_file_imports_too()
    {
        using var xlsx = DelegateListFiles.Xlsx(DelegateListFiles.Table(DelegateListFiles.Sample(30)));
        var response = await PostAsync("commit", xlsx.ToArray(), "danh-sach.xlsx");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        Assert.Equal(30, (await CountsAsync()).Delegates);
    }

    [Fact]
    public async Task Reimport_updates_by_code_and_adds_the_new_ones()
    {
        (await PostAsync("commit", GoodCsv(30), "v1.csv")).EnsureSuccessStatusCode();
        var sample = DelegateListFiles.Sample(32);
        var table = DelegateListFiles.Table(sample);
        table[5][2] = "Nguyễn Thị Đổi Tên"; // DB005 renamed
        var response = await PostAsync("commit", Csv(table), "v2.csv");
        response.EnsureSuccessStatusCode();
        var summary = (await response.Content.ReadFromJsonAsync<ImportSummary>())!;
        Assert.Equal(2, summary.ToCreate);
        Assert.True(summary.ToUpdate >= 1);
        Assert.Equal(32, (await CountsAsync()).Delegates);
        var renamed = await _hall.WithDbAsync(db => db.Delegates.SingleAsync(d => d.Code == "DB005"));
        Assert.Equal("Nguyễn Thị Đổi Tên", renamed.FullName);
        Assert.Equal("nguyen thi doi ten", renamed.SearchKey);
    }

    [Fact]
    public async Task Missing_column_is_refused_naming_the_column_and_nothing_changes()
    {
        var table = DelegateListFiles.Table(DelegateListFiles.Sample(5))
            .Select(r => (IReadOnlyList<string?>)r.Where((_, i) => i != 3).ToArray()).ToList(); // drop "Ngày sinh"
        var before = await CountsAsync();
        var detail = await DetailAsync(await PostAsync("commit", Csv(table), "thieu-cot.csv"));
        Assert.Contains("Ngày sinh", detail, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Duplicate_code_is_refused_naming_the_row_and_nothing_changes()
    {
        var table = DelegateListFiles.Table(DelegateListFiles.Sample(10));
        table[8][1] = table[2][1];
        var before = await CountsAsync();
        var detail = await DetailAsync(await PostAsync("commit", Csv(table), "trung-ma.csv"));
        Assert.Contains("Dòng 9", detail, StringComparison.Ordinal);
        Assert.Contains("Mã đại biểu", detail, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Bad_date_is_refused_naming_row_and_column_and_nothing_changes()
    {
        var table = DelegateListFiles.Table(DelegateListFiles.Sample(10));
        table[4][3] = "hôm qua";
        var before = await CountsAsync();
        var detail = await DetailAsync(await PostAsync("commit", Csv(table), "sai-ngay.csv"));
        Assert.Contains("Dòng 5", detail, StringComparison.Ordinal);
        Assert.Contains("Ngày sinh", detail, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task One_bad_row_among_many_good_ones_writes_none_of_them()
    {
        var table = DelegateListFiles.Table(DelegateListFiles.Sample(300));
        table[299][3] = "99/99/9999";
        var response = await PostAsync("commit", Csv(table), "gan-dung.csv");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, (await CountsAsync()).Delegates);
    }

    [Fact]
    public async Task Wrong_encoding_is_refused_and_nothing_changes()
    {
        // Windows-1258 bytes for "Mã": E3 is not valid UTF-8 here.
        var bytes = new byte[] { 0x4D, 0xE3, 0x20 }.Concat(Encoding.ASCII.GetBytes(" dai bieu,Ho va ten,Ngay sinh,Doan,Loai dai bieu\r\nDB1,Nguyen,,Doan 1,Chinh thuc\r\n")).ToArray();
        var before = await CountsAsync();
        var detail = await DetailAsync(await PostAsync("commit", bytes, "ansi.csv"));
        Assert.Contains("UTF-8", detail, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Empty_file_is_refused_and_nothing_changes()
    {
        var before = await CountsAsync();
        var detail = await DetailAsync(await PostAsync("commit", [], "rong.csv"));
        Assert.Contains("rỗng", detail, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Ten_megabytes_of_junk_is_refused_and_nothing_changes()
    {
        var junk = new byte[10 * 1024 * 1024];
        new Random(7).NextBytes(junk);
        var before = await CountsAsync();
        var detail = await DetailAsync(await PostAsync("commit", junk, "rac.xlsx"));
        Assert.Contains("rac.xlsx", detail, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }
}
