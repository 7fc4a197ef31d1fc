using System.Text.Json;
using Microsoft.Playwright;

namespace ElectionSystem.Browser.Tests.Crypto;

/// <summary>
/// One hall and one Chromium for the crypto tests: the modules of wwwroot/js/crypto run in a page the
/// server serves with the crypto pages' policy (/tablet: 'wasm-unsafe-eval'), imported by the test
/// harness (crypto-harness.js in this folder, served at /test/crypto-harness.js through Playwright's
/// routing, so it is an ordinary same-origin module under the page's CSP). Every page records any
/// policy violation or page error; <see cref="RunAsync"/> fails on one.
/// </summary>
public sealed class CryptoHall : IAsyncLifetime
{
    private const string HarnessUrl = "/test/crypto-harness.js";
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private readonly KestrelHall _hall = new();

    public string BaseUrl => _hall.BaseUrl;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await HallChromium.LaunchAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _hall.DisposeAsync();
    }

    /// <summary>A fresh page (its own browser context) on <paramref name="path"/>, the harness routable from it.</summary>
    public async Task<CryptoPage> OpenAsync(string path = "/tablet")
    {
        var context = await _browser.NewContextAsync(new() { BaseURL = BaseUrl });
        var harness = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Crypto", "crypto-harness.js"));
        await context.RouteAsync(BaseUrl + HarnessUrl, route => route.FulfillAsync(new()
        {
            Status = 200, ContentType = "text/javascript", Body = harness,
        }));
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.PageError += (_, e) => problems.Add("page error: " + e);
        page.Console += (_, m) =>
        {
            if (m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)
                || m.Text.Contains("WebAssembly", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add("console: " + m.Text);
            }
        };
        await page.GotoAsync(path);
        return new CryptoPage(context, page, problems);
    }
}

public sealed class CryptoPage(IBrowserContext context, IPage page, List<string> problems) : IAsyncDisposable
{
    public IPage Page => page;

    public IReadOnlyList<string> Problems => problems;

    /// <summary>
    /// Calls the harness's exported function <paramref name="name"/>(argument) in the page; its JSON
    /// result. The argument crosses as JSON text (System.Text.Json: anonymous objects, JsonElement).
    /// </summary>
    public async Task<JsonElement> RunAsync(string name, object? argument = null)
    {
        var json = await page.EvaluateAsync<string>(
            "async ([name, arg]) => JSON.stringify(await (await import('/test/crypto-harness.js'))[name](JSON.parse(arg)))",
            new object?[] { name, JsonSerializer.Serialize(argument) });
        Assert.Empty(problems);
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    public async ValueTask DisposeAsync() => await context.CloseAsync();
}
