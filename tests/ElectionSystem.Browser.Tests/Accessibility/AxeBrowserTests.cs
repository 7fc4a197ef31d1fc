using System.Net.Http.Json;
using System.Text.Json;
using Deque.AxeCore.Playwright;
using ElectionSystem.Browser.Tests.Elections;
using ElectionSystem.Domain.Congress;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Elections;
using ElectionSystem.Server.Features.Tablet;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static ElectionSystem.Browser.Tests.BrowserApi;

namespace ElectionSystem.Browser.Tests.Accessibility;

/// <summary>
/// axe-core (Deque.AxeCore.Playwright) in Chromium finds no violation on the six working screens,
/// each opened by its own role during an open round. A screenshot of each page is kept under
/// bin/…/artifacts/screenshots.
/// </summary>
public class AxeBrowserTests(ElectionsBrowserFixture hall, ITestOutputHelper output) : IClassFixture<ElectionsBrowserFixture>
{
    private const string Pin = "975310";
    private const string Password = "browser-pass-1";
    private static readonly SemaphoreSlim Setup = new(1, 1);
    private static bool _ready;

    private async Task HallAsync()
    {
        await Setup.WaitAsync();
        try
        {
            if (_ready) return;
            await hall.SeatAsync(Pin, 2, ("Nguyễn Văn Bảy", "A001"), ("Trần Thị Tám", "A002"), ("Lê Văn Chín", "A003"));
            using var presidium = await hall.StaffAsync("a11y-presidium", Roles.Presidium, Password);
            await hall.StaffAsync("a11y-organiser", Roles.Organiser, Password);
            await hall.StaffAsync("a11y-desk", Roles.CheckInStaff, Password);
            await hall.StaffAsync("a11y-entry", Roles.EntryOperator, Password);
            var (_, round) = await OpenRoundAsync(presidium,
                new CreateElectionRequest(ElectionKinds.ExecutiveCommittee, "Bầu Ban Chấp hành Đảng bộ khóa mới, nhiệm kỳ 2025 – 2030", 2),
                new[] { "Vũ Văn Hải", "Đào Thị Hoa", "Lương Văn Kiên" }.Select(n => new AddCandidateRequest(n)));
            _ready = true;
        }
        finally
        {
            Setup.Release();
        }
    }

    [Theory]
    [InlineData("/tablet", null, ".screen:not([hidden])")]
    [InlineData("/checkin", "a11y-desk", "#scan")]
    [InlineData("/admin", "a11y-organiser", "main")]
    [InlineData("/committee", "A001", "#round-state")]
    [InlineData("/presidium", "a11y-presidium", "#present")]
    [InlineData("/entry", "a11y-entry", "main")]
    public async Task Axe_finds_no_violation(string path, string? who, string ready)
    {
        await HallAsync();
        var context = await hall.Browser.NewContextAsync(new() { BaseURL = hall.BaseUrl, ViewportSize = new() { Width = 1366, Height = 768 } });
        if (who is not null)
        {
            var signIn = who.StartsWith('A')
                ? await context.APIRequest.PostAsync("/api/committee/signin", new() { DataObject = new { code = who, pin = Pin, passphrase = ElectionsBrowserFixture.MemberPassphrase } })
                : await context.APIRequest.PostAsync("/api/auth/login", new() { DataObject = new { userName = who, password = Password } });
            Assert.True(signIn.Ok, await signIn.TextAsync());
        }
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        await Expect(page.Locator(ready).First).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var results = await page.RunAxe();
        await page.ScreenshotAsync(new() { Path = Shot("axe" + path.Replace('/', '-') + ".png"), FullPage = true });
        var found = results.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} — " +
            string.Join(" | ", v.Nodes.Select(n => $"{n.Target} {n.Html}"))).ToList();
        foreach (var f in found) output.WriteLine(f);
        Assert.True(found.Count == 0, $"axe on {path}:\n" + string.Join("\n", found));
        await context.CloseAsync();
    }

    private string Shot(string file)
    {
        var path = Path.Combine(ElectionsBrowserFixture.ScreenshotFolder, file);
        output.WriteLine("screenshot: " + path);
        return path;
    }
}
