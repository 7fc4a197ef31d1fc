using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Live;
using ElectionSystem.Server.Features.Shared;

namespace ElectionSystem.Server.Features.Elections;

/// <summary>
/// Every change of a round's state goes through here: <see cref="DatabaseGate.EnterAsync(Microsoft.EntityFrameworkCore.DbContext, CancellationToken)"/>
/// serialises it against casts (a ballot is either in the count or refused) and against other changes,
/// in this process and, on PostgreSQL, across hall servers (<see cref="DatabaseLocks.Rounds"/>: held
/// exclusively here, shared by the ballot writer's transaction; the holder re-reads the round); after
/// the change has committed, the slice that made it calls one of the methods below, which drops the
/// open round's snapshot and tells the hall. Broadcasts are raised here, by the state change, never
/// by an endpoint.
/// </summary>
public sealed class RoundTransitions(OpenRoundCache cache, ILiveChannel channel, LiveUpdates live, ProofPrechecks prechecks) : DatabaseGate(DatabaseLocks.Rounds)
{
    /// <summary>Everyone: tablets refetch their ballot, screens their view.</summary>
    private static readonly IReadOnlyList<string> Everyone =
        [HubGroups.Projector, HubGroups.Presidium, HubGroups.Committee, HubGroups.Organisers, HubGroups.Delegates];

    /// <summary>Screens and staff: the result, without the receipt codes nobody there shows.</summary>
    private static readonly IReadOnlyList<string> Screens =
        [HubGroups.Projector, HubGroups.Presidium, HubGroups.Committee, HubGroups.Organisers];

    private static readonly IReadOnlyList<string> StaffScreens = [HubGroups.Committee, HubGroups.Presidium, HubGroups.Organisers];

    /// <summary>Issued / collected changed (a ballot was recorded, paper ballots were handed out): coalesced.</summary>
    public void TurnoutChanged() => live.MarkDirty(ElectionTurnoutTopic.TopicName);

    public async Task OpenedAsync(RoundSignal signal)
    {
        cache.Invalidate();
        await channel.SendAsync(Everyone, nameof(IElectionClient.RoundOpened), signal);
        TurnoutChanged();
    }

    public async Task ClosedAsync(RoundSignal signal)
    {
        cache.Invalidate();
        prechecks.Forget(signal.RoundId);
        await channel.SendAsync(Everyone, nameof(IElectionClient.RoundClosed), signal);
        TurnoutChanged();
    }

    /// <summary>Staff screens only: a confirmation changes nothing a delegate or the projector sees.</summary>
    public Task ConfirmedAsync(RoundSignal signal)
    {
        cache.Invalidate();
        return channel.SendAsync(StaffScreens, nameof(IElectionClient.RoundClosed), signal);
    }

    /// <summary>The key ceremony moved on (staff screens of the committee and presidium refetch it).</summary>
    public Task CeremonyChangedAsync(Guid ceremonyId, string state) =>
        channel.SendAsync([HubGroups.Committee, HubGroups.Presidium], nameof(IElectionClient.CeremonyChanged), new CeremonySignal(ceremonyId, state));

    /// <summary>
    /// Screens get the result; tablets only "round R announced" (~200 bytes instead of ~20 KB each) and
    /// fetch the published receipts over HTTP when they hold one.
    /// </summary>
    public Task AnnouncedAsync(ResultsAnnounced results)
    {
        cache.Invalidate();
        cache.StorePublished(results.Result.RoundId, results.Receipts);
        var r = results.Result;
        return Task.WhenAll(
            channel.SendAsync(Screens, nameof(IElectionClient.ResultsAnnounced), new AnnouncedResult(r, results.Combined)),
            channel.SendAsync(HubGroups.Delegates, nameof(IElectionClient.RoundAnnounced), new RoundSignal(r.RoundId, r.ElectionId, RoundStates.Announced, r.ElectionTitle, r.RoundLabel)));
    }
}
