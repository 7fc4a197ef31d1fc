using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ElectionSystem.Domain.Congress;
using ElectionSystem.Domain.Names;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElectionSystem.Server.Tests.Infrastructure;

/// <summary>
/// The real server on a fresh temporary data folder (its own SQLite file, keys and badge key;
/// with ELECTION_TEST_DB=postgres a fresh database of its own in the run's PostgreSQL cluster).
/// Shared per test class (IClassFixture), so tests in a class share one start-up; tests therefore
/// make their own delegates and assert on what they made. Helpers sign in as any role, open hub
/// connections and reach the database.
/// </summary>
public partial class HallFactory : WebApplicationFactory<Program>
{
    public const string TestPassword = "test-password-1";

    private readonly ConcurrentDictionary<string, Task<string>> _tokens = new();
    private readonly Lazy<Task<string>> _displayKey;
    // A second node on the first one's storage removes only what it made itself.
    private readonly bool _ownsDatabase = true;
    private readonly bool _ownsFolder = true;
    private int _counter;

    public HallFactory()
    {
        DataFolder = NewDataFolder();
        if (OnPostgres)
        {
            PostgresDatabase = PostgresCluster.Instance.CreateDatabase();
        }
        _displayKey = new Lazy<Task<string>>(() => CreateDisplayKeyAsync("test projector"));
    }

    /// <summary>
    /// A second app node on the same storage as <paramref name="storageOf"/>: its data folder (so the
    /// same Data Protection keys and badge key) and its database. The first one removes them.
    /// </summary>
    protected HallFactory(HallFactory storageOf)
    {
        DataFolder = storageOf.DataFolder;
        PostgresDatabase = storageOf.PostgresDatabase;
        _ownsDatabase = false;
        _ownsFolder = false;
        _displayKey = new Lazy<Task<string>>(() => CreateDisplayKeyAsync("test projector"));
    }

    /// <summary>
    /// A second app node on the same database as <paramref name="databaseOf"/> but with a data folder of
    /// its own, as on a second machine: nothing of the first one's folder (keys) is shared. It removes
    /// its folder; the first one drops the database.
    /// </summary>
    protected HallFactory(HallFactory databaseOf, bool ownDataFolder)
        : this(databaseOf)
    {
        if (ownDataFolder)
        {
            DataFolder = NewDataFolder();
            _ownsFolder = true;
        }
    }

    private static string NewDataFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "es-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    public string DataFolder { get; }

    /// <summary>The PostgreSQL database's name (null on SQLite).</summary>
    public string? PostgresDatabase { get; }

    /// <summary>PostgreSQL (a database of its own in the run's cluster): with ELECTION_TEST_DB=postgres, or always for a PostgreSQL-only test.</summary>
    protected virtual bool OnPostgres => TestDatabase.IsPostgres;

    /// <summary>Seed the demo congress instead of an empty one.</summary>
    protected virtual bool Demo => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("DataFolder", DataFolder);
        builder.UseSetting("Demo", Demo ? "true" : "false");
        if (PostgresDatabase is not null)
        {
            builder.UseSetting("Database:Provider", DatabaseProviders.Postgres);
            builder.UseSetting("ConnectionStrings:Election", PostgresCluster.Instance.ConnectionString(PostgresDatabase));
        }
        builder.UseSetting("Auth:LoginAttemptsPerMinutePerAddress", "1000");
        builder.UseEnvironment("Development");
    }

    /// <summary>A unique suffix for codes and names made by a test.</summary>
    public string Unique(string prefix) => $"{prefix}{Interlocked.Increment(ref _counter)}";

    public async Task WithDbAsync(Func<ElectionDbContext, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<ElectionDbContext>());
    }

    public async Task<T> WithDbAsync<T>(Func<ElectionDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<ElectionDbContext>());
    }

    /// <summary>A bearer token for an account of that role (made on first use, then cached).</summary>
    public Task<string> TokenAsync(string role) => _tokens.GetOrAdd(role, r => SignInNewAccountAsync(r));

    private async Task<string> SignInNewAccountAsync(string role)
    {
        var userName = "test-" + role;
        await WithDbAsync(async db =>
        {
            db.Accounts.Add(new Account
            {
                Id = Guid.NewGuid(),
                UserName = userName,
                DisplayName = "Test " + role,
                Role = role,
                PasswordHash = PasswordHasher.Hash(TestPassword),
                CreatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        });
        return await LoginAsync(userName, TestPassword);
    }

    public async Task<string> LoginAsync(string userName, string password)
    {
        using var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new LoginRequest(userName, password));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<LoginResponse>())!.AccessToken;
    }

    /// <summary>An HttpClient that sends a bearer token of that role and follows no redirects.</summary>
    public async Task<HttpClient> ClientAsync(string role)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(role));
        return client;
    }

    public HttpClient AnonymousClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>A display key for the projector (made once per factory).</summary>
    public Task<string> DisplayKeyAsync() => _displayKey.Value;

    public async Task<string> CreateDisplayKeyAsync(string name)
    {
        var key = DisplayKeys.NewKey();
        await WithDbAsync(async db =>
        {
            db.DisplayKeys.Add(new DisplayKey { Id = Guid.NewGuid(), Name = name, KeyHash = DisplayKeys.HashKey(key), CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        return key;
    }

    /// <summary>Completes when the connection is closed (by the server, here: a revoked credential); set up before it starts.</summary>
    public static Task ClosedAsync(HubConnection connection)
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        return closed.Task;
    }

    /// <summary>A hub connection through the test server (WebSockets), authenticated by the given token or key.</summary>
    public HubConnection HubConnection(string? accessToken)
    {
        var server = Server;
        return new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "/hubs/congress"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = false;
                o.HttpMessageHandlerFactory = _ => server.CreateHandler();
                o.WebSocketFactory = async (context, ct) =>
                {
                    var ws = server.CreateWebSocketClient();
                    // The TestServer socket does not take the client's headers: pass the token ourselves.
                    if (accessToken is not null)
                    {
                        ws.ConfigureRequest = r => r.Headers.Authorization = "Bearer " + accessToken;
                    }
                    return await ws.ConnectAsync(context.Uri, ct);
                };
                if (accessToken is not null)
                {
                    o.AccessTokenProvider = () => Task.FromResult<string?>(accessToken);
                }
            })
            .Build();
    }

    /// <summary>Makes the sessions if missing and sets the first as current; returns the current session id.</summary>
    public Task<Guid> EnsureCurrentSessionAsync() => WithDbAsync(async db =>
    {
        var current = await db.Sessions.FirstOrDefaultAsync(s => s.IsCurrent);
        if (current is not null)
        {
            return current.Id;
        }
        var session = new CongressSession { Id = Guid.NewGuid(), Ordinal = 1, Title = "Phiên trù bị", Date = new DateOnly(2025, 10, 14), IsCurrent = true };
        db.Sessions.Add(session);
        await db.SaveChangesAsync();
        return session.Id;
    });

    /// <summary>Adds a delegate straight into the registry (with a delegation of its own unless given).</summary>
    public Task<CongressDelegate> AddDelegateAsync(
        string fullName,
        DelegateCategory category = DelegateCategory.Official,
        bool committee = false,
        bool absent = false,
        Guid? replaces = null,
        string? delegation = null) => WithDbAsync(async db =>
    {
        var delegationName = delegation ?? "Đoàn thử nghiệm";
        var group = await db.Delegations.FirstOrDefaultAsync(d => d.Name == delegationName);
        if (group is null)
        {
            group = new Delegation { Id = Guid.NewGuid(), Name = delegationName, SortOrder = 1 };
            db.Delegations.Add(group);
        }
        var name = VietnameseText.Normalize(fullName);
        var d = new CongressDelegate
        {
            Id = Guid.NewGuid(),
            Code = Unique("T"),
            FullName = name,
            SearchKey = VietnameseText.FoldForSearch(name),
            DelegationId = group.Id,
            Category = category,
            IsConveningCommitteeMember = committee,
            AbsentWholeCongress = absent,
            ReplacesDelegateId = replaces,
        };
        db.Delegates.Add(d);
        await db.SaveChangesAsync();
        return d;
    });

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        if (_ownsDatabase)
        {
            SqliteConnection.ClearAllPools();
            if (PostgresDatabase is not null)
            {
                PostgresCluster.Instance.DropDatabase(PostgresDatabase);
            }
        }
        if (_ownsFolder)
        {
            DeleteFolder();
        }
    }

    private void DeleteFolder()
    {
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is not worth failing a test run over; it is in /tmp.
        }
    }
}

/// <summary>The demo congress (300 delegates, sessions, accounts) on a fresh data folder.</summary>
public sealed class DemoHallFactory : HallFactory
{
    protected override bool Demo => true;
}
