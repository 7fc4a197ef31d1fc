using ElectionSystem.Server.Features.CongressSetup;
using ElectionSystem.Server.Features.Live;

namespace ElectionSystem.Server.Features.Attendance;

/// <summary>Pushes the whole attendance snapshot to every screen and desk that shows it.</summary>
public sealed class AttendanceTopic(ILiveChannel channel) : ILiveTopic
{
    public const string TopicName = AttendanceSignal.TopicName;

    public string Name => TopicName;

    public async Task PublishAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var snapshot = await services.GetRequiredService<AttendanceService>().SnapshotAsync(cancellationToken);
        await channel.SendAsync(HubGroups.AttendanceAudience, nameof(IAttendanceClient.AttendanceChanged), snapshot);
    }
}
