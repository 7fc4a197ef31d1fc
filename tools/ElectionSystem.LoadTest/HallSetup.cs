using System.Collections.Concurrent;
using System.Globalization;
using ElectionSystem.Domain.Congress;
using ElectionSystem.Domain.Names;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Audit;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Elections;
using ElectionSystem.Server.Features.Tablet;
using ElectionSystem.Server.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElectionSystem.LoadTest;

/// <summary>One simulated tablet: the delegate it is signed in as and its bearer token.</summary>
internal sealed class Tablet(int index, string code, string token)
{
    public int Index { get; } = index;
    public string Code { get; } = code;
    public string Token { get; } = token;
}

/// <summary>The staff tokens and display keys a run works with.</summary>
internal sealed record Staff(string Organiser, string Presidium, string Counter1, string Counter2, IReadOnlyList<string> DisplayKeys);

/// <summary>
/// Sets up a congress of N delegates as the organisers would, through the public API wherever this
/// branch has the endpoint: organiser sign-in with the first-run password, the counting committee's
/// members, PIN slips (clear PINs returned once), tablet sign-in with code + PIN.
/// This branch has no endpoint yet for importing delegates, for the check-in desk, for staff accounts
/// or for display keys (they are on the hall-server branch); those rows are written into the fresh
/// data folder while the server is stopped, with the server's own data model and one hash-chained
/// audit entry saying so. The measured phases never touch the database directly.
/// </summary>
internal static class HallSetup
{
    public const string StaffPassword = "load-test-password-1";
    private const int PerDelegation = 40;

    /// <summary>Seeds the registry, staff and display keys; the server must be stopped (the audit chain has one writer).</summary>
    public static async Task<IReadOnlyList<string>> SeedAsync(string dataFolder, int delegates, int displayKeys)
    {
        var services = new ServiceCollection();
        var clock = new HallClock(TimeProvider.System, HallClock.ResolveZone(null));
        services.AddSingleton(clock);
        services.AddElectionData($"Data Source={Path.Combine(dataFolder, "election.db")}");
        services.AddScoped<AuditLog>();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ElectionDbContext>();
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        var now = DateTime.UtcNow;

        var session = await db.Sessions.FirstOrDefaultAsync(s => s.IsCurrent);
        if (session is null)
        {
            session = new CongressSession { Id = Guid.NewGuid(), Ordinal = 1, Title = "Phiên thứ nhất", Date = DateOnly.FromDateTime(now), IsCurrent = true };
            db.Sessions.Add(session);
        }
        var groups = new List<Delegation>();
        for (var g = 0; g < (delegates + PerDelegation - 1) / PerDelegation; g++)
        {
            var group = new Delegation { Id = Guid.NewGuid(), Name = $"Đoàn đại biểu số {g + 1}", SortOrder = g + 1 };
            groups.Add(group);
            db.Delegations.Add(group);
        }
        string[] family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"];
        string[] middle = ["Văn", "Thị", "Đức", "Minh", "Thanh"];
        string[] given = ["An", "Bình", "Cường", "Dung", "Giang", "Hùng", "Hương", "Khoa", "Lan", "Long", "Mai", "Nam"];
        for (var i = 0; i < delegates; i++)
        {
            var name = VietnameseText.Normalize($"{family[i % family.Length]} {middle[i / 10 % middle.Length]} {given[i / 50 % given.Length]} {i + 1}");
            var d = new CongressDelegate
            {
                Id = Guid.NewGuid(),
                Code = CodeOf(i),
                FullName = name,
                SearchKey = VietnameseText.FoldForSearch(name),
                DelegationId = groups[i / PerDelegation].Id,
                Category = DelegateCategory.Official,
            };
            db.Delegates.Add(d);
            db.CheckIns.Add(new CheckIn { Id = Guid.NewGuid(), SessionId = session.Id, DelegateId = d.Id, At = now, By = "load-test" });
        }
        foreach (var (user, role) in new[] { ("lt-presidium", Roles.Presidium), ("lt-counting-1", Roles.CountingCommittee), ("lt-counting-2", Roles.CountingCommittee) })
        {
            db.Accounts.Add(new Account
            {
                Id = Guid.NewGuid(), UserName = user, DisplayName = user, Role = role,
                PasswordHash = PasswordHasher.Hash(StaffPassword), CreatedAt = now,
            });
        }
        var keys = new List<string>();
        for (var k = 0; k < displayKeys; k++)
        {
            var key = DisplayKeys.NewKey();
            keys.Add(key);
            db.DisplayKeys.Add(new DisplayKey { Id = Guid.NewGuid(), Name = $"load-test screen {k + 1}", KeyHash = DisplayKeys.HashKey(key), CreatedAt = now });
        }
        await audit.AppendAsync("load-test", "loadtest.seeded", "congress",
            new { delegates, checkedIn = delegates, accounts = 3, displayKeys, note = "rows written by tools/ElectionSystem.LoadTest setup" });
        await db.SaveChangesAsync();
        SqliteConnection.ClearAllPools();
        return keys;
    }

    public static string CodeOf(int i) => "LT" + (i + 1).ToString("D5", CultureInfo.InvariantCulture);

    public static async Task<string> LoginAsync(HallApi api, string user, string password, CancellationToken ct) =>
        (await api.CallAsync<LoginResponse>(HttpMethod.Post, "/api/auth/login", null, new LoginRequest(user, password), ct)).AccessToken;

    public static async Task<Staff> StaffAsync(HallApi api, string dataFolder, IReadOnlyList<string> displayKeys, CancellationToken ct)
    {
        var lines = await File.ReadAllLinesAsync(Path.Combine(dataFolder, CongressBootstrap.InitialPasswordFile), ct);
        var organiser = await LoginAsync(api, lines[0].Trim(), lines[1].Trim(), ct);
        var staff = new Staff(organiser,
            await LoginAsync(api, "lt-presidium", StaffPassword, ct),
            await LoginAsync(api, "lt-counting-1", StaffPassword, ct),
            await LoginAsync(api, "lt-counting-2", StaffPassword, ct),
            displayKeys);
        await api.CallAsync<List<CommitteeMemberDto>>(HttpMethod.Put, "/api/elections/committee-members", organiser,
            new[] { new CommitteeMemberDto("Lê Văn Kiểm", true), new CommitteeMemberDto("Trần Thị Phiếu", false) }, ct);
        return staff;
    }

    /// <summary>PIN slips from the organisers' endpoint, then every delegate signs in on a tablet with code + PIN.</summary>
    public static async Task<List<Tablet>> SignInAllAsync(HallApi api, Staff staff, int delegates, int parallelism, CancellationToken ct)
    {
        var slips = await api.CallAsync<PinSlips>(HttpMethod.Post, "/api/tablet/pins", staff.Organiser, new GeneratePinsRequest(false), ct);
        var pins = slips.Slips.ToDictionary(s => s.Code, s => s.Pin, StringComparer.Ordinal);
        Log.Info($"PIN slips: {pins.Count}");
        var tablets = new Tablet[delegates];
        var latencies = new ConcurrentBag<double>();
        await Parallel.ForEachAsync(Enumerable.Range(0, delegates), new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = ct }, async (i, c) =>
        {
            var code = CodeOf(i);
            for (var attempt = 1; ; attempt++)
            {
                var (status, body, ms) = await api.TimedAsync(HttpMethod.Post, "/api/tablet/signin", null, new TabletSignInRequest(null, code, pins[code]), c);
                if (status == System.Net.HttpStatusCode.OK)
                {
                    latencies.Add(ms);
                    var r = System.Text.Json.JsonSerializer.Deserialize<TabletSignInResponse>(body, HallApi.Json)!;
                    tablets[i] = new Tablet(i, code, r.AccessToken);
                    return;
                }
                if (attempt >= 5)
                {
                    throw new HallCallException($"sign-in {code}: {(int?)status} {body}", status);
                }
                // Back off before retrying a sign-in the server could not take yet.
                await Task.Delay(200 * attempt, c);
            }
        });
        Log.Info($"{delegates} tablets signed in: p50 {Log.F(Stats.Percentile(latencies, 50))} ms, p99 {Log.F(Stats.Percentile(latencies, 99))} ms");
        return [.. tablets];
    }

    /// <summary>An election of the given kind with its list, and its first round (not yet open).</summary>
    public static async Task<Guid> CreateRoundAsync(HallApi api, Staff staff, string kind, string title, int seats, IReadOnlyList<string> names, CancellationToken ct)
    {
        var e = await api.CallAsync<ElectionDto>(HttpMethod.Post, "/api/elections", staff.Presidium, new CreateElectionRequest(kind, title, seats), ct);
        foreach (var n in names)
        {
            await api.CallAsync<ElectionDto>(HttpMethod.Post, $"/api/elections/{e.Id}/candidates", staff.Presidium, new AddCandidateRequest(n), ct);
        }
        var round = await api.CallAsync<RoundSummaryDto>(HttpMethod.Post, $"/api/elections/{e.Id}/rounds", staff.Presidium, new CreateRoundRequest(), ct);
        return round.Id;
    }

    public static Task<RoundSummaryDto> OpenAsync(HallApi api, Staff staff, Guid roundId, CancellationToken ct) =>
        api.CallAsync<RoundSummaryDto>(HttpMethod.Post, $"/api/elections/rounds/{roundId}/open", staff.Presidium, null, ct);

    public static Task<CommitteeRoundDto> CloseAsync(HallApi api, Staff staff, Guid roundId, CancellationToken ct) =>
        api.CallAsync<CommitteeRoundDto>(HttpMethod.Post, $"/api/committee/rounds/{roundId}/close", staff.Counter1, null, ct);

    public static async Task ConfirmTwiceAsync(HallApi api, Staff staff, Guid roundId, CancellationToken ct)
    {
        await api.CallAsync<CommitteeRoundDto>(HttpMethod.Post, $"/api/committee/rounds/{roundId}/confirm", staff.Counter1, null, ct);
        await api.CallAsync<CommitteeRoundDto>(HttpMethod.Post, $"/api/committee/rounds/{roundId}/confirm", staff.Counter2, null, ct);
    }

    public static Task<ResultsAnnounced> AnnounceAsync(HallApi api, Staff staff, Guid roundId, CancellationToken ct) =>
        api.CallAsync<ResultsAnnounced>(HttpMethod.Post, $"/api/committee/rounds/{roundId}/announce", staff.Counter1, new AnnounceRequest("ballot"), ct);

    /// <summary>A tablet's submission key: 40 random url-safe characters, kept until acknowledged.</summary>
    public static string NewKey() => Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N")[..8];
}
