using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using ElectionSystem.Domain.Congress;
using ElectionSystem.Domain.OpenVotes;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.OpenVotes;
using ElectionSystem.Server.Features.Live;
using ElectionSystem.Server.Features.Tablet;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace ElectionSystem.Server.Tests.OpenVotes;

/// <summary>
/// The reference congress's size over the real transports: 300 delegates sign in over HTTP, keep
/// 300 hub connections, and vote; the projector's coalesced tally must come out exact, and the
/// decision must be measured against Base, not against those present. Prints the latencies the
/// issue asks for (open → tablets, vote → projector).
/// </summary>
public sealed class ThreeHundredDelegatesTests(OpenVotesHall hall, ITestOutputHelper output) : IClassFixture<OpenVotesHall>, IAsyncLifetime
{
    private const int Delegates = 300;
    private readonly List<(CongressDelegate Delegate, HttpClient Http, HubConnection Hub)> _tablets = [];
    private readonly ConcurrentDictionary<int, long> _openedAt = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private Guid _watchFor;
    private readonly TaskCompletionSource _allOpened = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task InitializeAsync()
    {
        var session = await hall.EnsureCurrentSessionAsync();
        var pinHash = PinHasher.Hash(OpenVotesHall.Pin);
        var delegates = await hall.WithDbAsync(async db =>
        {
            var group = new Delegation { Id = Guid.NewGuid(), Name = "Đoàn 300", SortOrder = 1 };
            db.Delegations.Add(group);
            var list = Enumerable.Range(1, Delegates).Select(i => new CongressDelegate
            {
                Id = Guid.NewGuid(),
                Code = $"D{i:000}",
                FullName = $"Đại biểu số {i}",
                SearchKey = $"dai bieu so {i}",
                DelegationId = group.Id,
                Category = DelegateCategory.Official,
            }).ToList();
            db.Delegates.AddRange(list);
            db.DelegateCredentials.AddRange(list.Select(d => new DelegateCredential { DelegateId = d.Id, PinHash = pinHash }));
            db.CheckIns.AddRange(list.Select(d => new CheckIn { Id = Guid.NewGuid(), SessionId = session, DelegateId = d.Id, At = DateTime.UtcNow, By = "test" }));
            await db.SaveChangesAsync();
            return list;
        });

        var sw = Stopwatch.StartNew();
        var tablets = new (CongressDelegate, HttpClient, HubConnection)[Delegates];
        await Parallel.ForEachAsync(Enumerable.Range(0, Delegates), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var token = await hall.TabletTokenAsync(delegates[i]);
            var hub = hall.HubConnection(token);
            var index = i;
            hub.On<TabletOpenVoteMessage>(nameof(ICongressClient.OpenVoteChanged), m =>
            {
                if (m.Vote?.Id == _watchFor)
                {
                    if (_openedAt.TryAdd(index, _clock.ElapsedTicks) && _openedAt.Count == Delegates)
                    {
                        _allOpened.TrySetResult();
                    }
                }
            });
            await hub.StartAsync(ct);
            tablets[i] = (delegates[i], hall.TabletClient(token), hub);
        });
        _tablets.AddRange(tablets);
        output.WriteLine($"{Delegates} sign-ins and hub connections: {sw.ElapsedMilliseconds} ms");
    }

    public async Task DisposeAsync()
    {
        foreach (var (_, http, hub) in _tablets)
        {
            http.Dispose();
            await hub.DisposeAsync();
        }
    }

    [Fact]
    public async Task Three_hundred_tablets_vote_counts_are_exact_and_the_pass_rule_uses_Base()
    {
        using var presidium = await hall.ClientAsync(Roles.Presidium);
        await using var projector = hall.HubConnection(await hall.DisplayKeyAsync());
        var tallies = new ConcurrentQueue<(long At, OpenVoteLive Live)>();
        var tallySignal = new SemaphoreSlim(0);
        projector.On<OpenVoteLiveMessage>(nameof(ICongressClient.OpenVoteTallyChanged), m =>
        {
            if (m.Vote is not null)
            {
                tallies.Enqueue((_clock.ElapsedTicks, m.Vote));
                tallySignal.Release();
            }
        });
        await projector.StartAsync();

        async Task<OpenVoteLive> TallyAsync(Func<OpenVoteLive, bool> done)
        {
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (true)
            {
                var match = tallies.LastOrDefault(t => done(t.Live)).Live;
                if (match is not null)
                {
                    return match;
                }
                var left = deadline - DateTime.UtcNow;
                Assert.True(left > TimeSpan.Zero && await tallySignal.WaitAsync(left), "The projector never showed the expected count.");
            }
        }

        // Vote 1: everyone present; 200 for, 60 against, 40 abstain.
        var vote = (await (await presidium.PostAsJsonAsync("/api/openvotes", new CreateOpenVoteRequest("Thông qua chương trình đại hội", null, false, LiveCounts: true)))
            .Content.ReadFromJsonAsync<OpenVoteSummary>())!;
        _watchFor = vote.Id;
        var openStarted = _clock.ElapsedTicks;
        (await presidium.PostAsync($"/api/openvotes/{vote.Id}/open", null)).EnsureSuccessStatusCode();
        var openReturned = _clock.ElapsedTicks;
        await _allOpened.Task.WaitAsync(TimeSpan.FromSeconds(20));
        var fromReturn = _openedAt.Values.Select(t => Ms(Math.Max(0, t - openReturned))).Order().ToList();
        var fromStart = _openedAt.Values.Select(t => Ms(t - openStarted)).Order().ToList();
        output.WriteLine($"open → {Delegates} tablets, from the open call's return: median {fromReturn[Delegates / 2]:0.0} ms, max {fromReturn[^1]:0.0} ms; " +
            $"from the call's start: median {fromStart[Delegates / 2]:0.0} ms, max {fromStart[^1]:0.0} ms (open call took {Ms(openReturned - openStarted):0.0} ms)");

        static VoteChoice Plan(int i) => i < 200 ? VoteChoice.For : i < 260 ? VoteChoice.Against : VoteChoice.Abstain;
        var messagesBefore = tallies.Count;
        var burst = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, Delegates), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            // A third change their mind once: the first choice must be replaced, not added.
            if (i % 3 == 0)
            {
                (await _tablets[i].Http.PostAsJsonAsync($"/api/tablet/openvotes/{vote.Id}/choice", new CastRequest(VoteChoice.Against), ct)).EnsureSuccessStatusCode();
            }
            (await _tablets[i].Http.PostAsJsonAsync($"/api/tablet/openvotes/{vote.Id}/choice", new CastRequest(Plan(i)), ct)).EnsureSuccessStatusCode();
        });
        // Every cast has been acknowledged, so the projector must come to show exactly the final
        // counts (an earlier message may catch a delegate between their two choices).
        var live = await TallyAsync(t => t.VoteId == vote.Id && (t.For, t.Against, t.Abstain) == (200, 60, 40));
        burst.Stop();
        var messages = tallies.Count - messagesBefore;
        output.WriteLine($"{Delegates + 100} casts in {burst.ElapsedMilliseconds} ms gave the projector {messages} tally messages");
        Assert.Equal((200, 60, 40, 0, 300, 300), (live.For, live.Against, live.Abstain, live.NotYetVoted, live.Present, live.Base));
        Assert.True(messages <= burst.ElapsedMilliseconds / LiveUpdates.MinInterval.TotalMilliseconds + 3, $"{messages} messages: not coalesced");

        var closed = (await (await presidium.PostAsync($"/api/openvotes/{vote.Id}/close", null)).Content.ReadFromJsonAsync<OpenVoteSummary>())!.Result!;
        Assert.Equal((200, 60, 40, 0, 40, 300, 300, true), (closed.For, closed.Against, closed.AbstainChosen, closed.NotVoted, closed.AbstainTotal, closed.Present, closed.Base, closed.Passed));
        Assert.Equal("Tán thành 200/300 (66,67%) — Thông qua", closed.Decision);
        Assert.Equal(Delegates, await hall.WithDbAsync(db => db.OpenVoteChoices.CountAsync(c => c.VoteId == vote.Id)));

        // Vote 2: 100 leave (check-in undone). 140 of the 200 present are for — 70% of those
        // present, but 140 is not more than half of Base (300): not passed.
        await hall.WithDbAsync(async db =>
        {
            var leaving = _tablets.Skip(200).Select(t => t.Delegate.Id).ToList();
            await db.CheckIns.Where(c => leaving.Contains(c.DelegateId)).ExecuteUpdateAsync(s => s.SetProperty(c => c.UndoneAt, DateTime.UtcNow));
        });
        var vote2 = (await (await presidium.PostAsJsonAsync("/api/openvotes", new CreateOpenVoteRequest("Thông qua số lượng Ban Chấp hành", null, false, LiveCounts: true)))
            .Content.ReadFromJsonAsync<OpenVoteSummary>())!;
        _watchFor = vote2.Id;
        (await presidium.PostAsync($"/api/openvotes/{vote2.Id}/open", null)).EnsureSuccessStatusCode();
        var refused = await _tablets[250].Http.PostAsJsonAsync($"/api/tablet/openvotes/{vote2.Id}/choice", new CastRequest(VoteChoice.Against));
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.StatusCode);

        // Vote → projector, one at a time: 30 votes, each waited for on the projector.
        var latencies = new List<double>();
        for (var i = 0; i < 30; i++)
        {
            var sent = _clock.ElapsedTicks;
            (await _tablets[i].Http.PostAsJsonAsync($"/api/tablet/openvotes/{vote2.Id}/choice", new CastRequest(VoteChoice.For))).EnsureSuccessStatusCode();
            var expected = i + 1;
            await TallyAsync(t => t.VoteId == vote2.Id && t.For == expected);
            var arrived = tallies.First(t => t.Live.VoteId == vote2.Id && t.Live.For == expected).At;
            latencies.Add(Ms(arrived - sent));
        }
        latencies.Sort();
        output.WriteLine($"vote → projector (30 sequential votes, 300 tablets connected): median {latencies[15]:0.0} ms, max {latencies[^1]:0.0} ms");

        await Parallel.ForEachAsync(Enumerable.Range(30, 170), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var choice = i < 140 ? VoteChoice.For : i < 180 ? VoteChoice.Against : i < 195 ? VoteChoice.Abstain : (VoteChoice?)null;
            if (choice is { } c)
            {
                (await _tablets[i].Http.PostAsJsonAsync($"/api/tablet/openvotes/{vote2.Id}/choice", new CastRequest(c), ct)).EnsureSuccessStatusCode();
            }
        });
        var live2 = await TallyAsync(t => t.VoteId == vote2.Id && t.For + t.Against + t.Abstain == 195);
        Assert.Equal((140, 40, 15, 5, 200, 300), (live2.For, live2.Against, live2.Abstain, live2.NotYetVoted, live2.Present, live2.Base));

        var closed2 = (await (await presidium.PostAsync($"/api/openvotes/{vote2.Id}/close", null)).Content.ReadFromJsonAsync<OpenVoteSummary>())!.Result!;
        Assert.True(2 * closed2.For > closed2.Present, "more than half of those present are for");
        Assert.False(OpenVoteRule.Passed(closed2.For, closed2.Base));
        Assert.Equal((140, 40, 15, 5, 20, 200, 300, false), (closed2.For, closed2.Against, closed2.AbstainChosen, closed2.NotVoted, closed2.AbstainTotal, closed2.Present, closed2.Base, closed2.Passed));
        Assert.Equal("Tán thành 140/300 (46,67%) — Không thông qua", closed2.Decision);
        var shown = await TallyAsync(t => t.VoteId == vote2.Id && t.State == OpenVoteState.Closed);
        Assert.Equal(closed2.Decision, shown.Result!.Decision);
    }

    private double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
