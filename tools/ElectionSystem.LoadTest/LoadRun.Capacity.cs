using System.Diagnostics;
using ElectionSystem.Domain.Elections;
using ElectionSystem.Server.Features.Elections;

namespace ElectionSystem.LoadTest;

/// <summary>The load run's capacity rounds (max_ballots_per_s), beside the SQLite baseline.</summary>
internal sealed partial class LoadRun
{
    /// <summary>
    /// Rounds opened for the purpose (a one-seat election, two names): all N tablets cast at once as
    /// soon as the round is open, each once (the rule), so the server has N ballots queued; the rate
    /// counts from the open call's return to the last acknowledgement, summed over rounds until the
    /// casting time reaches --capacity seconds. Closing between rounds is not counted. After each round
    /// the SQLite baseline runs for as long as the round cast, so both see the disk of the same minute.
    /// With --encrypted each round is encrypted (the ceremony is ready): its N ballots are encrypted
    /// after the open and before the casting starts, outside the counted time.
    /// </summary>
    private async Task<double> CapacityAsync(SqliteBaseline baseline, CancellationToken ct)
    {
        double ballots = 0, seconds = 0, castingCpuServer = 0, castingCpuSelf = 0;
        var errors = 0;
        var cpuSelf0 = Cpu.SelfSeconds();
        var cpuServer0 = Cpu.ProcessSeconds(server?.Pid);
        for (var r = 1; r <= options.CapacityMaxRounds && seconds < options.CapacitySeconds; r++)
        {
            var roundId = await HallSetup.CreateRoundAsync(api, staff, ElectionKinds.Other, $"Capacity round {r}", 1, ["Nguyễn Văn Một", "Trần Thị Hai"], ct);
            await HallSetup.OpenAsync(api, staff, roundId, ct);
            var prepared = encrypted is null ? null
                : await EncryptedHall.PrepareAsync(tablets[0], roundId, tablets.Count, v => new BallotContent.Struck([v.Names[Random.Shared.Next(2)].Id]), ct);
            // The reviews' pre-checks (all at once, outside the counted time), so the casts only write, as in the burst.
            if (prepared is not null && options.Precheck) await Prechecking.RunAsync(tablets, roundId, prepared, TimeSpan.Zero, ct);
            // The tablets' encryption and the reviews' pre-checks are done: their leftovers (collections) are not the casting's.
            GC.Collect();
            var settled = await Cpu.UntilIdleAsync(server?.Pid, TimeSpan.FromSeconds(10), ct);
            var (cpuServerAt, cpuSelfAt) = (Cpu.ProcessSeconds(server?.Pid), Cpu.SelfSeconds());
            var start = Stopwatch.GetTimestamp();
            var outcomes = await Task.WhenAll(tablets.Select(t => prepared is null
                ? Casting.UntilAcknowledgedAsync(t, roundId, HallSetup.NewKey(), [Random.Shared.Next(2) == 0 ? "c1" : "c2"], TimeSpan.FromSeconds(90), ct)
                : Casting.UntilAcknowledgedAsync(t, roundId, new CastRequest(HallSetup.NewKey(), null, null, null, prepared.Ballots[t.Index].Encrypted), TimeSpan.FromSeconds(90), ct)));
            var ok = outcomes.Where(o => o.Acknowledged).ToList();
            var end = ok.Count > 0 ? ok.Max(o => o.AcknowledgedAt) : Stopwatch.GetTimestamp();
            // The CPU of the casting alone (this round's 1,600 requests), without the encryption, the pre-checks and the close.
            (castingCpuServer, castingCpuSelf) = (castingCpuServer + Cpu.ProcessSeconds(server?.Pid) - cpuServerAt, castingCpuSelf + Cpu.SelfSeconds() - cpuSelfAt);
            var s = Stats.Ms(start, end) / 1000;
            ballots += ok.Count;
            seconds += s;
            errors += outcomes.Sum(o => o.Errors);
            Log.Info($"capacity round {r}: {ok.Count} ballots in {Log.F2(s)} s = {Log.F(ok.Count / s)}/s, p50 {Log.F(Stats.Percentile(ok.Select(o => o.LatencyMs).ToList(), 50))} ms; server idle after {Log.F2(settled)} s; load {Log.LoadAverage()}");
            await HallSetup.CloseAsync(api, staff, roundId, ct);
            // The disk's own rate right now, for as long as this round cast (the server is idle).
            var slice = baseline.RunFor(TimeSpan.FromSeconds(s));
            Log.Info($"  SQLite baseline slice: {Log.F(slice)} rows/s for {Log.F2(s)} s");
        }
        var cpuSelf = Cpu.SelfSeconds() - cpuSelf0;
        var cpuServer = Cpu.ProcessSeconds(server?.Pid) - cpuServer0;
        Log.Info($"capacity: {ballots} ballots in {Log.F2(seconds)} s casting = {Log.F(ballots / seconds)}/s, errors {errors}; CPU over the phase incl. closes{(encrypted is null ? "" : " and the tool's encryption")}: tool {Log.F2(cpuSelf)} s, server {Log.F2(cpuServer)} s");
        Log.Info($"capacity casting alone: CPU per ballot server {Log.F2(castingCpuServer * 1000 / ballots)} ms, tool {Log.F2(castingCpuSelf * 1000 / ballots)} ms");
        return ballots / seconds;
    }

    private static string Num(double v) => double.IsNaN(v) ? "n/a" : double.IsInfinity(v) ? "timeout" : Log.F(v);

    private static List<double> Spread(long[] arrivals, long from) =>
        arrivals.Where(t => t != 0).Select(t => Stats.Ms(from, t)).ToList();

}
