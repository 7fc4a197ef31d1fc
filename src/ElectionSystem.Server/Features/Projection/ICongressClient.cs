using ElectionSystem.Server.Features.Attendance;
using ElectionSystem.Server.Features.OpenVotes;
using ElectionSystem.Server.Features.Elections;
using ElectionSystem.Server.Features.Tablet;

namespace ElectionSystem.Server.Features.Projection;

/// <summary>
/// Messages the server pushes to screens, desks and tablets over /hubs/congress. Each carries the
/// whole new state (never a delta): a client that missed messages refetches over HTTP on
/// (re)connect and is whole again. Later features add their methods here (VoteChanged, TurnoutChanged …).
/// </summary>
public interface ICongressClient
{
    /// <summary>Attendance changed (check-in, undo, absence, session switch). Coalesced, at most ~5 a second.</summary>
    Task AttendanceChanged(AttendanceSnapshot snapshot);

    /// <summary>To one tablet session (group TabletClaims.TabletGroup): it was signed out, e.g. by a sign-in on another tablet.</summary>
    Task SignedOut(TabletSignedOut message);

    /// <summary>Projector, presidium: the open vote on screen with its counts, or its decision. Coalesced (OpenVoteTopic).</summary>
    Task OpenVoteTallyChanged(OpenVoteLiveMessage message);

    /// <summary>Tablets (delegates group): a vote opened or closed; carries the open vote now, or none.</summary>
    Task OpenVoteChanged(TabletOpenVoteMessage message);
    /// <summary>Secret elections: issued / collected of the open rounds (coalesced). Never anything of the tally.</summary>
    Task TurnoutChanged(ElectionTurnout turnout);

    /// <summary>Secret elections: a round was opened (tablets fetch their ballot).</summary>
    Task RoundOpened(RoundSignal round);

    /// <summary>Secret elections: a round was closed (or, to staff, confirmed); clients refetch their view.</summary>
    Task RoundClosed(RoundSignal round);

    /// <summary>Secret elections, screens and staff: the announced result (no receipt codes).</summary>
    Task ResultsAnnounced(AnnouncedResult results);

    /// <summary>
    /// Secret elections, tablets (delegates group): a round's results were announced (State "announced").
    /// A small signal; a tablet holding a receipt for the round fetches the published receipts over HTTP.
    /// </summary>
    Task RoundAnnounced(RoundSignal round);
}
