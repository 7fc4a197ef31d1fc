using Microsoft.EntityFrameworkCore;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ElectionSystem.Domain.Congress;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Tablet;
using ElectionSystem.Server.Features.Elections;
using ElectionSystem.Server.Features.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ElectionSystem.Browser.Tests.Elections;

/// <summary>
/// The real server on Kestrel (127.0.0.1, a free port) with a fresh data folder, and Debian's
/// Chromium driven by Playwright. No browser download: a missing chromium fails with a clear
/// message. The SignalR browser bundle comes from npm (the server's package.json) when wwwroot/lib
/// has not been filled yet.
/// </summary>
public sealed class ElectionsBrowserFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>Every committee member's own committee passphrase in browser tests.</summary>
    public const string MemberPassphrase = "mật khẩu Ban Kiểm phiếu";

    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "es-browser-" + Guid.NewGuid().ToString("N"));
    public string BaseUrl { get; private set; } = "";
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(DataFolder);
        builder.UseSetting("DataFolder", DataFolder);
        builder.UseSetting("Demo", "false");
        builder.UseSetting("Auth:LoginAttemptsPerMinutePerAddress", "1000");
        builder.UseEnvironment("Development");
    }

    public async Task InitializeAsync()
    {
        EnsureBrowserBundles();
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await HallChromium.LaunchAsync(Playwright);
        Directory.CreateDirectory(ScreenshotFolder);
    }

    public async Task<T> WithDbAsync<T>(Func<ElectionDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<ElectionDbContext>());
    }

    /// <summary>
    /// A session in progress and one delegation whose delegates (name, code) are checked in with the
    /// same PIN; the first <paramref name="members"/> of them are the counting committee (as the
    /// congress's open vote chose them, ADR 0010), the first the chair.
    /// </summary>
    public Task<List<CongressDelegate>> SeatAsync(string pin, int members, params (string Name, string Code)[] people) => WithDbAsync(async db =>
    {
        var session = new CongressSession { Id = Guid.NewGuid(), Ordinal = 1, Title = "Phiên thứ nhất", Date = new DateOnly(2025, 10, 15), IsCurrent = true };
        db.Sessions.Add(session);
        var group = new Delegation { Id = Guid.NewGuid(), Name = "Đoàn Thành phố", SortOrder = 1 };
        db.Delegations.Add(group);
        var hash = PinHasher.Hash(pin);
        var list = new List<CongressDelegate>();
        foreach (var (name, code) in people)
        {
            var d = new CongressDelegate { Id = Guid.NewGuid(), Code = code, FullName = name, SearchKey = name, DelegationId = group.Id, Category = DelegateCategory.Official };
            db.Delegates.Add(d);
            db.Set<DelegateCredential>().Add(new DelegateCredential { DelegateId = d.Id, PinHash = hash });
            db.CheckIns.Add(new CheckIn { Id = Guid.NewGuid(), SessionId = session.Id, DelegateId = d.Id, At = DateTime.UtcNow, By = "test" });
            list.Add(d);
        }
        // Members already activated (the presidium's activation is Server.Tests' CommitteeCredentialTests):
        // they sign in with code, PIN and MemberPassphrase.
        var passphrase = PasswordHasher.Hash(MemberPassphrase);
        db.Set<CountingCommitteeMember>().AddRange(list.Take(members).Select((d, i) =>
            new CountingCommitteeMember { Id = Guid.NewGuid(), Order = i, FullName = d.FullName, DelegateId = d.Id, IsChair = i == 0, PassphraseHash = passphrase }));
        await db.SaveChangesAsync();
        return list;
    });

    /// <summary>Makes a staff account and returns an HttpClient with its bearer token against Kestrel.</summary>
    public async Task<HttpClient> StaffAsync(string userName, string role, string password = "browser-pass-1")
    {
        await WithDbAsync(async db =>
        {
            // The first start made "chutich" (ADR 0010, its own password file): a test's account of that name takes its place.
            await db.Accounts.Where(a => a.UserName == userName).ExecuteDeleteAsync();
            db.Accounts.Add(new Account
            {
                Id = Guid.NewGuid(), UserName = userName, DisplayName = userName, Role = role,
                PasswordHash = PasswordHasher.Hash(password), CreatedAt = DateTime.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        var login = await client.PostAsJsonAsync("/api/auth/login", new LoginRequest(userName, password));
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<LoginResponse>())!.AccessToken;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>wwwroot/lib is filled from npm (never committed); fill it here if the build has not.</summary>
    internal static void EnsureBrowserBundles()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ElectionSystem.sln"))) dir = dir.Parent;
        if (dir is null) throw new InvalidOperationException("Cannot find the repository root (ElectionSystem.sln) above " + AppContext.BaseDirectory);
        var server = Path.Combine(dir.FullName, "src", "ElectionSystem.Server");
        var lib = Path.Combine(server, "wwwroot", "lib");
        if (File.Exists(Path.Combine(lib, "signalr.min.js"))) return;
        var signalr = Path.Combine(server, "node_modules", "@microsoft", "signalr", "dist", "browser", "signalr.min.js");
        if (!File.Exists(signalr))
        {
            using var npm = Process.Start(new ProcessStartInfo("npm", "ci --no-audit --no-fund") { WorkingDirectory = server })
                ?? throw new InvalidOperationException("npm could not be started: the pages need the SignalR browser bundle.");
            npm.WaitForExit();
            if (npm.ExitCode != 0) throw new InvalidOperationException("npm ci failed in " + server);
        }
        Directory.CreateDirectory(lib);
        File.Copy(signalr, Path.Combine(lib, "signalr.min.js"), overwrite: true);
        var jsqr = Path.Combine(server, "node_modules", "jsqr", "dist", "jsQR.js");
        if (File.Exists(jsqr)) File.Copy(jsqr, Path.Combine(lib, "jsQR.js"), overwrite: true);
        var qr = Path.Combine(server, "node_modules", "qrcode-generator", "dist", "qrcode.js");
        if (File.Exists(qr)) File.Copy(qr, Path.Combine(lib, "qrcode.js"), overwrite: true);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        Playwright?.Dispose();
        await DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { }
    }
}
