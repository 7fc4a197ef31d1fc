using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Auth;

namespace ElectionSystem.Server.Features.Tablet;

/// <summary>
/// Per-delegate back-off for wrong PINs (ADR 0009), on the delegate's credential row, counted by
/// the one compare-and-set counter (<see cref="BackOffCounter{T}"/>): 25 wrong PINs at once are each
/// either counted or refused, never lost, and a right PIN that loses the race to them is refused.
/// </summary>
public sealed class PinThrottle(ElectionDbContext db, SignInBackOff backOff)
    : BackOffCounter<DelegateCredential>(db.DelegateCredentials, Columns, backOff)
{
    private static readonly BackOffColumns<DelegateCredential> Columns = new(c => c.DelegateId, c => c.FailedPinAttempts, c => c.BackOffUntil);
}
