using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using ElectionSystem.Domain.Elections;
using ElectionSystem.Server.Features.Elections;
using ElectionSystem.Server;
using ElectionSystem.Server.Features.Live;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace ElectionSystem.LoadTest;

/// <summary>
/// The congress burst: N tablets and M screens on the hub (plus display connections up to C), a
/// secret ballot opened, every tablet fetches it and casts once at a random moment of the window;
/// then turnout on the screens, close, two confirmations, announce and results on every
/// connection; then capacity rounds at saturation and the SQLite baseline. With --encrypted (a
/// ready 3-of-5 ceremony, <see cref="EncryptedHall"/>) every ballot is encrypted before the burst,
/// and the close is 3 members' partial decryptions instead of the two confirmations.
/// </summary>
internal sealed partial class LoadRun(Options options, HallApi api, Staff staff, IReadOnlyList<Tablet> tablets, ServerProcess? server, EncryptedHall? encrypted, FinalTurnout? final = null)
{
    private static readonly string[] ExecutiveList =
    [
        "Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em", "Vũ Thị Giang",
        "Đặng Văn Hùng", "Bùi Thị Hương", "Đỗ Văn Khoa", "Ngô Thị Lan", "Dương Văn Long",
    ];

    private readonly List<HubConnection> _connections = [];
    // Per connection: when RoundOpened / ResultsAnnounced arrived (Stopwatch timestamps, 0 = not yet).
    private long[] _opened = [];
    private long[] _announced = [];
    private long[] _turnoutFull = [];
    private Guid _probeRound;
    private int _turnoutTarget;
    private readonly ConcurrentBag<string> _screenProblems = [];
    private int _closed;

    public async Task<string> RunAsync(CancellationToken ct)
    {
        var n = tablets.Count;
        var m = options.Screens;
        var extra = Math.Max(0, options.Connections - n - m);
        await ConnectAsync(n, m, extra, ct);
        var total = _connections.Count;
        Log.Info($"hub connections: {n} tablets + {m} screens + {extra} extra displays = {total}; load {Log.LoadAverage()}; {server?.RssNow()}");

        // --- the burst --------------------------------------------------------------------------
        if (encrypted is not null)
        {
            await encrypted.CeremonyAsync(ct);
        }
        var (names, seats) = BurstList(options.Names);
        var roundId = await HallSetup.CreateRoundAsync(api, staff, ElectionKinds.ExecutiveCommittee,
            "Bầu Ban Chấp hành khóa mới (load test)", seats, names, ct);
        _probeRound = roundId;
        _turnoutTarget = n;
        var cpuSelf0 = Cpu.SelfSeconds();
        var cpuServer0 = Cpu.ProcessSeconds(server?.Pid);
        var wall0 = Stopwatch.GetTimestamp();
        var openStart = Stopwatch.GetTimestamp();
        await HallSetup.OpenAsync(api, staff, roundId, ct);
        var openReturn = Stopwatch.GetTimestamp();
        Log.Info($"round open ({Log.F(Stats.Ms(openStart, openReturn))} ms); {names.Count} names, {seats} seats; burst over {options.WindowSeconds} s");
        PreparedRound? prepared = null;
        PrecheckPhase? precheck = null;
        if (encrypted is not null)
        {
            // As each tablet does before its delegate confirms: the choice encrypted and proved, here all in advance.
            prepared = await EncryptedHall.PrepareAsync(tablets[0], roundId, n, StrikeSurplus, ct);
            Log.Info($"{n} ballots encrypted and proved in advance in {Log.F1(prepared.Took.TotalSeconds)} s on {Environment.ProcessorCount} cores "
                + $"({prepared.Ballots[0].Encrypted.GetRawText().Length / 1024} KB each); tool CPU {Log.F2(Cpu.SelfSeconds() - cpuSelf0)} s; {(options.Precheck ? "the reviews' pre-checks" : "the burst")} start now");
            // As each tablet page does at its delegate's review: the ballot's proofs checked then, before the burst of confirms.
            precheck = options.Precheck ? await Prechecking.RunAsync(tablets, roundId, prepared, TimeSpan.FromSeconds(options.WindowSeconds), ct) : null;
            (cpuSelf0, cpuServer0, wall0, openReturn) = (Cpu.SelfSeconds(), Cpu.ProcessSeconds(server?.Pid), Stopwatch.GetTimestamp(), Stopwatch.GetTimestamp());
        }

        var window = TimeSpan.FromSeconds(options.WindowSeconds);
        var fetchErrors = 0;
        var outcomes = await Task.WhenAll(tablets.Select(async t =>
        {
            var at = TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * window.TotalMilliseconds);
            var wait = at - Stopwatch.GetElapsedTime(openReturn);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, ct);
            }
            // As the tablet page does on RoundOpened: fetch the ballot, then send the marked ballot.
            BallotView? ballot = null;
            for (var attempt = 0; attempt < 10 && ballot is null; attempt++)
            {
                var (status, body, _) = await t.Http.TimedAsync(HttpMethod.Get, "/api/elections/ballot", t.Token, null, ct);
                if (status == System.Net.HttpStatusCode.OK)
                {
                    ballot = JsonSerializer.Deserialize<TabletBallotState>(body, HallApi.Json)!.Ballot;
                }
                if (ballot is null)
                {
                    Interlocked.Increment(ref fetchErrors);
                    // Wait a moment before asking again, as the tablet page does after a failed fetch.
                    await Task.Delay(200, ct);
                }
            }
            if (ballot is null || ballot.RoundId != roundId)
            {
                return new CastOutcome { Errors = 1, LastError = "no ballot" };
            }
            // Strike exactly the surplus (2 of 11 for 9 seats): a valid ballot; encrypted, the one made for this tablet.
            var request = prepared is null
                ? new CastRequest(HallSetup.NewKey(), [.. ((BallotContent.Struck)StrikeSurplus(ballot)).Ids], null)
                : new CastRequest(HallSetup.NewKey(), null, null, null, prepared.Ballots[t.Index].Encrypted);
            return await Casting.UntilAcknowledgedAsync(t, roundId, request, window + TimeSpan.FromSeconds(60), ct);
        }));
        var burstEnd = Stopwatch.GetTimestamp();
        var cpuSelfBurst = Cpu.SelfSeconds() - cpuSelf0;
        var cpuServerBurst = Cpu.ProcessSeconds(server?.Pid) - cpuServer0;
        var burstWall = Stopwatch.GetElapsedTime(wall0).TotalSeconds;

        var acked = outcomes.Where(o => o.Acknowledged).ToList();
        var errors = outcomes.Sum(o => o.Errors) + fetchErrors;
        var latencies = acked.Select(o => o.LatencyMs).ToList();
        var lastAck = acked.Count > 0 ? acked.Max(o => o.AcknowledgedAt) : burstEnd;
        var firstAttempt = acked.Count > 0 ? acked.Min(o => o.FirstAttempt) : openReturn;
        foreach (var bad in outcomes.Where(o => !o.Acknowledged).Take(5))
        {
            Log.Info($"  not acknowledged: {bad.LastError}");
        }
        Log.Info($"burst: accepted {acked.Count}/{n}, errors {errors}, p50 {Log.F(Stats.Percentile(latencies, 50))} ms, p99 {Log.F(Stats.Percentile(latencies, 99))} ms, " +
                 $"max {Log.F(latencies.Count > 0 ? latencies.Max() : 0)} ms; ballots spread over {Log.F1(Stats.Ms(firstAttempt, lastAck) / 1000)} s");
        Log.Info($"after the burst: {server?.RssNow()}");
        Log.Info($"burst CPU: tool {Log.F2(cpuSelfBurst)} s, server {Log.F2(cpuServerBurst)} s over {Log.F1(burstWall)} s wall (2 cores = {Log.F1(2 * burstWall)} core-s); load {Log.LoadAverage()}");
        var openedSpread = Spread(_opened, openStart);
        Log.Info($"RoundOpened to {openedSpread.Count}/{total} connections: p50 {Log.F(Stats.Percentile(openedSpread, 50))} ms, p99 {Log.F(Stats.Percentile(openedSpread, 99))} ms from the open call's start");

        // --- turnout on the screens -----------------------------------------------------------
        var turnoutDeadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 10;
        // Polled, not awaited on a signal: each screen's hub handler stamps its own moment, so the 20 ms poll
        // only decides when to stop waiting and never enters a figure.
        while (Stopwatch.GetTimestamp() < turnoutDeadline && _turnoutFull.Take(m).Any(t => t == 0)) await Task.Delay(20, ct);
        var turnoutSeen = _turnoutFull.Take(m).Where(t => t != 0).ToList();
        var turnoutLag = turnoutSeen.Count == m ? Math.Max(0, Stats.Ms(lastAck, turnoutSeen.Max())) : double.PositiveInfinity;
        Log.Info($"turnout collected={n} on {turnoutSeen.Count}/{m} screens; lag after the last acknowledgement: {(double.IsInfinity(turnoutLag) ? "not seen in 10 s" : Log.F(turnoutLag) + " ms")}");

        var finalTurnout = final is null ? "" : await final.CheckAsync(roundId, acked.Count, ct); // two nodes: each node's screen API
        // --- close, confirm ×2, announce --------------------------------------------------------
        var closeToResult = double.NaN;
        if (encrypted is null)
        {
            await HallSetup.CloseAsync(api, staff, roundId, ct);
            await HallSetup.ConfirmTwiceAsync(api, staff, roundId, ct);
        }
        else
        {
            closeToResult = (await encrypted.CloseAndDecryptAsync(roundId, ct)).ToResultMs;
        }
        Array.Clear(_announced);
        var announceStart = Stopwatch.GetTimestamp();
        var announced = await HallSetup.AnnounceAsync(api, staff, roundId, ct);
        var announceReturn = Stopwatch.GetTimestamp();
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 15;
        // As for the turnout: the handlers stamp the moments, the poll only ends the wait.
        while (Stopwatch.GetTimestamp() < deadline && _announced.Any(t => t == 0)) await Task.Delay(20, ct);
        var screensSeen = _announced.Skip(n).Take(m).Where(t => t != 0).ToList();
        var announceToScreen = screensSeen.Count == m ? Stats.Ms(announceStart, screensSeen.Max()) : double.PositiveInfinity;
        var fanout = Spread(_announced, announceStart);
        var fanoutP99 = fanout.Count == total ? Stats.Percentile(fanout, 99) : double.PositiveInfinity;
        Log.Info($"announce call {Log.F(Stats.Ms(announceStart, announceReturn))} ms; results on {screensSeen.Count}/{m} screens, last {Log.F(announceToScreen)} ms after the call's start " +
                 $"({Log.F(screensSeen.Count > 0 ? Stats.Ms(announceReturn, screensSeen.Max()) : double.NaN)} ms after its return)");
        Log.Info($"ResultsAnnounced to {fanout.Count}/{total} connections: p50 {Log.F(Stats.Percentile(fanout, 50))} ms, p99 {Log.F(Stats.Percentile(fanout, 99))} ms, max {Log.F(fanout.Count > 0 ? fanout.Max() : 0)} ms from the call's start");
        Log.Info($"hub connections closed by the server or the network so far: {Volatile.Read(ref _closed)}; after the announce: {server?.RssNow()}");
        var receipts = announced.Receipts.ToHashSet(StringComparer.Ordinal);
        var missing = acked.Count(o => !receipts.Contains(o.Receipt!));
        Log.Info($"announced: collected {announced.Result.Collected}, valid {announced.Result.Valid}, receipts {announced.Receipts.Count}; acknowledged receipts missing: {missing}");
        var domain = prepared is null ? null : EncryptedHall.CompareWithDomain(announced.Result, ElectionKind.ExecutiveCommittee, prepared.View,
            outcomes.Select((o, i) => (o, i)).Where(x => x.o.Acknowledged).Select(x => prepared.Ballots[tablets[x.i].Index].Choice));
        if (prepared is not null) Log.Info($"announced result against the Domain's count of the {acked.Count} acknowledged plaintexts: {domain ?? "equal"}");
        foreach (var p in _screenProblems.Take(5))
        {
            Log.Info("  screen: " + p);
        }

        // --- capacity at saturation ---------------------------------------------------------------
        // --- and the SQLite baseline on the same disk, in slices between the rounds ----------------------
        using var baseline = new SqliteBaseline(Path.Combine(server?.DataFolder ?? options.DataFolder ?? Path.GetTempPath(), "baseline.db")); // two nodes: no folder of ours
        var maxRate = options.CapacitySeconds > 0 ? await CapacityAsync(baseline, ct) : double.NaN;
        Log.Info($"after the capacity rounds: {server?.RssNow()}");
        server?.SampleRss();
        var topUp = TimeSpan.FromSeconds(options.BaselineSeconds) - baseline.Elapsed;
        if (topUp > TimeSpan.Zero)
        {
            baseline.RunFor(topUp);
        }
        var baselineRate = baseline.Rows > 0 ? baseline.RowsPerSecond : double.NaN;
        Log.Info($"SQLite baseline: {Log.F(baselineRate)} single-row durable inserts/s over {Log.F1(baseline.Elapsed.TotalSeconds)} s (WAL, synchronous=FULL, one transaction per row); load {Log.LoadAverage()}");

        server?.SampleRss();
        var rssKb = server?.PeakRssKb ?? (options.ServerPid is { } pid ? ServerProcess.ReadHwmKb(pid) ?? 0 : 0);
        foreach (var c in _connections)
        {
            _ = c.DisposeAsync();
        }

        return "load: " + string.Join(' ',
            $"delegates={n}", $"screens={m}", $"accepted={acked.Count}", $"errors={errors}",
            $"p50_ms={Log.F(Stats.Percentile(latencies, 50))}", $"p99_ms={Log.F(Stats.Percentile(latencies, 99))}",
            $"turnout_lag_ms={Num(turnoutLag)}", $"announce_to_screen_ms={Num(announceToScreen)}", $"fanout_p99_ms={Num(fanoutP99)}",
            $"rss_mb={(rssKb > 0 ? Log.F(rssKb / 1024.0) : "n/a")}", $"max_ballots_per_s={Num(maxRate)}",
            $"ratio_to_sqlite={(double.IsNaN(maxRate) || double.IsNaN(baselineRate) ? "n/a" : Log.F2(maxRate / baselineRate))}")
            + finalTurnout + (prepared is null ? "" : $" encrypted=1 names={names.Count} close_to_result_ms={Num(closeToResult)} domain_count={(domain is null ? "equal" : "DIFFERENT")}")
            + (prepared is null ? "" : precheck is null ? " precheck=off" : $" precheck_s={Log.F1(precheck.Seconds)} precheck_p99_ms={Num(precheck.P99Ms)} precheck_errors={precheck.Errors}");
    }

    /// <summary>The burst's list: the executive list of every earlier line (11 names, 9 seats), or N names with N − ⌈N/6⌉ seats.</summary>
    private static (IReadOnlyList<string> Names, int Seats) BurstList(int? count) => count is not { } c ? (ExecutiveList, 9)
        : ([.. Enumerable.Range(0, c).Select(i => $"{ExecutiveList[i % ExecutiveList.Length]} {i / ExecutiveList.Length + 1}")], c - (c + 5) / 6);

    /// <summary>Strike exactly the surplus, at random: a valid ballot keeping as many names as seats.</summary>
    private static BallotContent StrikeSurplus(BallotView ballot) =>
        new BallotContent.Struck([.. ballot.Names.OrderBy(_ => Random.Shared.Next()).Take(ballot.Names.Count - ballot.Seats).Select(x => x.Id)]);

    private async Task ConnectAsync(int n, int m, int extra, CancellationToken ct)
    {
        var total = n + m + extra;
        _opened = new long[total];
        _announced = new long[total];
        _turnoutFull = new long[m];
        var slots = new (string Token, bool Screen)[total];
        for (var i = 0; i < n; i++)
        {
            slots[i] = (tablets[i].Token, false);
        }
        for (var s = 0; s < m; s++)
        {
            slots[n + s] = (staff.DisplayKeys[s], true);
        }
        for (var e = 0; e < extra; e++)
        {
            slots[n + m + e] = (staff.DisplayKeys[m], false);
        }
        var made = new HubConnection[total];
        var sw = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, total), new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = ct }, async (i, c) =>
        {
            var (token, screen) = slots[i];
            var hub = new HubConnectionBuilder()
                .WithUrl(new Uri(api.BaseAddress, "hubs/congress"), o =>
                {
                    o.Transports = HttpTransportType.WebSockets;
                    // Two nodes behind haproxy: a negotiate and its socket may meet different nodes (the socket has no cookie).
                    o.SkipNegotiation = options.TwoNodes;
                    o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                    // Negotiation over the page's own connections: a tablet's pool, the screens' shared one.
                    o.HttpMessageHandlerFactory = _ => (i < n ? tablets[i].Http : api).PageHandler();
                })
                .Build();
            var index = i;
            hub.On<RoundSignal>(nameof(ICongressClient.RoundOpened), _ => Interlocked.CompareExchange(ref _opened[index], Stopwatch.GetTimestamp(), 0));
            if (screen)
            {
                var s = i - n;
                hub.On<AnnouncedResult>(nameof(ICongressClient.ResultsAnnounced), r =>
                {
                    Interlocked.CompareExchange(ref _announced[index], Stopwatch.GetTimestamp(), 0);
                    if (r.Result.Collected != _turnoutTarget)
                    {
                        _screenProblems.Add($"screen {s}: results show collected {r.Result.Collected}");
                    }
                });
                hub.On<ElectionTurnout>(nameof(ICongressClient.TurnoutChanged), t =>
                {
                    var now = Stopwatch.GetTimestamp();
                    if (t.Rounds.Any(r => r.RoundId == _probeRound && r.Collected >= _turnoutTarget))
                    {
                        Interlocked.CompareExchange(ref _turnoutFull[s], now, 0);
                    }
                });
            }
            else if (i < n)
            {
                // Tablets get a small "round announced" signal (the page then fetches the receipts over HTTP).
                hub.On<RoundSignal>(nameof(ICongressClient.RoundAnnounced), _ => Interlocked.CompareExchange(ref _announced[index], Stopwatch.GetTimestamp(), 0));
            }
            else
            {
                // Extra displays: note the arrival; the payload is not needed (not bound to the record).
                hub.On<JsonElement>(nameof(ICongressClient.ResultsAnnounced), _ => Interlocked.CompareExchange(ref _announced[index], Stopwatch.GetTimestamp(), 0));
            }
            hub.Closed += _ =>
            {
                Interlocked.Increment(ref _closed);
                return Task.CompletedTask;
            };
            await hub.StartAsync(c);
            made[i] = hub;
        });
        _connections.AddRange(made);
        Log.Info($"{total} hub connections (WebSockets) in {Log.F1(sw.Elapsed.TotalSeconds)} s");
    }
}
