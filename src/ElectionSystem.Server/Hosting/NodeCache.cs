using System.Collections.Concurrent;
using System.Diagnostics;

namespace ElectionSystem.Server.Hosting;

/// <summary>
/// A per-process cache of what the database holds (a session's stamp, a tablet's session). With one
/// node an entry lives until this process drops it; with two (<see cref="IHallBus.CacheLifetime"/>) it is
/// trusted that long at most, and the other node drops it at once through the bus when Redis is there.
/// Every drop (<see cref="Remove"/>, <see cref="Clear"/>, a <see cref="Set"/> by this node) counts as a
/// change: <see cref="GetOrLoadAsync"/> keeps what it loaded only when no change came while it loaded, so a
/// revocation heard from the bus during the query cannot be overwritten by the value read before it.
/// </summary>
public sealed class NodeCache<TKey, TValue>(TimeSpan? lifetime)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, (TValue Value, long At)> _entries = new();
    private long _changes;

    public bool TryGetValue(TKey key, out TValue value)
    {
        if (_entries.TryGetValue(key, out var entry) && (lifetime is null || Stopwatch.GetElapsedTime(entry.At) < lifetime))
        {
            value = entry.Value;
            return true;
        }
        value = default!;
        return false;
    }

    /// <summary>The cached value, else the loader's; that one is cached only if nothing changed while it ran.</summary>
    public async Task<TValue> GetOrLoadAsync(TKey key, Func<TKey, CancellationToken, Task<TValue>> load, CancellationToken ct)
    {
        if (TryGetValue(key, out var cached))
        {
            return cached;
        }
        var changes = Interlocked.Read(ref _changes);
        var loaded = await load(key, ct);
        if (Interlocked.Read(ref _changes) == changes)
        {
            var entry = (loaded, Stopwatch.GetTimestamp());
            _entries[key] = entry;
            // A change between the check and the store: take back this entry (only this one, not a newer Set).
            if (Interlocked.Read(ref _changes) != changes)
            {
                _entries.TryRemove(new KeyValuePair<TKey, (TValue, long)>(key, entry));
            }
        }
        return loaded;
    }

    /// <summary>What this node itself has just saved.</summary>
    public void Set(TKey key, TValue value)
    {
        Interlocked.Increment(ref _changes);
        _entries[key] = (value, Stopwatch.GetTimestamp());
    }

    public void Remove(TKey key)
    {
        Interlocked.Increment(ref _changes);
        _entries.TryRemove(key, out _);
    }

    public void Clear()
    {
        Interlocked.Increment(ref _changes);
        _entries.Clear();
    }
}
