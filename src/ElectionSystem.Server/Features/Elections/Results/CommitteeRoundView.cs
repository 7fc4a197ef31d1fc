using ElectionSystem.Domain.Elections;
using System.Security.Claims;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Attendance;
using ElectionSystem.Server.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.Elections;

/// <summary>
/// Ban Kiểm phiếu's view of one round: issued / collected, who has voted (names only, alphabetical —
/// never the order in which they voted), who has not voted yet while it is open (names only, alphabetical), the stored result after the close, the confirmations, and
/// what comes next once announced. The result is left out for any role but the committee until the
/// round is announced (<see cref="TallyAccess"/>).
/// </summary>
public sealed class CommitteeRoundView(ElectionDbContext db, RoundTurnout turnout, RoundResults results, RoundPlanner planner, VotingEligibility eligibility)
{
    public async Task<ProblemOr<CommitteeRoundDto>> ForRoundAsync(Guid roundId, ClaimsPrincipal user, CancellationToken ct)
    {
        var round = await db.RoundAsync(roundId, ct);
        if (round is null) return Problems.NotFound(RoundWords.RoundNotFound);
        var election = await db.ElectionOfAsync(round, ct);
        var voterNames = await (from p in db.Set<Participation>().AsNoTracking()
                                join d in db.Delegates.AsNoTracking() on p.DelegateId equals d.Id
                                where p.RoundId == roundId
                                select d.FullName).ToListAsync(ct);
        var voters = new Domain.Names.BallotOrder().SortItems(voterNames, n => n, _ => (DateOnly?)null).ToList();
        var notVoted = round.State == RoundState.Open ? await NotVotedAsync(roundId, ct) : [];
        var issued = round.State == RoundState.Open
            ? await turnout.IssuedOpenAsync(round, ct)
            : IssuedBallots.Total(round.Issued, round.IssuedPaper, round.Present);
        var confirmations = new List<Confirmation>();
        if (round.FirstConfirmedBy is not null) confirmations.Add(new Confirmation(round.FirstConfirmedBy, round.FirstConfirmedAt!.Value));
        if (round.SecondConfirmedBy is not null) confirmations.Add(new Confirmation(round.SecondConfirmedBy, round.SecondConfirmedAt!.Value));
        NextStepDto? next = null;
        if (round.State == RoundState.Announced)
        {
            var latest = await db.Set<ElectionRoundRow>().AsNoTracking().Where(r => r.ElectionId == election.Id).MaxAsync(r => r.Number, ct);
            if (latest == round.Number) next = (await planner.PlanAsync(election, ct)).Dto;
        }
        return new CommitteeRoundDto(round.Id, election.Id, election.Title, round.Number, RoundWords.Label(round), round.State.Word(), round.Seats,
            issued, voters.Count, voters, notVoted, TallyAccess.MaySee(round.State, user) ? await results.ResultAsync(round, ct) : null, confirmations, round.RecordSha256, next);
    }

    /// <summary>
    /// Those who hold a ballot of the open round (eligible and present) and have not sent it: names
    /// only, alphabetical, so the committee can remind them; nothing about any ballot's content.
    /// </summary>
    private async Task<List<string>> NotVotedAsync(Guid roundId, CancellationToken ct)
    {
        var voters = (await db.VotersAsync(roundId, ct)).ToHashSet();
        var waiting = (await eligibility.RollAsync(ct)).Present.Where(id => !voters.Contains(id)).ToList();
        var names = await db.Delegates.AsNoTracking().Where(d => waiting.Contains(d.Id)).Select(d => d.FullName).ToListAsync(ct);
        return new Domain.Names.BallotOrder().SortItems(names, n => n, _ => (DateOnly?)null).ToList();
    }

    /// <summary>Every round past its draft, for the committee to choose from (oldest election first).</summary>
    public async Task<List<CommitteeRoundItem>> RoundsAsync(CancellationToken ct)
    {
        var rows = await (from r in db.Set<ElectionRoundRow>().AsNoTracking()
                          join e in db.Set<Election>().AsNoTracking() on r.ElectionId equals e.Id
                          where r.State != RoundState.Draft
                          select new { r, e.Title, e.CreatedAt }).ToListAsync(ct);
        return rows.OrderBy(x => x.CreatedAt).ThenBy(x => x.r.Number)
            .Select(x => new CommitteeRoundItem(x.r.Id, x.r.ElectionId, x.Title, RoundWords.Label(x.r), x.r.State.Word())).ToList();
    }
}

public sealed record CommitteeRoundItem(Guid RoundId, Guid ElectionId, string ElectionTitle, string Label, string State);
