using ElectionSystem.Server.Features.Projection;
using Microsoft.AspNetCore.SignalR;

namespace ElectionSystem.Server.Features.Elections;

/// <summary>Turnout of open rounds ("Đã bỏ phiếu 287/295"), coalesced, to every screen but the tablets.</summary>
public sealed class ElectionTurnoutTopic(IHubContext<CongressHub, ICongressClient> hub) : ILiveTopic
{
    public const string TopicName = "election-turnout";

    public string Name => TopicName;

    /// <summary>Who is present decides who may still vote: a check-in changes the figures.</summary>
    public IReadOnlyCollection<string> Follows => [Attendance.AttendanceTopic.TopicName];

    public async Task PublishAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var turnout = await services.GetRequiredService<ElectionService>().TurnoutAsync(cancellationToken);
        await hub.Clients.Groups(HubGroups.AttendanceAudience).TurnoutChanged(turnout);
    }
}

/// <summary>Round state changes go out at once (not coalesced): each is rare and screens wait for it.</summary>
public sealed class ElectionBroadcast(IHubContext<CongressHub, ICongressClient> hub, LiveUpdates live)
{
    /// <summary>Everyone: tablets refetch their ballot, screens their view.</summary>
    public static readonly IReadOnlyList<string> Everyone =
        [HubGroups.Projector, HubGroups.Presidium, HubGroups.Committee, HubGroups.Organisers, HubGroups.Delegates];

    public void TurnoutChanged() => live.MarkDirty(ElectionTurnoutTopic.TopicName);

    public async Task RoundOpenedAsync(RoundSignal signal)
    {
        await hub.Clients.Groups(Everyone).RoundOpened(signal);
        TurnoutChanged();
    }

    public async Task RoundClosedAsync(RoundSignal signal)
    {
        await hub.Clients.Groups(Everyone).RoundClosed(signal);
        TurnoutChanged();
    }

    /// <summary>Staff screens only: a confirmation changes nothing a delegate or the projector sees.</summary>
    public Task RoundConfirmedAsync(RoundSignal signal) =>
        hub.Clients.Groups(HubGroups.Committee, HubGroups.Presidium, HubGroups.Organisers).RoundClosed(signal);

    /// <summary>Screens and staff: the result, without the receipt codes nobody there shows.</summary>
    public static readonly IReadOnlyList<string> Screens =
        [HubGroups.Projector, HubGroups.Presidium, HubGroups.Committee, HubGroups.Organisers];

    /// <summary>
    /// Screens get the result; tablets only "round R announced" (~200 bytes instead of ~20 KB each) and
    /// fetch the published receipts over HTTP when they hold one (issue 7: fan-out to 2,000 connections).
    /// </summary>
    public Task ResultsAnnouncedAsync(ResultsAnnounced results)
    {
        var r = results.Result;
        return Task.WhenAll(
            hub.Clients.Groups(Screens).ResultsAnnounced(new AnnouncedResult(r)),
            hub.Clients.Group(HubGroups.Delegates).RoundAnnounced(new RoundSignal(r.RoundId, r.ElectionId, RoundStates.Announced, r.ElectionTitle, r.RoundLabel)));
    }
}
