using System.Collections.Concurrent;
using System.Diagnostics;

namespace ElectionSystem.Server.Hosting;

/// <summary>
/// A per-process cache of what the database holds (a session's stamp, a tablet's session). With one
/// node an entry lives until this process drops it; with two (<see cref="IHallBus.CacheLifetime"/>) it is
/// trusted that long at most, and the other node drops it at once through the bus when Redis is there.
/// </summary>
public sealed class NodeCache<TKey, TValue>(TimeSpan? lifetime)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, (TValue Value, long At)> _entries = new();

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

    public void Set(TKey key, TValue value) => _entries[key] = (value, Stopwatch.GetTimestamp());

    public void Remove(TKey key) => _entries.TryRemove(key, out _);

    public void Clear() => _entries.Clear();
}
