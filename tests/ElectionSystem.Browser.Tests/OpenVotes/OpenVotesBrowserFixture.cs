using Microsoft.EntityFrameworkCore;
using ElectionSystem.Domain.Congress;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Tablet;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ElectionSystem.Browser.Tests.OpenVotes;

/// <summary>
/// The real server on Kestrel (loopback, a free port) with a fresh data folder, and Debian's
/// Chromium driven by Playwright. Named for open votes so it cannot clash with the server
/// branch's browser fixture; the integrator may fold the two together.
/// </summary>
public sealed class OpenVotesBrowserFixture : IAsyncLifetime
{
    public const string Password = "presidium-password-1";
    public const string Pin = "135790";

    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "es-browser-votes-" + Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program>? _factory;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public string DisplayKey { get; private set; } = "";
    public string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dataFolder);
        Directory.CreateDirectory(ScreenshotFolder);
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("DataFolder", _dataFolder);
            b.UseSetting("Auth:LoginAttemptsPerMinutePerAddress", "1000");
            b.UseEnvironment("Development");
        });
        // An explicit loopback listener on a free port: UseKestrel(0) still bound the default port 5000, which clashes with any other server.
        _factory.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        _factory.StartServer();
        BaseUrl = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal);
        if (!File.Exists(Path.Combine(FindServerContentRoot(), "wwwroot", "lib", "signalr.min.js")))
        {
            throw new InvalidOperationException("wwwroot/lib/signalr.min.js is missing: run `npm ci` in src/ElectionSystem.Server (the server build's npm target does this).");
        }
        await SeedAsync();

        _playwright = await Playwright.CreateAsync();
        Browser = await HallChromium.LaunchAsync(_playwright);
    }

    /// <summary>Three delegates (Base 3), the first two checked in; a presidium account; a display key.</summary>
    private async Task SeedAsync()
    {
        await using var scope = _factory!.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ElectionDbContext>();
        var session = new CongressSession { Id = Guid.NewGuid(), Ordinal = 1, Title = "Phiên thứ nhất", Date = new DateOnly(2025, 10, 14), IsCurrent = true };
        var group = new Delegation { Id = Guid.NewGuid(), Name = "Đoàn đại biểu Đảng bộ Khối", SortOrder = 1 };
        db.Sessions.Add(session);
        db.Delegations.Add(group);
        var names = new[] { ("B001", "Nguyễn Văn An"), ("B002", "Trần Thị Bình"), ("B003", "Lê Văn Cường") };
        var pinHash = PinHasher.Hash(Pin);
        for (var i = 0; i < names.Length; i++)
        {
            var d = new CongressDelegate
            {
                Id = Guid.NewGuid(), Code = names[i].Item1, FullName = names[i].Item2, SearchKey = names[i].Item2.ToLowerInvariant(),
                DelegationId = group.Id, Category = DelegateCategory.Official,
            };
            db.Delegates.Add(d);
            db.DelegateCredentials.Add(new DelegateCredential { DelegateId = d.Id, PinHash = pinHash });
            if (i < 2)
            {
                db.CheckIns.Add(new CheckIn { Id = Guid.NewGuid(), SessionId = session.Id, DelegateId = d.Id, At = DateTime.UtcNow, By = "test" });
            }
        }
        // The first start made "chutich" (ADR 0010, its own password file): the fixture's, with a known password, takes its place.
        await db.Accounts.Where(a => a.UserName == "chutich").ExecuteDeleteAsync();
        db.Accounts.Add(new Account
        {
            Id = Guid.NewGuid(), UserName = "chutich", DisplayName = "Đoàn Chủ tịch", Role = Roles.Presidium,
            PasswordHash = PasswordHasher.Hash(Password), CreatedAt = DateTime.UtcNow,
        });
        DisplayKey = DisplayKeys.NewKey();
        db.DisplayKeys.Add(new DisplayKey { Id = Guid.NewGuid(), Name = "Màn hình chính", KeyHash = DisplayKeys.HashKey(DisplayKey), CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
    }

    private static string FindServerContentRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ElectionSystem.sln")))
        {
            dir = dir.Parent;
        }
        return Path.Combine(dir?.FullName ?? ".", "src", "ElectionSystem.Server");
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // Left in /tmp; not worth failing the run.
        }
    }
}
