using System.Diagnostics;
using ElectionSystem.Server.Features.Elections;
using Npgsql;

namespace ElectionSystem.LoadTest;

/// <summary>
/// Kill mode against the two-node layout (issue 15): a one-seat round is opened and every tablet casts
/// once at a random moment of the window, resending the SAME key until acknowledged (through haproxy,
/// so a resend lands on whichever node is up); at <c>--at</c> seconds into the burst (random when not
/// given) one part gets SIGKILL: <c>app</c> (app1, which serves half the requests), <c>db</c> (the primary;
/// promote.sh promotes the standby) or <c>redis</c>. Then every acknowledged ballot is resent once more
/// (recorded already, same receipt), the round is closed, confirmed and announced, and the database
/// (whichever server is the primary now) is asked: one participation, one ballot and one receipt per
/// delegate who got a receipt, every acknowledged receipt among the published ones.
/// failover_s = from the kill to the first acknowledgement that came after it; last_resent_ack_s = from
/// the kill to the last acknowledgement of a ballot that needed a resend (the longest a delegate
/// caught by the kill waited for a receipt). Before the close a killed
/// app1 is started again and both nodes are asked for the final turnout (<see cref="FinalTurnout"/>).
/// </summary>
internal sealed class KillRun(Options options, HallApi api, Staff staff, IReadOnlyList<Tablet> tablets, TwoNodesLayout layout, FinalTurnout final)
{
    public async Task<string> RunAsync(CancellationToken ct)
    {
        var part = options.Kill!;
        var window = TimeSpan.FromSeconds(options.WindowSeconds);
        var roundId = await HallSetup.CreateRoundAsync(api, staff, ElectionKinds.Other, $"Kill {part}", 1, ["Nguyễn Văn Một", "Trần Thị Hai"], ct);
        await HallSetup.OpenAsync(api, staff, roundId, ct);
        using var promotion = part == "db" ? layout.StartPromotionWatch() : null;
        var opened = Stopwatch.GetTimestamp();
        var killAt = TimeSpan.FromSeconds(options.KillAtSeconds ?? window.TotalSeconds * (0.1 + 0.8 * Random.Shared.NextDouble()));
        var keys = tablets.Select(_ => HallSetup.NewKey()).ToArray();
        var struck = tablets.Select(_ => Random.Shared.Next(2) == 0 ? "c1" : "c2").ToArray();
        long killedAt = 0;

        var killer = Task.Run(async () =>
        {
            await Task.Delay(killAt, ct);
            var pid = layout.PidOf(part);
            var inFlight = Volatile.Read(ref Casting.InFlight);
            Process.GetProcessById(pid).Kill();
            Volatile.Write(ref killedAt, Stopwatch.GetTimestamp());
            Log.Info($"SIGKILL {part} (pid {pid}) at {Log.F1(killAt.TotalSeconds)} s into the burst, {inFlight} ballots in flight");
        }, ct);
        var outcomes = await Task.WhenAll(tablets.Select(async t =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * window.TotalMilliseconds), ct);
            return await Casting.UntilAcknowledgedAsync(t, roundId, keys[t.Index], [struck[t.Index]], window + TimeSpan.FromSeconds(180), ct);
        }));
        await killer;
        var acked = Enumerable.Range(0, tablets.Count).Where(i => outcomes[i].Acknowledged).ToList();
        var afterKill = acked.Select(i => outcomes[i].AcknowledgedAt).Where(a => a > killedAt).DefaultIfEmpty(0).Min();
        var failover = afterKill == 0 ? double.NaN : Stats.Ms(killedAt, afterKill) / 1000;
        // The first acknowledgement after an app kill comes from the node that stayed, at once; what a
        // delegate on the killed node lives is the wait of a ballot that had to be resent: the last
        // of those acknowledged after the kill, from the kill.
        var resent = acked.Where(i => outcomes[i].Errors > 0 && outcomes[i].AcknowledgedAt > killedAt).ToList();
        var lastResent = resent.Count == 0 ? 0 : resent.Max(i => Stats.Ms(killedAt, outcomes[i].AcknowledgedAt)) / 1000;
        var lost = new HashSet<int>();
        await Parallel.ForEachAsync(acked, new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = ct }, async (i, c) =>
        {
            var again = await Casting.UntilAcknowledgedAsync(tablets[i], roundId, keys[i], [struck[i]], TimeSpan.FromSeconds(60), c);
            if (!again.Acknowledged || !again.AlreadyRecorded || again.Receipt != outcomes[i].Receipt)
            {
                lock (lost) lost.Add(i);
            }
        });
        if (part == "app")
        {
            // Back, as after a repair: a node that comes back shows the same final turnout as the one that stayed.
            await layout.StartAppAsync("app1", ct);
        }
        var finalTurnout = await final.CheckAsync(roundId, acked.Count, ct);
        await HallSetup.CloseAsync(api, staff, roundId, ct);
        await HallSetup.ConfirmTwiceAsync(api, staff, roundId, ct);
        var announced = await HallSetup.AnnounceAsync(api, staff, roundId, ct);
        var published = announced.Receipts.ToHashSet(StringComparer.Ordinal);
        foreach (var i in acked.Where(i => !published.Contains(outcomes[i].Receipt!))) lost.Add(i);

        // The database itself, wherever the primary is now: each delegate's ballot exactly once.
        var (participations, delegates, ballots, receipts) = await CountStoredAsync(roundId, ct);
        var duplicated = (participations - delegates) + Math.Max(0, ballots - participations) + Math.Max(0, receipts - participations)
            + announced.Receipts.Count - published.Count;
        var missing = acked.Count - participations;
        Log.Info($"acknowledged {acked.Count}/{tablets.Count} ({outcomes.Sum(o => o.Errors)} failed attempts resent); stored: "
                 + $"{participations} participations of {delegates} delegates, {ballots} ballots, {receipts} receipts; collected {announced.Result.Collected}");
        return $"kill: part={part} at_s={Log.F1(killAt.TotalSeconds)} delegates={tablets.Count} acknowledged={acked.Count} "
               + $"failover_s={Log.F2(failover)} resent={resent.Count} last_resent_ack_s={Log.F2(lastResent)} lost={lost.Count + Math.Max(0, missing)} duplicated={duplicated} "
               + $"unacknowledged={tablets.Count - acked.Count}" + finalTurnout;
    }

    private async Task<(long Participations, long Delegates, long Ballots, long Receipts)> CountStoredAsync(Guid roundId, CancellationToken ct)
    {
        await using var db = new NpgsqlConnection(layout.DatabaseConnection);
        await db.OpenAsync(ct);
        await using var command = new NpgsqlCommand("""
            SELECT (SELECT count(*) FROM "Participations" WHERE "RoundId" = @r),
                   (SELECT count(DISTINCT "DelegateId") FROM "Participations" WHERE "RoundId" = @r),
                   (SELECT count(*) FROM "Ballots" WHERE "RoundId" = @r),
                   (SELECT count(*) FROM "Receipts" WHERE "RoundId" = @r)
            """, db);
        command.Parameters.AddWithValue("r", roundId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }
}
