using ElectionSystem.Domain.Elections;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Live;
using ElectionSystem.Server.Features.Attendance;
using ElectionSystem.Server.Hosting;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.Elections;

/// <summary>Issued / collected of the open rounds ("Đã bỏ phiếu 287/295"): the only figures visible while a round is open.</summary>
public sealed class RoundTurnout(ElectionDbContext db, VotingEligibility eligibility, HallClock clock, RoundResults results, RoundCounts counts)
{
    /// <summary>Phát ra of an open round, tablet and paper once per delegate (IssuedBallots).</summary>
    public async Task<int> IssuedOpenAsync(ElectionRoundRow round, CancellationToken ct) =>
        Issued(round, await eligibility.RollAsync(ct), await db.VotersAsync(round.Id, ct));

    private static int Issued(ElectionRoundRow round, VoterRoll roll, IReadOnlyCollection<Guid> voters) =>
        IssuedBallots.Total(IssuedBallots.OnTablets(roll.Present, voters), round.IssuedPaper, roll.Present.Count);

    public async Task<ElectionTurnout> TurnoutAsync(CancellationToken ct)
    {
        var open = await db.Set<ElectionRoundRow>().AsNoTracking().Where(r => r.State == RoundState.Open).ToListAsync(ct);
        var rows = new List<TurnoutRow>();
        // Published after every batch of ballots and every check-in: the roll is read once, each round's voters once.
        var roll = open.Count == 0 ? null : await eligibility.RollAsync(ct);
        foreach (var r in open)
        {
            var title = (await db.ElectionOfAsync(r, ct)).Title;
            var voters = await db.VotersAsync(r.Id, ct);
            var issued = Issued(r, roll!, voters);
            rows.Add(new TurnoutRow(r.Id, title, RoundWords.Label(r), issued, voters.Count, $"Đã bỏ phiếu {voters.Count}/{issued}"));
        }
        return new ElectionTurnout(clock.UtcNow.Ticks, rows);
    }

    public async Task<ElectionProjectorState> ProjectorStateAsync(CancellationToken ct)
    {
        var turnout = await TurnoutAsync(ct);
        var (result, receipts) = await results.LatestAnnouncedAsync(ct);
        var combined = result is null ? null : await ElectionOutcome.CombinedAsync(db, counts, result.ElectionId, ct);
        return new ElectionProjectorState(turnout, result, receipts, combined);
    }
}

/// <summary>Turnout of open rounds, coalesced, to every screen but the tablets.</summary>
public sealed class ElectionTurnoutTopic(ILiveChannel channel) : ILiveTopic
{
    public const string TopicName = "election-turnout";

    public string Name => TopicName;

    /// <summary>Who is present decides who may still vote: a check-in changes the figures.</summary>
    public IReadOnlyCollection<string> Follows => [Attendance.AttendanceTopic.TopicName];

    public async Task PublishAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var turnout = await services.GetRequiredService<RoundTurnout>().TurnoutAsync(cancellationToken);
        await channel.SendAsync(HubGroups.AttendanceAudience, nameof(IElectionClient.TurnoutChanged), turnout);
    }
}
