using System.Text;
using Microsoft.Playwright;

namespace ElectionSystem.Browser.Tests;

/// <summary>The organisers' page works in a browser: it loads, previews an import, summons an alternate, verifies the audit chain.</summary>
public sealed class AdminPageTests : HallBrowserTest
{
    [Fact]
    public async Task Organiser_page_loads_previews_an_import_summons_an_alternate_and_verifies_the_log()
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        page.Dialog += async (_, d) => await d.AcceptAsync();

        await page.GotoAsync($"{Hall.BaseUrl}/login");
        await page.FillAsync("#userName", Hall.OrganiserUser);
        await page.FillAsync("#password", Hall.OrganiserPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/admin");

        await Assertions.Expect(page.Locator("#congress-form input[name=name]")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("Sơn Hà"));
        await Assertions.Expect(page.Locator("#delegate-rows tr")).ToHaveCountAsync(308, new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("#sessions tr")).ToHaveCountAsync(5);

        // Whole-congress absence of DB050, then summon alternate DK01 in its place.
        var row = page.Locator("#delegate-rows tr", new() { HasText = "DB050" });
        await row.Locator("input[type=checkbox]").CheckAsync();
        await Assertions.Expect(page.Locator("#flash")).ToContainTextAsync("vắng mặt");
        var alternate = page.Locator("#delegate-rows tr", new() { HasText = "DK01" });
        await alternate.Locator("select").SelectOptionAsync(new SelectOptionValue { Label = await page.Locator("#delegate-rows tr", new() { HasText = "DB050" }).Locator("td").Nth(1).InnerTextAsync() + " (DB050)" });
        await Assertions.Expect(page.Locator("#flash")).ToContainTextAsync("Đã triệu tập");
        await Assertions.Expect(page.Locator("#base")).ToContainTextAsync("301 đại biểu được triệu tập");

        // Import preview of a small file with one bad date: problems listed, nothing to commit.
        var csv = "Mã đại biểu,Họ và tên,Ngày sinh,Đoàn,Loại đại biểu\r\nDB900,Nguyễn Văn Mới,01/02/1970,Đoàn mới,Chính thức\r\nDB901,Trần Thị Sai,31/02/1971,Đoàn mới,Chính thức\r\n";
        await page.SetInputFilesAsync("#import-form input[type=file]", new FilePayload { Name = "thu.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.ClickAsync("#import-form button[type=submit]");
        await Assertions.Expect(page.Locator("#import-result")).ToContainTextAsync("Dòng 3");
        await Assertions.Expect(page.Locator("#import-commit")).ToBeDisabledAsync();

        await page.ClickAsync("#audit-verify");
        await Assertions.Expect(page.Locator("#audit-result")).ToContainTextAsync("nguyên vẹn");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName, "admin.png"), FullPage = false });
        Assert.Empty(errors);
    }
}
