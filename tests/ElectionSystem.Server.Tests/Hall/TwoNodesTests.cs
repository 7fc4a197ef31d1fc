using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ElectionSystem.Server;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Attendance;
using ElectionSystem.Server.Features.Audit;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Elections;
using ElectionSystem.Server.Tests.Elections;
using ElectionSystem.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElectionSystem.Server.Tests.Hall;

/// <summary>
/// Two hall servers on one PostgreSQL database (issue 15, step 2; ADR 0012), each with a data folder
/// of its own as on two machines, <c>Hall:Nodes=two</c> and one throw-away <c>redis-server</c>
/// (<see cref="RedisServer"/>: two nodes without Redis are refused at start). Always on PostgreSQL.
/// </summary>
public class TwoNodesHall : ElectionsHall
{
    protected override bool OnPostgres => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Configure(builder);
    }

    internal static void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Hall:Nodes", "two");
        builder.UseSetting("Redis:Configuration", RedisServer.Instance.Configuration);
    }

    /// <summary>Node B: the same database, its own data folder (no key file of A's).</summary>
    public HallFactory SecondNode() => new Node(this);

    private sealed class Node(TwoNodesHall first) : HallFactory(first, ownDataFolder: true)
    {
        protected override bool OnPostgres => true;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            Configure(builder);
        }
    }
}

public sealed class TwoNodesTests(TwoNodesHall hall) : IClassFixture<TwoNodesHall>
{
    [Fact]
    public async Task Audit_chain_verifies_after_concurrent_appends_on_both_nodes()
    {
        await using var b = hall.SecondNode();
        _ = b.Services; // started
        var before = await hall.WithDbAsync(db => db.AuditEntries.CountAsync());
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var appends = Enumerable.Range(0, 40).Select(async i =>
        {
            await go.Task;
            var node = i % 2 == 0 ? (HallFactory)hall : b;
            await using var scope = node.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ElectionDbContext>();
            await scope.ServiceProvider.GetRequiredService<AuditLog>().AppendAsync("test", "test.two-nodes", $"append:{i}");
            await db.SaveChangesAsync();
        }).ToList();
        go.SetResult();
        await Task.WhenAll(appends);

        var verification = await hall.WithDbAsync(db => AuditEndpoints.VerifyAsync(db, CancellationToken.None));
        Assert.True(verification.Ok, verification.Reason);
        Assert.Equal(before + 40, verification.Entries);
    }

    [Fact]
    public async Task A_cookie_and_a_token_issued_by_node_A_work_on_node_B()
    {
        await hall.TokenAsync(Roles.CheckInStaff);
        using var onA = hall.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        var login = await onA.PostAsJsonAsync("/api/auth/login", new LoginRequest("test-checkin-staff", HallFactory.TestPassword));
        login.EnsureSuccessStatusCode();
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(AuthSetup.CookieName + "=", StringComparison.Ordinal)).Split(';')[0];
        await using var b = hall.SecondNode();

        using var cookieOnB = b.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        cookieOnB.DefaultRequestHeaders.Add("Cookie", cookie);
        var me = await cookieOnB.GetFromJsonAsync<MeResponse>("/api/auth/me");
        Assert.Equal(Roles.CheckInStaff, me!.Role);

        using var tokenOnB = b.AnonymousClient();
        tokenOnB.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await hall.TokenAsync(Roles.Presidium));
        Assert.Equal(HttpStatusCode.OK, (await tokenOnB.GetAsync(new Uri("/api/auth/me", UriKind.Relative))).StatusCode);

        // And both sign badges with one key: the database's, not a file in either folder.
        Assert.False(File.Exists(Path.Combine(b.DataFolder, "keys", $"badge-{await CongressIdAsync()}.key")));
        Assert.Equal(1, await hall.WithDbAsync(db => db.HallSecrets.CountAsync(s => s.Name.StartsWith(HallSecret.BadgePrefix))));
    }

    [Fact]
    public async Task A_round_closed_on_A_refuses_a_cast_on_B_and_every_ballot_answered_OK_is_counted()
    {
        var seated = await hall.SeatAsync(24);
        var e = await hall.ElectionAsync(ElectionKinds.Other, "Bầu thử hai máy chủ " + hall.Unique(""), 2,
            ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"]);
        var round = await hall.OpenNextRoundAsync(e.Id);
        await using var b = hall.SecondNode();
        HttpClient OnB(SeatedDelegate d)
        {
            var client = b.AnonymousClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", d.Token);
            return client;
        }
        // B has read the open round (its snapshot says open) before A closes it.
        Assert.Equal(HttpStatusCode.OK, (await OnB(seated[0]).GetAsync(new Uri("/api/elections/ballot", UriKind.Relative))).StatusCode);
        var first = await ElectionsHall.CastAsync(OnB(seated[0]), round.Id, ElectionsHall.NewKey(), ["c1"]);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        // 22 casts on B race the close on A: each is either counted or refused, never acknowledged and lost.
        var counter = await hall.CounterAsync();
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var casts = seated.Skip(1).Take(22).Select(async d =>
        {
            await go.Task;
            return await ElectionsHall.CastAsync(OnB(d), round.Id, ElectionsHall.NewKey(), ["c2"]);
        }).ToList();
        var close = Task.Run(async () =>
        {
            await go.Task;
            return await counter.PostAsync(new Uri($"/api/committee/rounds/{round.Id}/close", UriKind.Relative), null);
        });
        go.SetResult();
        var answers = await Task.WhenAll(casts);
        Assert.Equal(HttpStatusCode.OK, (await close).StatusCode);

        var late = await ElectionsHall.CastAsync(OnB(seated[23]), round.Id, ElectionsHall.NewKey(), ["c1"]);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        var acknowledged = 1 + answers.Count(a => a.StatusCode == HttpStatusCode.OK);
        var collected = await hall.WithDbAsync(db => db.Set<Participation>().CountAsync(p => p.RoundId == round.Id));
        Assert.Equal(acknowledged, collected);
        var counted = await hall.WithDbAsync(db => db.Set<ElectionRoundRow>().Where(r => r.Id == round.Id).Select(r => r.RecordSha256).FirstAsync());
        Assert.NotNull(counted);
        var second = await hall.SecondCounterAsync();
        await ElectionsHall.OkAsync<CommitteeRoundDto>(counter.PostAsync(new Uri($"/api/committee/rounds/{round.Id}/confirm", UriKind.Relative), null));
        await ElectionsHall.OkAsync<CommitteeRoundDto>(second.PostAsync(new Uri($"/api/committee/rounds/{round.Id}/confirm", UriKind.Relative), null));
        var announced = await ElectionsHall.OkAsync<ResultsAnnounced>(counter.PostAsJsonAsync($"/api/committee/rounds/{round.Id}/announce", new AnnounceRequest("ballot")));
        Assert.Equal(acknowledged, announced.Result.Collected);
    }

    private Task<Guid> CongressIdAsync() => hall.WithDbAsync(db => db.Congresses.Select(c => c.Id).FirstAsync());

}

public sealed class TwoNodesRedisTests(TwoNodesHall hall) : IClassFixture<TwoNodesHall>
{
    [Fact]
    public async Task A_screen_connected_to_node_B_gets_the_turnout_of_a_ballot_cast_on_node_A()
    {
        var seated = await hall.SeatAsync(2);
        var e = await hall.ElectionAsync(ElectionKinds.Other, "Bầu thử hai máy chủ " + hall.Unique(""), 1, ["Nguyễn Văn An", "Trần Thị Bình"]);
        var round = await hall.OpenNextRoundAsync(e.Id);
        await using var b = hall.SecondNode();
        await using var projectorOnB = b.HubConnection(await hall.DisplayKeyAsync());
        var turnout = new TaskCompletionSource<TurnoutRow>(TaskCreationOptions.RunContinuationsAsynchronously);
        projectorOnB.On<ElectionTurnout>(nameof(IElectionClient.TurnoutChanged), t =>
        {
            if (t.Rounds.FirstOrDefault(r => r.RoundId == round.Id) is { Collected: 1 } row) turnout.TrySetResult(row);
        });
        await projectorOnB.StartAsync();
        // StartAsync returns at the handshake, before OnConnectedAsync has joined B's groups (and
        // subscribed them on Redis); an invocation is dispatched only after it, so this round trip
        // is the signal that B will hear A's message (the test once waited 30 s for a message
        // published before B subscribed).
        await projectorOnB.InvokeAsync<AttendanceSnapshot>(nameof(CongressHub.GetAttendance));

        // The ballot goes to node A only: B's screen hears of it through Redis.
        Assert.Equal(HttpStatusCode.OK, (await ElectionsHall.CastAsync(seated[0].Tablet, round.Id, ElectionsHall.NewKey(), ["c1"])).StatusCode);

        var row = await turnout.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, row.Collected);
    }
}
