namespace ElectionSystem.Server.Features.OpenVotes;

/// <summary>What the live channel sends about open votes.</summary>
public interface IOpenVoteClient
{
    /// <summary>Projector, presidium: the open vote on screen with its counts, or its decision. Coalesced (OpenVoteTopic).</summary>
    Task OpenVoteTallyChanged(OpenVoteLiveMessage message);

    /// <summary>Tablets (delegates group): a vote opened or closed; carries the open vote now, or none.</summary>
    Task OpenVoteChanged(TabletOpenVoteMessage message);
}
