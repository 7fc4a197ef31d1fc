using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Hosting;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.Elections;

/// <summary>
/// Which committee member sessions still count: a member's token and cookie carry the stamp of their
/// row on the committee's list, and count only while that row exists with the same stamp. Sign-out,
/// a new activation code and a new list give the row a new stamp (or remove it), which ends every
/// token and cookie of that member at once. The stored stamps are cached, like StaffSessions': one
/// query per member per change, not per request; <see cref="Ended"/> and <see cref="AllEnded"/>
/// drop entries after the change is saved and close the member's open hub connections, here and on
/// the other hall server (<see cref="IHallBus"/>).
/// </summary>
public sealed class CommitteeSessions
{
    private const string Topic = "committee-ended";
    private const string All = "all";

    private readonly IServiceScopeFactory scopes;
    private readonly IHallBus bus;
    private readonly SignedInConnections connections;
    private readonly NodeCache<Guid, string?> _stamps;

    public CommitteeSessions(IServiceScopeFactory scopes, IHallBus bus, SignedInConnections connections)
    {
        this.scopes = scopes;
        this.bus = bus;
        this.connections = connections;
        _stamps = new NodeCache<Guid, string?>(bus.CacheLifetime);
        bus.Subscribe(Topic, id =>
        {
            if (id == All) Forget(null);
            else if (Guid.TryParse(id, out var delegateId)) Forget(delegateId);
        });
    }

    /// <summary>Before the save: a new stamp for the member's row.</summary>
    public static void Revoke(CountingCommitteeMember member) => member.SecurityStamp = Account.NewStamp();

    /// <summary>After the save of a <see cref="Revoke"/>: forget the member's cached stamp and close their hub connections.</summary>
    public void Ended(Guid delegateId)
    {
        Forget(delegateId);
        bus.Publish(Topic, delegateId.ToString("N"));
    }

    /// <summary>After a new list is saved: forget every cached stamp and close every member's hub connections.</summary>
    public void AllEnded()
    {
        Forget(null);
        bus.Publish(Topic, All);
    }

    private void Forget(Guid? delegateId)
    {
        if (delegateId is { } id)
        {
            _stamps.Remove(id);
            connections.Abort(SignedInConnections.MemberSubject(id));
        }
        else
        {
            _stamps.Clear();
            connections.AbortMembers();
        }
    }

    /// <summary>Whether the delegate is on the list with this stamp.</summary>
    public async Task<bool> IsCurrentAsync(Guid delegateId, string? stamp, CancellationToken ct)
    {
        if (stamp is null)
        {
            return false;
        }
        // A change saved (here or on the other node) while the query runs does not leave its old stamp in the cache.
        var current = await _stamps.GetOrLoadAsync(delegateId, async (id, token) =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ElectionDbContext>();
            return await db.Set<CountingCommitteeMember>().AsNoTracking().Where(m => m.DelegateId == id)
                .Select(m => m.SecurityStamp).FirstOrDefaultAsync(token);
        }, ct);
        return current is not null && string.Equals(current, stamp, StringComparison.Ordinal);
    }
}
