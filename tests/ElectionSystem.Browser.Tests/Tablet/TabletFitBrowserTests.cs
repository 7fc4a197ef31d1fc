using System.Net.Http.Json;
using System.Text.Json;
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

namespace ElectionSystem.Browser.Tests.Tablet;

/// <summary>
/// The tablet at the hall's sizes: in portrait (800×1280) every name on the ballot stays on one line,
/// so the pen line runs through it; at 1280×800 a wrong PIN is said inside the viewport. Screenshots
/// under bin/…/artifacts/screenshots.
/// </summary>
public class TabletFitBrowserTests(ElectionsBrowserFixture hall, ITestOutputHelper output) : IClassFixture<ElectionsBrowserFixture>
{
    private const string Pin = "531642";
    private static readonly SemaphoreSlim Setup = new(1, 1);
    private static bool _ready;

    private async Task HallAsync()
    {
        await Setup.WaitAsync();
        try
        {
            if (_ready) return;
            await hall.SeatAsync(Pin, 0, ("Nguyễn Văn Bảy", "T001"), ("Trần Thị Tám", "T002"));
            // A delegation's ballot 1: long names with long delegation lines, as a real list has.
            using var presidium = await hall.StaffAsync("chutich-tablet", Roles.Presidium);
            string[] names = ["Nguyễn Thị Phương Thảo", "Trần Nguyễn Hoàng Long", "Lê Thị Thanh Huyền", "Phạm Văn Quang Trường", "Hoàng Thị Mỹ Duyên"];
            var (_, round) = await OpenRoundAsync(presidium,
                new CreateElectionRequest(ElectionKinds.Delegation, "Bầu đoàn đại biểu dự Đại hội đại biểu toàn quốc lần thứ XIV", 3, AlternateSeats: 1),
                names.Select(n => new AddCandidateRequest(n, new DateOnly(1975, 5, 19), "Phó Bí thư Thường trực Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh")));
            _ready = true;
        }
        finally
        {
            Setup.Release();
        }
    }

    private async Task<IPage> TabletAsync(int width, int height)
    {
        var context = await hall.Browser.NewContextAsync(new() { BaseURL = hall.BaseUrl, ViewportSize = new() { Width = width, Height = height }, HasTouch = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/tablet");
        return page;
    }

    [Fact]
    public async Task In_portrait_every_name_on_the_ballot_is_one_line_with_the_pen_line_through_it()
    {
        await HallAsync();
        var tablet = await TabletAsync(800, 1280);
        await tablet.FillAsync("#code", "T001");
        await tablet.ClickAsync("#code-next");
        await tablet.Keyboard.TypeAsync(Pin);
        await tablet.Keyboard.PressAsync("Enter");
        await Expect(tablet.Locator(".ballot-name")).ToHaveCountAsync(5);
        await Expect(tablet.Locator(".ballot-head .round")).ToHaveTextAsync("Bầu đại biểu chính thức (phiếu 1)");
        await tablet.Locator(".ballot-name", new() { HasText = "Trần Nguyễn Hoàng Long" }).ClickAsync();
        await Expect(tablet.Locator(".ballot-name.struck")).ToHaveCountAsync(1);

        // Per name: the line boxes its text occupies, its height, and its font's line height.
        var rows = await tablet.EvaluateAsync<JsonElement>("""
            () => [...document.querySelectorAll('.ballot-name .who')].map((w) => {
              const range = document.createRange();
              range.selectNodeContents(w);
              const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
              const probe = document.createElement('span');
              probe.textContent = 'Ây';
              probe.style.whiteSpace = 'nowrap';
              w.parentElement.append(probe);
              const line = probe.getBoundingClientRect().height;
              probe.remove();
              return { name: w.textContent, lines: tops.size, height: w.getBoundingClientRect().height, line };
            })
            """);
        await tablet.ScreenshotAsync(new() { Path = Shot("tablet-portrait-ballot.png"), FullPage = true });
        Assert.Equal(5, rows.GetArrayLength());
        foreach (var row in rows.EnumerateArray())
        {
            var name = row.GetProperty("name").GetString();
            Assert.True(row.GetProperty("lines").GetInt32() == 1, $"\"{name}\" wraps onto {row.GetProperty("lines").GetInt32()} lines");
            var height = row.GetProperty("height").GetDouble();
            var line = row.GetProperty("line").GetDouble();
            Assert.True(Math.Abs(height - line) < 2, $"\"{name}\" is {height:F1} px high, one line is {line:F1} px");
        }
    }

    [Fact]
    public async Task A_wrong_PIN_is_said_inside_the_viewport_at_1280_by_800()
    {
        await HallAsync();
        var tablet = await TabletAsync(1280, 800);
        await tablet.FillAsync("#code", "T002");
        await tablet.ClickAsync("#code-next");
        await tablet.Keyboard.TypeAsync("000000");
        await tablet.Keyboard.PressAsync("Enter");
        var error = tablet.Locator("#signin-error");
        await Expect(error).ToBeVisibleAsync();
        await Expect(error).ToContainTextAsync("PIN");
        await tablet.ScreenshotAsync(new() { Path = Shot("tablet-wrong-pin-1280x800.png") });
        var box = await error.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Y >= 0 && box.Y + box.Height <= 800 && box.X >= 0 && box.X + box.Width <= 1280,
            $"The message is at y={box.Y:F0}..{box.Y + box.Height:F0}, x={box.X:F0}..{box.X + box.Width:F0}; the viewport is 1280×800");
    }

    private string Shot(string file)
    {
        var path = Path.Combine(ElectionsBrowserFixture.ScreenshotFolder, file);
        output.WriteLine("screenshot: " + path);
        return path;
    }
}
