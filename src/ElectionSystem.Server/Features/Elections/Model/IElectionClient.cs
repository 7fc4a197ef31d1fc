namespace ElectionSystem.Server.Features.Elections;

/// <summary>What the live channel sends about secret elections. Never anything of a tally before it is announced.</summary>
public interface IElectionClient
{
    /// <summary>Issued / collected of the open rounds (coalesced).</summary>
    Task TurnoutChanged(ElectionTurnout turnout);

    /// <summary>A round was opened (tablets fetch their ballot).</summary>
    Task RoundOpened(RoundSignal round);

    /// <summary>A round was closed (or, to staff, confirmed); clients refetch their view.</summary>
    Task RoundClosed(RoundSignal round);

    /// <summary>Screens and staff: the announced result (no receipt codes).</summary>
    Task ResultsAnnounced(AnnouncedResult results);

    /// <summary>Committee and presidium: the key ceremony changed (a member posted a step); clients refetch GET /api/ceremony.</summary>
    Task CeremonyChanged(CeremonySignal ceremony);

    /// <summary>Tablets: a round's results were announced; a tablet holding a receipt fetches the published receipts over HTTP.</summary>
    Task RoundAnnounced(RoundSignal round);
}
