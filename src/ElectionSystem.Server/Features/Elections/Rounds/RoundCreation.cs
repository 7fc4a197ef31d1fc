using System.Security.Claims;
using System.Security.Cryptography;
using ElectionSystem.Domain.Elections;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Audit;
using ElectionSystem.Server.Features.Shared;
using ElectionSystem.Server.Hosting;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.Elections;

/// <summary>Tạo lần bầu: a draft round with the list and seats the rule book gives (RoundPlanner), never what a page sends.</summary>
public sealed class RoundCreation(ElectionDbContext db, AuditLog audit, HallClock clock, RoundTransitions transitions, RoundPlanner planner)
{
    public async Task<ProblemOr<NextStepDto>> NextStepAsync(Guid electionId, CancellationToken ct)
    {
        var e = await db.Set<Election>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == electionId, ct);
        if (e is null) return Problems.NotFound(RoundWords.ElectionNotFound);
        return (await planner.PlanAsync(e, ct)).Dto;
    }

    public async Task<ProblemOr<RoundSummaryDto>> CreateAsync(Guid electionId, CreateRoundRequest r, ClaimsPrincipal user, CancellationToken ct)
    {
        var e = await db.Set<Election>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == electionId, ct);
        if (e is null) return Problems.NotFound(RoundWords.ElectionNotFound);
        await using var _ = await transitions.EnterAsync(db, ct);
        var plan = await planner.PlanAsync(e, ct);
        if (plan.Purpose is null) return Problems.Conflict(plan.Dto.MessageVi);
        string? decidedBy = null;
        if (plan.Dto.NeedsDecision)
        {
            if (r.DecidingVoteId is null)
                return Problems.Conflict("Lần bầu tiếp theo chỉ được tổ chức khi đại hội biểu quyết đồng ý: hãy chọn biểu quyết đó (decidingVoteId).");
            var decision = await planner.DecisionAsync(r.DecidingVoteId.Value, "tổ chức bầu tiếp", ct);
            if (decision.Problem is { } problem) return problem;
            decidedBy = decision.Value;
        }
        if (plan.CandidateIds.Count == 0) return Problems.Conflict("Danh sách bầu cử chưa có ai.");
        if (e.Kind == ElectionKinds.ExecutiveCommittee && plan.Purpose == RoundPurposes.Main
            && CandidateListRules.Check(plan.Seats, plan.CandidateIds.Count, ElectionQueries.RulesFor(e).SurplusRounding) is { Allowed: false } verdict)
        {
            return Problems.Conflict(verdict.ProblemVi!);
        }
        var byBallotId = (await db.Set<ElectionCandidate>().Where(c => c.ElectionId == e.Id).ToListAsync(ct)).ToDictionary(c => c.BallotId);
        var number = (await db.Set<ElectionRoundRow>().Where(x => x.ElectionId == e.Id).MaxAsync(x => (int?)x.Number, ct) ?? 0) + 1;
        var round = new ElectionRoundRow
        {
            Id = Guid.NewGuid(), ElectionId = e.Id, Number = number, Purpose = plan.Purpose, Kind = plan.Kind!, Seats = plan.Seats,
            State = RoundState.Draft, DecidedBy = decidedBy, CreatedAt = clock.UtcNow,
            RoundSecret = RandomNumberGenerator.GetBytes(32),
        };
        db.Add(round);
        foreach (var id in plan.CandidateIds) db.Add(new RoundCandidate { RoundId = round.Id, CandidateId = byBallotId[id].Id });
        await audit.AppendAsync(user, "election.round.created", $"round:{round.Id}",
            new { election = e.Id, round.Number, round.Purpose, round.Kind, round.Seats, candidates = plan.CandidateIds, round.DecidedBy });
        await db.SaveChangesAsync(ct);
        return ElectionViews.Summary(round);
    }

    /// <summary>Xóa lần bầu nháp: the latest round of an election, while still a draft (to change the list or start again).</summary>
    public async Task<ProblemOr<ElectionDto>> DeleteDraftAsync(Guid roundId, ClaimsPrincipal user, CancellationToken ct)
    {
        await using var _ = await transitions.EnterAsync(db, ct);
        var round = await db.TrackedRoundAsync(roundId, ct);
        if (round is null) return Problems.NotFound(RoundWords.RoundNotFound);
        if (round.State != RoundState.Draft) return Problems.Conflict($"{RoundWords.Label(round)} đã mở: không xóa được.");
        var latest = await db.Set<ElectionRoundRow>().Where(r => r.ElectionId == round.ElectionId).MaxAsync(r => r.Number, ct);
        if (round.Number != latest) return Problems.Conflict("Chỉ xóa được lần bầu nháp sau cùng.");
        db.RemoveRange(await db.Set<RoundCandidate>().Where(c => c.RoundId == roundId).ToListAsync(ct));
        db.Remove(round);
        await audit.AppendAsync(user, "election.round.deleted", $"round:{round.Id}", new { election = round.ElectionId, round.Number, round.Purpose });
        await db.SaveChangesAsync(ct);
        var e = await db.Set<Election>().AsNoTracking().FirstAsync(x => x.Id == round.ElectionId, ct);
        var candidates = await db.Set<ElectionCandidate>().AsNoTracking().Where(c => c.ElectionId == e.Id).OrderBy(c => c.Number).ToListAsync(ct);
        var rounds = await db.Set<ElectionRoundRow>().AsNoTracking().Where(r => r.ElectionId == e.Id).OrderBy(r => r.Number).ToListAsync(ct);
        return ElectionViews.Election(e, candidates, rounds);
    }
}
