using Microsoft.Playwright;

namespace ElectionSystem.Browser.Tests;

/// <summary>A test class with its own hall on Kestrel (<see cref="KestrelHall"/>) and Debian's Chromium, both ended after it.</summary>
public abstract class HallBrowserTest : IAsyncLifetime
{
    private IPlaywright _playwright = null!;

    protected KestrelHall Hall { get; } = new();

    protected IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        Browser = await HallChromium.LaunchAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await Hall.DisposeAsync();
    }
}
