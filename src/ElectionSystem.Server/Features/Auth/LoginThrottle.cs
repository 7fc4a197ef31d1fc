using System.Collections.Concurrent;

namespace ElectionSystem.Server.Features.Auth;

/// <summary>
/// Per-account brute-force brake: after <see cref="MaxFailures"/> wrong passwords an account is
/// locked for <see cref="LockFor"/>. The per-IP limit is the "login" rate-limiter policy.
/// </summary>
public sealed class LoginThrottle(TimeProvider time)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan LockFor = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, (int Failures, DateTimeOffset LockedUntil)> _state =
        new(StringComparer.OrdinalIgnoreCase);

    public bool IsLocked(string userName, out TimeSpan remaining)
    {
        remaining = TimeSpan.Zero;
        if (_state.TryGetValue(userName, out var s) && s.LockedUntil > time.GetUtcNow())
        {
            remaining = s.LockedUntil - time.GetUtcNow();
            return true;
        }
        return false;
    }

    public void Failed(string userName) => _state.AddOrUpdate(userName,
        _ => (1, DateTimeOffset.MinValue),
        (_, s) => s.Failures + 1 >= MaxFailures ? (0, time.GetUtcNow() + LockFor) : (s.Failures + 1, s.LockedUntil));

    public void Succeeded(string userName) => _state.TryRemove(userName, out _);
}
