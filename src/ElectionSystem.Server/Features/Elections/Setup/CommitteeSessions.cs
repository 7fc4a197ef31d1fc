using System.Collections.Concurrent;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Auth;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.Elections;

/// <summary>
/// Which committee member sessions still count: a member's token and cookie carry the stamp of their
/// row on the committee's list, and count only while that row exists with the same stamp. Sign-out,
/// a new activation code and a new list give the row a new stamp (or remove it), which ends every
/// token and cookie of that member at once. The stored stamps are cached, like StaffSessions': one
/// query per member per change, not per request; <see cref="Ended"/> and <see cref="AllEnded"/>
/// drop entries after the change is saved and close the member's open hub connections.
/// </summary>
public sealed class CommitteeSessions(IServiceScopeFactory scopes, SignedInConnections connections)
{
    private readonly ConcurrentDictionary<Guid, string?> _stamps = new();
    private long _changes;

    /// <summary>Before the save: a new stamp for the member's row.</summary>
    public static void Revoke(CountingCommitteeMember member) => member.SecurityStamp = Account.NewStamp();

    /// <summary>After the save of a <see cref="Revoke"/>: forget the member's cached stamp and close their hub connections.</summary>
    public void Ended(Guid delegateId)
    {
        Interlocked.Increment(ref _changes);
        _stamps.TryRemove(delegateId, out _);
        connections.Abort(SignedInConnections.MemberSubject(delegateId));
    }

    /// <summary>After a new list is saved: forget every cached stamp and close every member's hub connections.</summary>
    public void AllEnded()
    {
        Interlocked.Increment(ref _changes);
        _stamps.Clear();
        connections.AbortMembers();
    }

    /// <summary>Whether the delegate is on the list with this stamp.</summary>
    public async Task<bool> IsCurrentAsync(Guid delegateId, string? stamp, CancellationToken ct)
    {
        if (stamp is null)
        {
            return false;
        }
        if (!_stamps.TryGetValue(delegateId, out var current))
        {
            // A change saved while this query runs must not leave its old stamp in the cache.
            var changes = Interlocked.Read(ref _changes);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ElectionDbContext>();
            current = await db.Set<CountingCommitteeMember>().AsNoTracking().Where(m => m.DelegateId == delegateId)
                .Select(m => m.SecurityStamp).FirstOrDefaultAsync(ct);
            if (Interlocked.Read(ref _changes) == changes)
            {
                _stamps.TryAdd(delegateId, current);
            }
        }
        return current is not null && string.Equals(current, stamp, StringComparison.Ordinal);
    }
}
