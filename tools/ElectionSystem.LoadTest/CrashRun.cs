using System.Diagnostics;
using System.Text.Json;
using ElectionSystem.Server.Features.Elections;

namespace ElectionSystem.LoadTest;

/// <summary>
/// Crash trials: per trial a one-seat round is opened and every tablet casts once at a random moment
/// of the window; the server is SIGKILLed at a random moment of the burst and restarted on the same
/// data folder while the tablets keep resending, with the SAME key, whatever was not acknowledged.
/// When every tablet has its receipt, every acknowledged ballot is resent once more (it must come
/// back "already recorded" with the same receipt), then the round is closed, confirmed, announced,
/// and the published receipts are compared with the acknowledged ones.
/// lost = acknowledged ballots missing from the count; duplicated = ballots counted more than once.
/// </summary>
internal sealed class CrashRun(Options options, HallApi api, Staff staff, IReadOnlyList<Tablet> tablets, ServerProcess server)
{
    public async Task<string> RunAsync(CancellationToken ct)
    {
        long acknowledged = 0, lost = 0, duplicated = 0, unfinished = 0;
        var window = TimeSpan.FromSeconds(options.WindowSeconds);
        for (var trial = 1; trial <= options.CrashTrials; trial++)
        {
            // Each trial is bounded: the burst, one restart and the resends within window + 120 s.
            using var trialCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
            trialCts.CancelAfter(window + TimeSpan.FromSeconds(120));
            var tct = trialCts.Token;
            var roundId = await HallSetup.CreateRoundAsync(api, staff, ElectionKinds.Other, $"Crash trial {trial}", 1, ["Nguyễn Văn Một", "Trần Thị Hai"], tct);
            await HallSetup.OpenAsync(api, staff, roundId, tct);
            var opened = Stopwatch.GetTimestamp();
            var killAt = TimeSpan.FromMilliseconds(window.TotalMilliseconds * (0.05 + 0.9 * Random.Shared.NextDouble()));
            var keys = tablets.Select(_ => HallSetup.NewKey()).ToArray();
            var struck = tablets.Select(_ => Random.Shared.Next(2) == 0 ? "c1" : "c2").ToArray();

            var killer = Task.Run(async () =>
            {
                await Task.Delay(killAt, tct);
                var inFlight = Volatile.Read(ref Casting.InFlight);
                server.Kill();
                Log.Info($"trial {trial}: SIGKILL at {Log.F(killAt.TotalMilliseconds)} ms into the burst, {inFlight} ballots in flight");
                await server.StartAsync(tct);
            }, tct);
            var outcomes = await Task.WhenAll(tablets.Select(async t =>
            {
                var at = TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * window.TotalMilliseconds);
                await Task.Delay(at, tct);
                return await Casting.UntilAcknowledgedAsync(t, roundId, keys[t.Index], [struck[t.Index]], window + TimeSpan.FromSeconds(100), tct);
            }));
            await killer;
            var beforeKill = outcomes.Count(o => o.Acknowledged && Stats.Ms(opened, o.AcknowledgedAt) < killAt.TotalMilliseconds);
            var ackedIdx = Enumerable.Range(0, tablets.Count).Where(i => outcomes[i].Acknowledged).ToList();
            unfinished += tablets.Count - ackedIdx.Count;
            var lostHere = new HashSet<int>();

            // Every acknowledged ballot, resent with its key after the restart: recorded already, same receipt.
            await Parallel.ForEachAsync(ackedIdx, new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = tct }, async (i, c) =>
            {
                var again = await Casting.UntilAcknowledgedAsync(tablets[i], roundId, keys[i], [struck[i]], TimeSpan.FromSeconds(30), c);
                if (!again.Acknowledged || !again.AlreadyRecorded || again.Receipt != outcomes[i].Receipt)
                {
                    lock (lostHere)
                    {
                        lostHere.Add(i);
                    }
                }
            });

            await HallSetup.CloseAsync(api, staff, roundId, tct);
            await HallSetup.ConfirmTwiceAsync(api, staff, roundId, tct);
            var announced = await HallSetup.AnnounceAsync(api, staff, roundId, tct);
            var published = announced.Receipts.GroupBy(r => r, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            foreach (var i in ackedIdx.Where(i => !published.ContainsKey(outcomes[i].Receipt!)))
            {
                lostHere.Add(i);
            }
            // More ballots than delegates with a receipt is a duplicate only if every tablet got one
            // (a tablet that never did may still have been recorded).
            var unfinishedHere = tablets.Count - ackedIdx.Count;
            var dupHere = published.Values.Sum(c => c - 1)
                + Math.Max(0, announced.Result.Collected - (unfinishedHere == 0 ? ackedIdx.Count : tablets.Count));
            acknowledged += ackedIdx.Count;
            lost += lostHere.Count;
            duplicated += dupHere;
            Log.Info($"trial {trial}: acknowledged {ackedIdx.Count}/{tablets.Count} ({beforeKill} before the kill, {outcomes.Sum(o => o.Errors)} failed attempts resent), " +
                     $"collected {announced.Result.Collected}, receipts published {announced.Receipts.Count}; lost {lostHere.Count}, duplicated {dupHere}; load {Log.LoadAverage()}");
        }
        if (unfinished > 0)
        {
            Log.Info($"{unfinished} ballots were never acknowledged within their trial (not counted as acknowledged)");
        }
        return $"crash: trials={options.CrashTrials} acknowledged={acknowledged} lost={lost} duplicated={duplicated}";
    }
}
