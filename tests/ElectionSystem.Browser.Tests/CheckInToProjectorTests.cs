using System.Globalization;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ElectionSystem.Browser.Tests;

/// <summary>
/// End to end in Debian's Chromium: staff sign in, a badge scan is typed into the check-in desk's
/// focused field (as a USB scanner does) and the projector's count changes. Screenshots go to
/// the test output folder (bin/…/screenshots).
/// </summary>
public sealed class CheckInToProjectorTests(ITestOutputHelper output) : IAsyncLifetime
{
    internal static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly KestrelHall _hall = new();
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    private static string Screenshots => Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    /// <summary>Debian's chromium; a missing browser is a failure with the fix in it, never a skip.</summary>
    internal static string FindChromium()
    {
        var candidates = new[] { Environment.GetEnvironmentVariable("CHROMIUM_PATH"), "/usr/bin/chromium", "/usr/bin/chromium-browser" };
        return candidates.FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p))
            ?? throw new InvalidOperationException(
                "Chromium not found (looked at $CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser). "
                + "Install it with `apt-get install -y chromium` (.ci/run does this), or set CHROMIUM_PATH.");
    }

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = FindChromium(),
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _hall.DisposeAsync();
    }

    [Fact]
    public async Task A_scan_typed_into_the_checkin_desk_changes_the_count_on_the_projector()
    {
        var projector = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 720 } });
        await projector.GotoAsync($"{_hall.BaseUrl}/projector?key={_hall.ProjectorKey}");
        var present = projector.Locator("#present");
        await Assertions.Expect(present).ToHaveTextAsync("0", new() { Timeout = 15_000 });
        await Assertions.Expect(projector.Locator("#summoned")).ToHaveTextAsync("300");
        await projector.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "projector-before.png") });

        var desk = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await desk.GotoAsync($"{_hall.BaseUrl}/checkin");
        await desk.WaitForURLAsync("**/login**");
        await desk.FillAsync("#userName", _hall.CheckInUser);
        await desk.FillAsync("#password", _hall.CheckInPassword);
        await desk.ClickAsync("button[type=submit]");
        await desk.WaitForURLAsync("**/checkin");
        await Assertions.Expect(desk.Locator("#summoned")).ToHaveTextAsync("300", new() { Timeout = 10_000 });

        // The scanner is a keyboard: it types into whatever has focus and presses Enter.
        await Assertions.Expect(desk.Locator("#scan")).ToBeFocusedAsync();
        await desk.Keyboard.TypeAsync(_hall.Badges.Issue("DB001", 1));
        var started = DateTime.UtcNow;
        await desk.Keyboard.PressAsync("Enter");

        await Assertions.Expect(desk.Locator("#result-message")).ToHaveTextAsync("Đã điểm danh", new() { Timeout = 10_000 });
        await Assertions.Expect(present).ToHaveTextAsync("1", new() { Timeout = 10_000 });
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Enter → projector shows 1: {(DateTime.UtcNow - started).TotalMilliseconds:F0} ms (includes Playwright polling)"));
        await desk.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "checkin-after.png") });
        await projector.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "projector-after.png") });

        // The same badge again: amber, with the time.
        await desk.Keyboard.TypeAsync(_hall.Badges.Issue("DB001", 1));
        await desk.Keyboard.PressAsync("Enter");
        await Assertions.Expect(desk.Locator("#result-message")).ToContainTextAsync("Đại biểu đã điểm danh lúc");
        await Assertions.Expect(desk.Locator("#result")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("warn"));
        await Assertions.Expect(desk.Locator("#present")).ToHaveTextAsync("1");
    }
}
