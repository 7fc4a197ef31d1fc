using ElectionSystem.Server.Features.Live;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ElectionSystem.Server.Tests.Attendance;

/// <summary>The coalescer: a burst of changes becomes one more broadcast, not one per change.</summary>
public sealed class LiveUpdatesTests
{
    private sealed class GatedTopic : ILiveTopic
    {
        public readonly TaskCompletionSource FirstEntered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public readonly TaskCompletionSource ReleaseFirst = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public readonly TaskCompletionSource<int> SecondEntered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public int Publishes;

        public string Name => "test";

        public async Task PublishAsync(IServiceProvider services, CancellationToken cancellationToken)
        {
            var n = Interlocked.Increment(ref Publishes);
            if (n == 1)
            {
                FirstEntered.SetResult();
                await ReleaseFirst.Task;
            }
            else if (n == 2)
            {
                SecondEntered.SetResult(n);
            }
        }
    }

    [Fact]
    public async Task Hundred_changes_during_a_broadcast_give_exactly_one_more_broadcast()
    {
        var topic = new GatedTopic();
        using var services = new ServiceCollection().BuildServiceProvider();
        using var live = new LiveUpdates([topic], services.GetRequiredService<IServiceScopeFactory>(), NullLogger<LiveUpdates>.Instance);
        await live.StartAsync(CancellationToken.None);

        live.MarkDirty("test");
        await topic.FirstEntered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        for (var i = 0; i < 100; i++)
        {
            live.MarkDirty("test");
        }
        topic.ReleaseFirst.SetResult();

        Assert.Equal(2, await topic.SecondEntered.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        // The second broadcast took every pending change with it: nothing is left to send.
        Assert.Equal(0, live.PendingCount);
        await live.StopAsync(CancellationToken.None);
        Assert.Equal(2, topic.Publishes);
    }

    private sealed class SignalTopic(string name, params string[] follows) : ILiveTopic
    {
        public readonly TaskCompletionSource Published = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name => name;

        public IReadOnlyCollection<string> Follows => follows;

        public Task PublishAsync(IServiceProvider services, CancellationToken cancellationToken)
        {
            Published.TrySetResult();
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task A_change_to_attendance_also_publishes_the_topics_that_follow_it()
    {
        var attendance = new SignalTopic("attendance");
        var turnout = new SignalTopic("turnout", "attendance");
        var unrelated = new SignalTopic("unrelated");
        using var services = new ServiceCollection().BuildServiceProvider();
        using var live = new LiveUpdates([attendance, turnout, unrelated], services.GetRequiredService<IServiceScopeFactory>(), NullLogger<LiveUpdates>.Instance);
        await live.StartAsync(CancellationToken.None);

        live.MarkDirty("attendance");

        await attendance.Published.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await turnout.Published.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await live.StopAsync(CancellationToken.None);
        Assert.False(unrelated.Published.Task.IsCompleted);
    }

    [Fact]
    public void Unknown_topic_is_refused()
    {
        using var services = new ServiceCollection().BuildServiceProvider();
        using var live = new LiveUpdates([], services.GetRequiredService<IServiceScopeFactory>(), NullLogger<LiveUpdates>.Instance);
        Assert.Throws<ArgumentException>(() => live.MarkDirty("nope"));
    }
}
