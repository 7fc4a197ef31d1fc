using System.Globalization;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ElectionSystem.Browser.Tests;

/// <summary>
/// End to end in Debian's Chromium: staff sign in, a badge scan is typed into the check-in desk's
/// focused field (as a USB scanner does) and the projector's count changes. Screenshots go to
/// the test output folder (bin/…/screenshots).
/// </summary>
public sealed class CheckInToProjectorTests(ITestOutputHelper output) : HallBrowserTest
{
    private static string Screenshots => Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    [Fact]
    public async Task A_scan_typed_into_the_checkin_desk_changes_the_count_on_the_projector()
    {
        var projector = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 720 } });
        await projector.GotoAsync($"{Hall.BaseUrl}/projector?key={Hall.ProjectorKey}");
        var present = projector.Locator("#present");
        await Assertions.Expect(present).ToHaveTextAsync("0", new() { Timeout = 15_000 });
        await Assertions.Expect(projector.Locator("#summoned")).ToHaveTextAsync("300");
        await projector.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "projector-before.png") });

        var desk = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await desk.GotoAsync($"{Hall.BaseUrl}/checkin");
        await desk.WaitForURLAsync("**/login**");
        await desk.FillAsync("#userName", Hall.CheckInUser);
        await desk.FillAsync("#password", Hall.CheckInPassword);
        await desk.ClickAsync("button[type=submit]");
        await desk.WaitForURLAsync("**/checkin");
        await Assertions.Expect(desk.Locator("#summoned")).ToHaveTextAsync("300", new() { Timeout = 10_000 });

        // The scanner is a keyboard: it types into whatever has focus and presses Enter.
        await Assertions.Expect(desk.Locator("#scan")).ToBeFocusedAsync();
        await desk.Keyboard.TypeAsync(Hall.Badges.Issue("DB001", 1));
        var started = DateTime.UtcNow;
        await desk.Keyboard.PressAsync("Enter");

        await Assertions.Expect(desk.Locator("#result-message")).ToHaveTextAsync("Đã điểm danh", new() { Timeout = 10_000 });
        await Assertions.Expect(present).ToHaveTextAsync("1", new() { Timeout = 10_000 });
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Enter → projector shows 1: {(DateTime.UtcNow - started).TotalMilliseconds:F0} ms (includes Playwright polling)"));
        await desk.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "checkin-after.png") });
        await projector.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "projector-after.png") });

        // The same badge again: amber, with the time.
        await desk.Keyboard.TypeAsync(Hall.Badges.Issue("DB001", 1));
        await desk.Keyboard.PressAsync("Enter");
        await Assertions.Expect(desk.Locator("#result-message")).ToContainTextAsync("Đại biểu đã điểm danh lúc");
        await Assertions.Expect(desk.Locator("#result")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("warn"));
        await Assertions.Expect(desk.Locator("#present")).ToHaveTextAsync("1");
    }
}
