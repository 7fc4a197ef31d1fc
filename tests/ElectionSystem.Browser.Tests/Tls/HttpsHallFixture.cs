using Microsoft.EntityFrameworkCore;
using System.Collections;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using ElectionSystem.Browser.Tests.Elections;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ElectionSystem.Browser.Tests.Tls;

/// <summary>
/// The server as the systemd unit runs it: Kestrel's endpoint from configuration
/// (<c>Kestrel:Endpoints:Https</c> with the certificate's PEM paths), HTTPS only, on 127.0.0.1 and a
/// free port. The browser reaches it as https://hall.test:PORT (Chromium's host-resolver rule maps
/// the name to 127.0.0.1): a name, unlike localhost, is a secure context only over HTTPS.
/// </summary>
public sealed class HttpsHallFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly HallTrust _trust = HallTrust.Create();
    private readonly int _port = KestrelHall.FreePort();

    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "es-browser-tls-" + Guid.NewGuid().ToString("N"));
    public string BaseUrl { get; private set; } = "";
    public IPlaywright Playwright { get; private set; } = null!;
    public HallTrust Trust => _trust;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(DataFolder);
        builder.UseSetting("DataFolder", DataFolder);
        builder.UseSetting("Demo", "false");
        builder.UseSetting("Auth:LoginAttemptsPerMinutePerAddress", "1000");
        // A port chosen here, not 0: Kestrel binds endpoints from configuration again when the
        // configuration reloads (Development watches appsettings), and port 0 then meant a new port
        // while the tests kept the old one ("Connection refused" in a full CI run, twice).
        builder.UseSetting("Kestrel:Endpoints:Https:Url", $"https://127.0.0.1:{_port}");
        builder.UseSetting("Kestrel:Endpoints:Https:Certificate:Path", _trust.ServerCertificate);
        builder.UseSetting("Kestrel:Endpoints:Https:Certificate:KeyPath", _trust.ServerKey);
        builder.UseEnvironment("Development");
    }

    public async Task InitializeAsync()
    {
        ElectionsBrowserFixture.EnsureBrowserBundles();
        UseKestrel();
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        var address = new Uri(Assert.Single(addresses));
        Assert.Equal("https", address.Scheme);
        Assert.Equal(_port, address.Port);
        BaseUrl = $"https://{HallTrust.HostName}:{address.Port}";
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
    }

    /// <summary>Debian's Chromium with HOME set, so it reads that home's NSS database; no certificate errors ignored.</summary>
    public Task<IBrowser> LaunchChromiumAsync(string home)
    {
        var environment = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "");
        environment["HOME"] = home;
        Assert.DoesNotContain(HallChromium.Args, a => a.Contains("ignore-certificate", StringComparison.Ordinal));
        return Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = HallChromium.Find(),
            Headless = true,
            Args = [.. HallChromium.Args, $"--host-resolver-rules=MAP {HallTrust.HostName} 127.0.0.1"],
            Env = environment,
        });
    }

    /// <summary>An HttpClient over the same TLS, trusting the hall CA only (no blanket accept).</summary>
    public HttpClient Client()
    {
        var ca = X509Certificate2.CreateFromPem(File.ReadAllText(_trust.CaCertificate));
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, ct) =>
            {
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
                await socket.ConnectAsync(System.Net.IPAddress.Loopback, context.DnsEndPoint.Port, ct);
                return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
            },
        };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
        {
            if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None) return false;
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(ca);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return chain.Build(new X509Certificate2(certificate));
        };
        return new HttpClient(handler) { BaseAddress = new Uri(BaseUrl) };
    }

    public async Task<T> WithDbAsync<T>(Func<ElectionDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<ElectionDbContext>());
    }

    /// <summary>Makes a staff account and returns a client signed in with its bearer token, over HTTPS.</summary>
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
        var client = Client();
        var login = await client.PostAsJsonAsync("/api/auth/login", new LoginRequest(userName, password));
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<LoginResponse>())!.AccessToken;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        Playwright?.Dispose();
        await DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { }
        _trust.Dispose();
    }
}
