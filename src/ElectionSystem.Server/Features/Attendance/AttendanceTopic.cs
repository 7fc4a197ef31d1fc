using ElectionSystem.Server.Features.Projection;
using Microsoft.AspNetCore.SignalR;

namespace ElectionSystem.Server.Features.Attendance;

/// <summary>Pushes the whole attendance snapshot to every screen and desk that shows it.</summary>
public sealed class AttendanceTopic(IHubContext<CongressHub, ICongressClient> hub) : ILiveTopic
{
    public const string TopicName = "attendance";

    public string Name => TopicName;

    public async Task PublishAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var snapshot = await services.GetRequiredService<AttendanceService>().SnapshotAsync(cancellationToken);
        await hub.Clients.Groups(HubGroups.AttendanceAudience).AttendanceChanged(snapshot);
    }
}

public static class AttendanceLiveExtensions
{
    /// <summary>Call after a committed change that affects attendance or Base.</summary>
    public static void AttendanceChanged(this LiveUpdates live) => live.MarkDirty(AttendanceTopic.TopicName);
}
