using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace ElectionSystem.Browser.Tests;

/// <summary>
/// The projector is whole again after a server restart: it shows its reconnecting mark while the
/// server is down, reconnects by itself to the new process at the same address, refetches, and
/// then follows check-ins made on the new server.
/// </summary>
public sealed class ProjectorRestartTests : IAsyncLifetime
{
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "es-restart-" + Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await HallChromium.LaunchAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static async Task ScanAsync(KestrelHall hall, string code)
    {
        using var http = new HttpClient { BaseAddress = new Uri(hall.BaseUrl) };
        var login = await http.PostAsJsonAsync("/api/auth/login", new { userName = hall.CheckInUser, password = hall.CheckInPassword });
        login.EnsureSuccessStatusCode();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        (await http.PostAsJsonAsync("/api/checkin/scan", new { token = hall.Badges.Issue(code, 1) })).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Projector_recovers_by_itself_after_a_server_restart()
    {
        var port = KestrelHall.FreePort();
        var first = new KestrelHall(_dataFolder, port, keepData: true);
        var page = await _browser.NewPageAsync();
        await page.GotoAsync($"{first.BaseUrl}/projector?key={first.ProjectorKey}");
        var present = page.Locator("#present");
        await Assertions.Expect(present).ToHaveTextAsync("0", new() { Timeout = 15_000 });
        await ScanAsync(first, "DB010");
        await Assertions.Expect(present).ToHaveTextAsync("1", new() { Timeout = 10_000 });

        await first.DisposeAsync();
        await Assertions.Expect(page.Locator("#live-status")).ToBeVisibleAsync(new() { Timeout = 15_000 });

        await using var second = new KestrelHall(_dataFolder, port, keepData: true);
        await ScanAsync(second, "DB011");
        await Assertions.Expect(present).ToHaveTextAsync("2", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#live-status")).ToBeHiddenAsync(new() { Timeout = 10_000 });
        await page.ScreenshotAsync(new() { Path = Path.Combine(Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName, "projector-after-restart.png") });
    }
}
