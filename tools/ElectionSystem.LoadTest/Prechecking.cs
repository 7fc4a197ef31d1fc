using System.Diagnostics;
using System.Net;
using ElectionSystem.Server.Features.Elections;

namespace ElectionSystem.LoadTest;

/// <summary>The pre-burst phase: how long it took (first post to last answer), the posts' p99, and those not answered 200.</summary>
internal sealed record PrecheckPhase(double Seconds, double P99Ms, int Errors);

/// <summary>
/// What each tablet page does when its delegate opens "Xem lại phiếu" on an encrypted round: post the
/// ballot it has just encrypted to the round's check (POST …/ballot/check with <c>{ encrypted }</c>), so
/// the server checks its proofs before the confirm and the cast only writes. Here every tablet posts its
/// prepared ballot once, at a random moment of the phase, as delegates reach their review; a tablet page
/// does not retry a failed pre-check (its cast is then checked), and neither does the tool.
/// </summary>
internal static class Prechecking
{
    public static async Task<PrecheckPhase> RunAsync(IReadOnlyList<Tablet> tablets, Guid roundId, PreparedRound prepared, TimeSpan spread, CancellationToken ct)
    {
        var path = $"/api/elections/rounds/{roundId}/ballot/check";
        var start = Stopwatch.GetTimestamp();
        var answers = await Task.WhenAll(tablets.Select(async t =>
        {
            var at = TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * spread.TotalMilliseconds);
            // The delegate's moment of review, at random in the phase: the schedule being simulated, not a wait for an event.
            if (at > TimeSpan.Zero) await Task.Delay(at, ct);
            var (status, body, ms) = await t.Http.TimedAsync(HttpMethod.Post, path, t.Token, new { encrypted = prepared.Ballots[t.Index].Encrypted }, ct);
            return (Ok: status == HttpStatusCode.OK, Ms: ms, Problem: status == HttpStatusCode.OK ? null : $"{(status is { } s ? (int)s : 0)}: {(body.Length > 200 ? body[..200] : body)}");
        }));
        var phase = new PrecheckPhase(Stopwatch.GetElapsedTime(start).TotalSeconds, Stats.Percentile([.. answers.Select(a => a.Ms)], 99), answers.Count(a => !a.Ok));
        foreach (var bad in answers.Where(a => !a.Ok).Take(5)) Log.Info($"  pre-check not answered 200: {bad.Problem}");
        Log.Info($"pre-check: {tablets.Count - phase.Errors}/{tablets.Count} ballots' proofs checked at the review in {Log.F1(phase.Seconds)} s " +
                 $"(spread over {Log.F1(spread.TotalSeconds)} s), p50 {Log.F(Stats.Percentile([.. answers.Select(a => a.Ms)], 50))} ms, p99 {Log.F(phase.P99Ms)} ms; load {Log.LoadAverage()}");
        return phase;
    }
}
