using System.Collections.Concurrent;
using System.Threading.Channels;

namespace ElectionSystem.Server.Features.Live;

/// <summary>A kind of live state pushed to clients: attendance, an open vote's count, a round's turnout.</summary>
public interface ILiveTopic
{
    string Name { get; }

    /// <summary>
    /// Topics whose changes change this one too (turnout and "not yet voted" follow attendance):
    /// marking one of them dirty marks this topic dirty as well, so writers need not know who follows.
    /// </summary>
    IReadOnlyCollection<string> Follows => [];

    /// <summary>Builds the whole current state and sends it. Runs in its own DI scope.</summary>
    Task PublishAsync(IServiceProvider services, CancellationToken cancellationToken);
}

/// <summary>
/// Coalesces live broadcasts: writers call <see cref="MarkDirty"/> after their change is committed;
/// a background loop publishes each dirty topic's whole state at once when idle, then at most
/// once per <see cref="MinInterval"/> while changes keep coming — 300 check-ins in a burst give a
/// handful of messages, not 300. To add a topic: implement <see cref="ILiveTopic"/> and register it
/// with <c>services.AddLiveTopic&lt;T&gt;()</c>.
/// </summary>
public sealed class LiveUpdates(IEnumerable<ILiveTopic> topics, IServiceScopeFactory scopes, ILogger<LiveUpdates> logger)
    : BackgroundService
{
    public static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(200);

    private readonly Dictionary<string, ILiveTopic> _topics = topics.ToDictionary(t => t.Name, StringComparer.Ordinal);
    private readonly ILookup<string, string> _followers = topics
        .SelectMany(t => t.Follows.Select(followed => (followed, t.Name)))
        .ToLookup(p => p.followed, p => p.Name, StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _dirty = new(StringComparer.Ordinal);
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
    });

    /// <summary>Topics marked and not yet published (for tests and diagnostics).</summary>
    public int PendingCount => _dirty.Count;

    public void MarkDirty(string topic)
    {
        if (!_topics.ContainsKey(topic))
        {
            throw new ArgumentException($"No live topic named '{topic}' is registered.", nameof(topic));
        }
        _dirty[topic] = 0;
        foreach (var follower in _followers[topic])
        {
            _dirty[follower] = 0;
        }
        _wake.Writer.TryWrite(true);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _wake.Reader.WaitToReadAsync(stoppingToken))
            {
                _wake.Reader.TryRead(out _);
                foreach (var name in _dirty.Keys)
                {
                    if (!_dirty.TryRemove(name, out _))
                    {
                        continue;
                    }
                    try
                    {
                        await using var scope = scopes.CreateAsyncScope();
                        await _topics[name].PublishAsync(scope.ServiceProvider, stoppingToken);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        // A failed broadcast must not stop the loop: the next change (or a client's
                        // refetch on reconnect) brings screens up to date.
                        logger.LogError(ex, "Live update {Topic} failed", name);
                    }
                }
                await Task.Delay(MinInterval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}

public static class LiveUpdatesSetup
{
    public static IServiceCollection AddLiveUpdates(this IServiceCollection services)
    {
        services.AddSingleton<LiveUpdates>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveUpdates>());
        return services;
    }

    public static IServiceCollection AddLiveTopic<T>(this IServiceCollection services) where T : class, ILiveTopic
    {
        services.AddSingleton<ILiveTopic, T>();
        return services;
    }
}
