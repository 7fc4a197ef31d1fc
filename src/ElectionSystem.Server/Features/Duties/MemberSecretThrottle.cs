using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Elections;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.Duties;

/// <summary>
/// The member's back-off for wrong activation codes and committee passphrases (ADR 0009's schedule,
/// <see cref="SignInBackOff"/>), on the member's row: the same compare-and-set as the PIN's and the
/// staff password's, so racing wrong guesses are each counted or refused and a wait is never a lock.
/// Kept apart from the PIN's count because the right PIN, checked first, resets that one.
/// </summary>
public sealed class MemberSecretThrottle(ElectionDbContext db, SignInBackOff backOff)
{
    private IQueryable<CountingCommitteeMember> Members => db.Set<CountingCommitteeMember>();

    /// <summary>Counts a wrong code or passphrase; null when a wait was already running (then nothing is counted).</summary>
    public async Task<CountedFailure?> FailedAsync(Guid memberId, DateTime now, CancellationToken ct)
    {
        while (true)
        {
            var seen = await Members.Where(m => m.Id == memberId).Select(m => new { m.FailedSecretAttempts, m.SecretBackOffUntil }).SingleAsync(ct);
            if (seen.SecretBackOffUntil > now)
            {
                return null;
            }
            var until = backOff.Until(seen.FailedSecretAttempts + 1, now);
            var counted = await Members
                .Where(m => m.Id == memberId && m.FailedSecretAttempts == seen.FailedSecretAttempts
                    && (m.SecretBackOffUntil == null || m.SecretBackOffUntil <= now))
                .ExecuteUpdateAsync(u => u
                    .SetProperty(m => m.FailedSecretAttempts, m => m.FailedSecretAttempts + 1)
                    .SetProperty(m => m.SecretBackOffUntil, until), ct);
            if (counted == 1)
            {
                return new CountedFailure(seen.FailedSecretAttempts + 1, until);
            }
        }
    }

    /// <summary>Sets the count back to zero, unless a wait started meanwhile (then false: refuse the sign-in).</summary>
    public async Task<bool> SucceededAsync(Guid memberId, DateTime now, CancellationToken ct) =>
        await Members.Where(m => m.Id == memberId && (m.SecretBackOffUntil == null || m.SecretBackOffUntil <= now))
            .ExecuteUpdateAsync(u => u
                .SetProperty(m => m.FailedSecretAttempts, 0)
                .SetProperty(m => m.SecretBackOffUntil, (DateTime?)null), ct) == 1;

    /// <summary>
    /// Uses the activation code once: the passphrase is set only if the code is still the one
    /// checked and no wait started (two sign-ins racing with one code: one wins).
    /// </summary>
    public async Task<bool> ActivateAsync(Guid memberId, string activationHash, string passphraseHash, DateTime now, CancellationToken ct) =>
        await Members.Where(m => m.Id == memberId && m.ActivationHash == activationHash
                && (m.SecretBackOffUntil == null || m.SecretBackOffUntil <= now))
            .ExecuteUpdateAsync(u => u
                .SetProperty(m => m.PassphraseHash, passphraseHash)
                .SetProperty(m => m.ActivationHash, (string?)null)
                .SetProperty(m => m.ActivationExpiresAt, (DateTime?)null)
                .SetProperty(m => m.FailedSecretAttempts, 0)
                .SetProperty(m => m.SecretBackOffUntil, (DateTime?)null), ct) == 1;

    /// <summary>The end of the wait still running for this member (now if it has just ended).</summary>
    public async Task<DateTime> WaitingUntilAsync(Guid memberId, DateTime now, CancellationToken ct)
    {
        var until = await Members.Where(m => m.Id == memberId).Select(m => m.SecretBackOffUntil).SingleOrDefaultAsync(ct);
        return until > now ? until.Value : now;
    }
}
