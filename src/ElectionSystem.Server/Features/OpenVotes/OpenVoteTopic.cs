using ElectionSystem.Server.Features.Live;

namespace ElectionSystem.Server.Features.OpenVotes;

/// <summary>
/// The vote on screen, coalesced by LiveUpdates: a burst of 300 casts gives a few messages a
/// second to the projector and the presidium, each with the whole current count.
/// </summary>
public sealed class OpenVoteTopic(ILiveChannel channel) : ILiveTopic
{
    public const string TopicName = "openvote";

    public static readonly IReadOnlyList<string> Audience = [HubGroups.Projector, HubGroups.Presidium];

    public string Name => TopicName;

    /// <summary>Who is present decides who may still vote: a check-in changes the figures.</summary>
    public IReadOnlyCollection<string> Follows => [Attendance.AttendanceTopic.TopicName];

    public async Task PublishAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var live = await services.GetRequiredService<OpenVoteViews>().LiveAsync(cancellationToken);
        // The presidium runs the vote and sees the count; the projector sees it only when the vote shows it live.
        await channel.SendAsync(HubGroups.Presidium, nameof(IOpenVoteClient.OpenVoteTallyChanged), new OpenVoteLiveMessage(live));
        await channel.SendAsync(HubGroups.Projector, nameof(IOpenVoteClient.OpenVoteTallyChanged), new OpenVoteLiveMessage(live?.ForHall()));
    }
}
