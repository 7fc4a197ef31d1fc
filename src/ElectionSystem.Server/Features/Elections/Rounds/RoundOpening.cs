using System.Security.Claims;
using ElectionSystem.Domain.Elections;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Audit;
using ElectionSystem.Server.Features.Shared;
using ElectionSystem.Server.Hosting;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.Elections;

/// <summary>Mở lần bầu: one round open at a time; a first executive-committee ballot only with a surplus the rules allow.</summary>
public sealed class RoundOpening(ElectionDbContext db, AuditLog audit, HallClock clock, RoundTransitions transitions, EncryptedRounds encrypted)
{
    public async Task<ProblemOr<RoundSummaryDto>> OpenAsync(Guid roundId, ClaimsPrincipal user, CancellationToken ct)
    {
        ElectionRoundRow round;
        Election election;
        await using (await transitions.EnterAsync(db, ct))
        {
            var tracked = await db.TrackedRoundAsync(roundId, ct);
            if (tracked is null) return Problems.NotFound(RoundWords.RoundNotFound);
            round = tracked;
            if (round.State != RoundState.Draft) return Problems.Conflict($"{RoundWords.Label(round)} đã được mở trước đây.");
            if (await db.Set<ElectionRoundRow>().AnyAsync(r => r.State == RoundState.Open, ct))
                return Problems.Conflict("Đang có một lần bầu mở: đóng lần bầu đó trước khi mở lần bầu khác.");
            election = await db.ElectionOfAsync(round, ct);
            if (election.Kind == ElectionKinds.ExecutiveCommittee && round.Number == 1)
            {
                var count = await db.Set<RoundCandidate>().CountAsync(c => c.RoundId == round.Id, ct);
                var verdict = CandidateListRules.Check(round.Seats, count, ElectionRules.Default.SurplusRounding);
                if (!verdict.Allowed) return Problems.Conflict(verdict.ProblemVi!);
            }
            round.State = RoundState.Open;
            round.OpenedAt = clock.UtcNow;
            // The transition rule of issue 14: a round opened while the committee's key is ready is encrypted.
            var sealedBallots = await encrypted.MarkAtOpeningAsync(round, ct);
            await audit.AppendAsync(user, "election.round.opened", $"round:{round.Id}", new { election = election.Id, election.Title, round.Number, encrypted = sealedBallots });
            await db.SaveChangesAsync(ct);
        }
        await transitions.OpenedAsync(new RoundSignal(round.Id, election.Id, round.State.Word(), election.Title, RoundWords.Label(round)));
        return ElectionViews.Summary(round);
    }
}
