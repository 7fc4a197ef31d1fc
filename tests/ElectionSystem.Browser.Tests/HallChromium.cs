using Microsoft.Playwright;

namespace ElectionSystem.Browser.Tests;

/// <summary>
/// Debian's Chromium, launched the one way every browser test uses: headless, no sandbox (root in
/// CI), no background networking (the hall machine has no internet). Playwright downloads no
/// browser; a missing chromium is a failure with the fix in it, never a skip.
/// </summary>
public static class HallChromium
{
    public static readonly string[] Args =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    public static string Find()
    {
        var candidates = new[] { Environment.GetEnvironmentVariable("CHROMIUM_PATH"), "/usr/bin/chromium", "/usr/bin/chromium-browser" };
        return candidates.FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p))
            ?? throw new InvalidOperationException(
                "Chromium not found (looked at $CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser). "
                + "Install it with `apt-get install -y chromium` (.ci/run does this), or set CHROMIUM_PATH.");
    }

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Find(), Headless = true, Args = Args });
}
