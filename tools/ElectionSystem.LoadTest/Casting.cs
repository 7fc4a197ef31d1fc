using System.Diagnostics;
using System.Net;
using System.Text.Json;
using ElectionSystem.Server.Features.Elections;

namespace ElectionSystem.LoadTest;

/// <summary>What one tablet got for one ballot.</summary>
internal sealed class CastOutcome
{
    public bool Acknowledged { get; set; }
    public string? Receipt { get; set; }
    public bool AlreadyRecorded { get; set; }
    /// <summary>Stopwatch timestamps: the first attempt's start and the acknowledgement's arrival.</summary>
    public long FirstAttempt { get; set; }
    public long AcknowledgedAt { get; set; }
    public int Errors { get; set; }
    public string? LastError { get; set; }

    public double LatencyMs => Stats.Ms(FirstAttempt, AcknowledgedAt);
}

/// <summary>
/// The tablet's contract (ARCHITECTURE.md invariant 3): send the ballot with its key and resend the
/// same key until a receipt comes back. A refusal (4xx) is an error too; after a few it gives up.
/// </summary>
internal static class Casting
{
    /// <summary>Ballot submissions sent and not yet answered (for the crash log).</summary>
    public static int InFlight;

    public static Task<CastOutcome> UntilAcknowledgedAsync(Tablet tablet, Guid roundId, string key,
        IReadOnlyList<string> struck, TimeSpan giveUpAfter, CancellationToken ct) =>
        UntilAcknowledgedAsync(tablet, roundId, new CastRequest(key, struck, null), giveUpAfter, ct);

    /// <summary>The same with the request made by the caller (a plaintext or an encrypted ballot, its key inside).</summary>
    public static async Task<CastOutcome> UntilAcknowledgedAsync(Tablet tablet, Guid roundId, CastRequest request, TimeSpan giveUpAfter, CancellationToken ct)
    {
        var outcome = new CastOutcome { FirstAttempt = Stopwatch.GetTimestamp() };
        var refusals = 0;
        var path = $"/api/elections/rounds/{roundId}/ballot";
        while (!ct.IsCancellationRequested && Stopwatch.GetElapsedTime(outcome.FirstAttempt) < giveUpAfter)
        {
            Interlocked.Increment(ref InFlight);
            var (status, body, _) = await tablet.Http.TimedAsync(HttpMethod.Post, path, tablet.Token, request, ct);
            Interlocked.Decrement(ref InFlight);
            if (status == HttpStatusCode.OK)
            {
                var receipt = JsonSerializer.Deserialize<CastReceipt>(body, HallApi.Json)!;
                outcome.AcknowledgedAt = Stopwatch.GetTimestamp();
                outcome.Acknowledged = true;
                outcome.Receipt = receipt.Receipt;
                outcome.AlreadyRecorded = receipt.AlreadyRecorded;
                return outcome;
            }
            outcome.Errors++;
            outcome.LastError = $"{(status is null ? "no answer" : ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture))}: {(body.Length > 200 ? body[..200] : body)}";
            if (status is { } s && (int)s is >= 400 and < 500 && s != HttpStatusCode.RequestTimeout && s != HttpStatusCode.TooManyRequests && ++refusals >= 5)
            {
                return outcome;
            }
            try
            {
                // A tablet backs off (with jitter, so a restarted server is not hit by all at once) and resends the same key.
                await Task.Delay(100 + Random.Shared.Next(300), ct);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        return outcome;
    }
}
