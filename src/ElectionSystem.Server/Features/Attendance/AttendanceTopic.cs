using ElectionSystem.Server.Features.CongressSetup;
using ElectionSystem.Server.Features.Projection;
using Microsoft.AspNetCore.SignalR;

namespace ElectionSystem.Server.Features.Attendance;

/// <summary>Pushes the whole attendance snapshot to every screen and desk that shows it.</summary>
public sealed class AttendanceTopic(IHubContext<CongressHub, ICongressClient> hub) : ILiveTopic
{
    public const string TopicName = AttendanceSignal.TopicName;

    public string Name => TopicName;

    public async Task PublishAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var snapshot = await services.GetRequiredService<AttendanceService>().SnapshotAsync(cancellationToken);
        await hub.Clients.Groups(HubGroups.AttendanceAudience).AttendanceChanged(snapshot);
    }
}
