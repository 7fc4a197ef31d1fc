using ElectionSystem.Server.Data;
using ElectionSystem.Server.Hosting;

namespace ElectionSystem.Server.Features.Auth;

/// <summary>
/// Which sessions still count, by stamp: a session counts only while the stamp it carries equals the
/// stored one. The stored stamps are cached here, so a request costs no query; <see cref="Ended"/>
/// drops an entry after its change is saved and closes that subject's open hub connections, here and
/// (through <see cref="IHallBus"/>) on the other hall server, whose cached entries also expire by
/// themselves. Staff accounts (<see cref="StaffSessions"/>) and committee members (Elections'
/// CommitteeSessions) each say where their stamp is kept and whose connections a change closes.
/// </summary>
public abstract class SessionStamps
{
    private readonly IServiceScopeFactory scopes;
    private readonly IHallBus bus;
    private readonly string topic;
    private readonly NodeCache<Guid, string?> _stamps;

    protected SessionStamps(string topic, IServiceScopeFactory scopes, SignedInConnections connections, IHallBus bus)
    {
        this.topic = topic;
        this.scopes = scopes;
        this.bus = bus;
        Connections = connections;
        _stamps = new NodeCache<Guid, string?>(bus.CacheLifetime);
        bus.Subscribe(topic, Received);
    }

    protected SignedInConnections Connections { get; }

    /// <summary>The stored stamp of <paramref name="id"/>; null when its sessions count no more.</summary>
    protected abstract Task<string?> LoadStampAsync(ElectionDbContext db, Guid id, CancellationToken ct);

    /// <summary>Whose hub connections (<see cref="SignedInConnections"/>) a change of <paramref name="id"/> closes.</summary>
    protected abstract string ConnectionSubject(Guid id);

    /// <summary>After the save of a new stamp: forget the cached one and close the hub connections, here and on the other node.</summary>
    public void Ended(Guid id)
    {
        Forget(id);
        Publish(id.ToString("N"));
    }

    protected void Publish(string message) => bus.Publish(topic, message);

    /// <summary>The other node's message: by default the id whose stamp changed.</summary>
    protected virtual void Received(string message)
    {
        if (Guid.TryParse(message, out var id)) Forget(id);
    }

    protected void Forget(Guid id)
    {
        _stamps.Remove(id);
        Connections.Abort(ConnectionSubject(id));
    }

    protected void ForgetAll() => _stamps.Clear();

    /// <summary>Whether <paramref name="stamp"/> is the stored stamp of <paramref name="id"/>.</summary>
    protected async Task<bool> MatchesAsync(Guid id, string? stamp, CancellationToken cancellationToken)
    {
        if (stamp is null)
        {
            return false;
        }
        // A change saved (here or on the other node) while the query runs does not leave its old stamp in the cache.
        var current = await _stamps.GetOrLoadAsync(id, async (key, ct) =>
        {
            await using var scope = scopes.CreateAsyncScope();
            return await LoadStampAsync(scope.ServiceProvider.GetRequiredService<ElectionDbContext>(), key, ct);
        }, cancellationToken);
        return current is not null && string.Equals(current, stamp, StringComparison.Ordinal);
    }
}
