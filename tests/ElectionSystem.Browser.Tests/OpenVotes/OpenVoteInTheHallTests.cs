using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ElectionSystem.Browser.Tests.OpenVotes;

public sealed class OpenVoteInTheHallTests(OpenVotesBrowserFixture hall) : IClassFixture<OpenVotesBrowserFixture>
{
    private async Task<IPage> TabletAsync(string code)
    {
        var context = await hall.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = hall.BaseUrl, ViewportSize = new ViewportSize { Width = 800, Height = 1100 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/tablet");
        await page.Locator("#code").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Tiếp tục" }).ClickAsync();
        foreach (var digit in OpenVotesBrowserFixture.Pin)
        {
            await page.Locator($"#pinpad button[data-digit='{digit}']").ClickAsync();
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Expect(page.Locator("#waiting-text")).ToContainTextAsync("đang chờ biểu quyết");
        return page;
    }

    private Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(hall.ScreenshotFolder, name + ".png"), FullPage = true });

    [Fact]
    public async Task Presidium_opens_a_vote_two_tablets_vote_the_projector_counts_and_close_shows_the_decision()
    {
        var presidiumContext = await hall.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = hall.BaseUrl });
        var login = await presidiumContext.APIRequest.PostAsync("/api/auth/login", new() { DataObject = new { userName = "chutich", password = OpenVotesBrowserFixture.Password } });
        Assert.True(login.Ok, await login.TextAsync());
        var presidium = await presidiumContext.NewPageAsync();
        presidium.Dialog += (_, dialog) => dialog.AcceptAsync();
        await presidium.GotoAsync("/presidium");
        await Expect(presidium.Locator("#base")).ToHaveTextAsync("3");
        await Expect(presidium.Locator("#present")).ToHaveTextAsync("2");

        var projectorContext = await hall.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = hall.BaseUrl, ViewportSize = new ViewportSize { Width = 1600, Height = 900 } });
        var projector = await projectorContext.NewPageAsync();
        await projector.GotoAsync("/projector?key=" + Uri.EscapeDataString(hall.DisplayKey));
        await Expect(projector.Locator("#present")).ToHaveTextAsync("2");

        var an = await TabletAsync("B001");
        var binh = await TabletAsync("b002");
        await Expect(an.Locator("#waiting-text")).ToHaveTextAsync("Đại biểu Nguyễn Văn An — đang chờ biểu quyết");
        await ShotAsync(an, "1-tablet-waiting");

        await presidium.Locator("#title").FillAsync("Thông qua chương trình đại hội");
        // This vote shows its running count on the projector (an option, off by default: issue 11).
        await presidium.Locator("#liveCounts").CheckAsync();
        await presidium.GetByRole(AriaRole.Button, new() { Name = "Thêm biểu quyết" }).ClickAsync();
        var row = presidium.Locator("#agenda tr", new() { HasText = "Thông qua chương trình đại hội" });
        await row.GetByRole(AriaRole.Button, new() { Name = "Mở biểu quyết" }).ClickAsync();
        await Expect(row).ToContainTextAsync("Đang biểu quyết");

        foreach (var tablet in new[] { an, binh })
        {
            await Expect(tablet.Locator(".vote-title")).ToHaveTextAsync("Thông qua chương trình đại hội");
        }
        await an.GetByRole(AriaRole.Button, new() { Name = "Tán thành", Exact = true }).ClickAsync();
        await Expect(an.Locator(".recorded")).ToContainTextAsync("Đã ghi nhận: Tán thành");
        // Bình changes her mind: the second choice replaces the first.
        await binh.GetByRole(AriaRole.Button, new() { Name = "Không tán thành", Exact = true }).ClickAsync();
        await Expect(binh.Locator(".recorded")).ToContainTextAsync("Đã ghi nhận: Không tán thành");
        await Expect(projector.Locator("[data-n=against]")).ToHaveTextAsync("1");
        await binh.GetByRole(AriaRole.Button, new() { Name = "Tán thành", Exact = true }).ClickAsync();
        await Expect(binh.Locator(".recorded")).ToContainTextAsync("Đã ghi nhận: Tán thành");
        // The current choice is the highlighted one (its accessible name gains a ✓).
        await Expect(binh.Locator("button[data-choice=For]")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(binh.Locator("button[data-choice=Against]")).ToHaveAttributeAsync("aria-pressed", "false");
        await ShotAsync(binh, "2-tablet-voted");

        await Expect(projector.Locator(".pv-question")).ToHaveTextAsync("Thông qua chương trình đại hội");
        await Expect(projector.Locator("[data-n=for]")).ToHaveTextAsync("2");
        await Expect(projector.Locator("[data-n=against]")).ToHaveTextAsync("0");
        await Expect(projector.Locator("[data-n=notyet]")).ToHaveTextAsync("0");
        await ShotAsync(projector, "3-projector-counting");
        await ShotAsync(presidium, "4-presidium-open");

        await row.GetByRole(AriaRole.Button, new() { Name = "Kết thúc biểu quyết" }).ClickAsync();
        await Expect(projector.Locator(".pv-decision")).ToHaveTextAsync("Tán thành 2/3 (66,67%) — Thông qua");
        await Expect(row).ToContainTextAsync("Đã kết thúc");
        await Expect(an.Locator("#waiting-text")).ToBeVisibleAsync();
        await ShotAsync(projector, "5-projector-decision");

        var decisions = await presidiumContext.NewPageAsync();
        await decisions.GotoAsync("/presidium/decisions");
        await Expect(decisions.Locator("table")).ToContainTextAsync("Tán thành 2/3 (66,67%) — Thông qua");
        await ShotAsync(decisions, "6-decisions");
    }
}
