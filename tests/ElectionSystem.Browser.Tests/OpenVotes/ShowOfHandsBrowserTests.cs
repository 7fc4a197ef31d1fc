using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ElectionSystem.Browser.Tests.OpenVotes;

/// <summary>
/// Issue 11: a show of hands typed on the presidium console is said back (figures, total / present) before
/// it is sent; a total over those present is refused; it can be corrected until "Đã in quyết định".
/// </summary>
public sealed class ShowOfHandsBrowserTests(OpenVotesBrowserFixture hall) : IClassFixture<OpenVotesBrowserFixture>
{
    private Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(hall.ScreenshotFolder, name + ".png"), FullPage = true });

    [Fact]
    public async Task A_show_of_hands_is_confirmed_with_its_figures_bounded_by_those_present_and_corrected_until_printed()
    {
        var context = await hall.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = hall.BaseUrl, ViewportSize = new ViewportSize { Width = 1366, Height = 768 } });
        var login = await context.APIRequest.PostAsync("/api/auth/login", new() { DataObject = new { userName = "chutich", password = OpenVotesBrowserFixture.Password } });
        Assert.True(login.Ok, await login.TextAsync());
        var presidium = await context.NewPageAsync();
        var asked = new List<string>();
        presidium.Dialog += (_, dialog) =>
        {
            lock (asked) asked.Add(dialog.Message);
            dialog.AcceptAsync();
        };
        await presidium.GotoAsync("/presidium");
        await Expect(presidium.Locator("#present")).ToHaveTextAsync("2");

        await presidium.Locator("#title").FillAsync("Thông qua quy chế bầu cử");
        await presidium.GetByRole(AriaRole.Button, new() { Name = "Thêm biểu quyết" }).ClickAsync();
        var row = presidium.Locator("#agenda tr", new() { HasText = "Thông qua quy chế bầu cử" });

        async Task TypeAsync(string button, int votesFor, int against)
        {
            await row.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
            var form = row.Locator("form.hands");
            await form.Locator("[name=for]").FillAsync(votesFor.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await form.Locator("[name=against]").FillAsync(against.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await form.Locator("[name=abstain]").FillAsync("0");
            await form.GetByRole(AriaRole.Button, new() { Name = "Ghi kết quả giơ tay" }).ClickAsync();
        }

        // 2 + 1 with 2 present: the question says so, the server refuses, the vote stays a draft.
        await TypeAsync("Nhập kết quả giơ tay", 2, 1);
        await Expect(presidium.Locator("#problem")).ToContainTextAsync("vượt quá số đại biểu có mặt (2)");
        lock (asked) Assert.Contains(asked, m => m.Contains("Tổng 3 / có mặt 2 — VƯỢT QUÁ SỐ CÓ MẶT", StringComparison.Ordinal));
        await ShotAsync(presidium, "hands-1-over-present-refused");

        await row.Locator("form.hands [name=for]").FillAsync("1");
        await row.Locator("form.hands").GetByRole(AriaRole.Button, new() { Name = "Ghi kết quả giơ tay" }).ClickAsync();
        await Expect(row).ToContainTextAsync("Tán thành 1/3");
        lock (asked) Assert.Contains(asked, m => m.Contains("Tán thành 1 · Không tán thành 1 · Không biểu quyết 0", StringComparison.Ordinal) && m.Contains("Tổng 2 / có mặt 2", StringComparison.Ordinal));
        await ShotAsync(presidium, "hands-2-recorded");

        await TypeAsync("Sửa kết quả giơ tay", 2, 0);
        await Expect(row).ToContainTextAsync("Tán thành 2/3");
        lock (asked) Assert.Contains(asked, m => m.StartsWith("Sửa kết quả giơ tay", StringComparison.Ordinal));
        await ShotAsync(presidium, "hands-3-corrected");

        await row.GetByRole(AriaRole.Button, new() { Name = "Đã in quyết định" }).ClickAsync();
        await Expect(row.Locator(".printed")).ToHaveTextAsync("Đã in quyết định");
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = "Sửa kết quả giơ tay" })).ToHaveCountAsync(0);
        await ShotAsync(presidium, "hands-4-printed");
        await context.CloseAsync();
    }
}
