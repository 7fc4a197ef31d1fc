using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Auth;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.Tablet;

/// <summary>
/// Per-delegate back-off for wrong PINs (ADR 0009), on the delegate's credential row. The same
/// compare-and-set as the staff <see cref="LoginThrottle"/>: one UPDATE counts the wrong PIN only
/// if the count is still the one read and no wait is running, so 25 wrong PINs at once are each
/// either counted or refused, never lost; a retry follows only a lost race, and the races end when
/// a wait starts. No lock is held while a PIN is hashed, and the rule holds for any number of
/// server processes sharing the database.
/// </summary>
public sealed class PinThrottle(ElectionDbContext db, SignInBackOff backOff)
{
    /// <summary>Counts a wrong PIN; null when a wait was already running (then nothing is counted).</summary>
    public async Task<CountedFailure?> FailedAsync(Guid delegateId, DateTime now, CancellationToken ct)
    {
        while (true)
        {
            var seen = await db.DelegateCredentials.Where(c => c.DelegateId == delegateId)
                .Select(c => new { c.FailedPinAttempts, c.BackOffUntil }).SingleAsync(ct);
            if (seen.BackOffUntil > now)
            {
                return null;
            }
            var until = backOff.Until(seen.FailedPinAttempts + 1, now);
            var counted = await db.DelegateCredentials
                .Where(c => c.DelegateId == delegateId && c.FailedPinAttempts == seen.FailedPinAttempts
                    && (c.BackOffUntil == null || c.BackOffUntil <= now))
                .ExecuteUpdateAsync(u => u
                    .SetProperty(c => c.FailedPinAttempts, c => c.FailedPinAttempts + 1)
                    .SetProperty(c => c.BackOffUntil, until), ct);
            if (counted == 1)
            {
                return new CountedFailure(seen.FailedPinAttempts + 1, until);
            }
        }
    }

    /// <summary>Sets the count back to zero, unless a wait started meanwhile (then false: refuse the sign-in).</summary>
    public async Task<bool> SucceededAsync(Guid delegateId, DateTime now, CancellationToken ct) =>
        await db.DelegateCredentials
            .Where(c => c.DelegateId == delegateId && (c.BackOffUntil == null || c.BackOffUntil <= now))
            .ExecuteUpdateAsync(u => u
                .SetProperty(c => c.FailedPinAttempts, 0)
                .SetProperty(c => c.BackOffUntil, (DateTime?)null), ct) == 1;

    /// <summary>The end of the wait still running for this delegate (now if it has just ended).</summary>
    public async Task<DateTime> WaitingUntilAsync(Guid delegateId, DateTime now, CancellationToken ct)
    {
        var until = await db.DelegateCredentials.Where(c => c.DelegateId == delegateId).Select(c => c.BackOffUntil).SingleOrDefaultAsync(ct);
        return until > now ? until.Value : now;
    }
}
