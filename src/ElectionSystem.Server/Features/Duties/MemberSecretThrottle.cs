using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Elections;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.Duties;

/// <summary>
/// The member's back-off for wrong activation codes and committee passphrases (ADR 0009's schedule,
/// <see cref="SignInBackOff"/>), on the member's row: the one compare-and-set counter of the PIN's and
/// the staff password's (<see cref="BackOffCounter{T}"/>), so racing wrong guesses are each counted
/// or refused and a wait is never a lock. Kept apart from the PIN's count because the right PIN,
/// checked first, resets that one.
/// </summary>
public sealed class MemberSecretThrottle(ElectionDbContext db, SignInBackOff backOff)
    : BackOffCounter<CountingCommitteeMember>(db.Set<CountingCommitteeMember>(), Columns, backOff)
{
    private static readonly BackOffColumns<CountingCommitteeMember> Columns = new(m => m.Id, m => m.FailedSecretAttempts, m => m.SecretBackOffUntil);

    /// <summary>
    /// Uses the activation code once: the passphrase is set only if the code is still the one
    /// checked and no wait started (two sign-ins racing with one code: one wins).
    /// </summary>
    public async Task<bool> ActivateAsync(Guid memberId, string activationHash, string passphraseHash, DateTime now, CancellationToken ct) =>
        await NotWaiting(memberId, now).Where(m => m.ActivationHash == activationHash)
            .ExecuteUpdateAsync(u => u
                .SetProperty(m => m.PassphraseHash, passphraseHash)
                .SetProperty(m => m.ActivationHash, (string?)null)
                .SetProperty(m => m.ActivationExpiresAt, (DateTime?)null)
                .SetProperty(m => m.FailedSecretAttempts, 0)
                .SetProperty(m => m.SecretBackOffUntil, (DateTime?)null), ct) == 1;
}
