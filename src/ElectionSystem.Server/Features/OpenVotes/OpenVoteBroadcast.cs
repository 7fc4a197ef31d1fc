using ElectionSystem.Server.Features.Live;

namespace ElectionSystem.Server.Features.OpenVotes;

/// <summary>
/// What an open vote's changes tell the hall, after they are committed: tablets hear at once that a
/// vote opened or closed (the whole vote, or null); projector and presidium get the coalesced count
/// through <see cref="OpenVoteTopic"/>.
/// </summary>
public sealed class OpenVoteBroadcast(LiveUpdates live, ILiveChannel channel)
{
    public async Task OpenedAsync(OpenVote vote)
    {
        await channel.SendAsync(HubGroups.Delegates, nameof(IOpenVoteClient.OpenVoteChanged),
            new TabletOpenVoteMessage(new TabletOpenVote(vote.Id, vote.Title, vote.Description, vote.Anonymous, null)));
        Changed();
    }

    public async Task ClosedAsync()
    {
        await channel.SendAsync(HubGroups.Delegates, nameof(IOpenVoteClient.OpenVoteChanged), new TabletOpenVoteMessage(null));
        Changed();
    }

    /// <summary>The count on screen changed (a cast, a show of hands).</summary>
    public void Changed() => live.MarkDirty(OpenVoteTopic.TopicName);
}
