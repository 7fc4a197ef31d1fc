using System.Security.Claims;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Audit;
using ElectionSystem.Server.Features.Shared;
using ElectionSystem.Server.Hosting;

namespace ElectionSystem.Server.Features.Elections;

/// <summary>Công bố kết quả: the confirmed, stored count becomes public, with the round's receipt codes.</summary>
public sealed class RoundAnnouncement(ElectionDbContext db, AuditLog audit, HallClock clock, RoundTransitions transitions, RoundCounts counts)
{
    public async Task<ProblemOr<ResultsAnnounced>> AnnounceAsync(Guid roundId, AnnounceRequest r, ClaimsPrincipal user, CancellationToken ct)
    {
        var order = r.Order ?? "ballot";
        ResultsAnnounced announced;
        await using (await transitions.EnterAsync(db, ct))
        {
            var round = await db.TrackedRoundAsync(roundId, ct);
            if (round is null) return Problems.NotFound(RoundWords.RoundNotFound);
            if (round.State == RoundState.Announced) return Problems.Conflict("Kết quả lần bầu này đã được công bố.");
            if (round.State != RoundState.Confirmed) return Problems.Conflict("Cần hai thành viên Ban Kiểm phiếu xác nhận kết quả trước khi công bố.");
            round.State = RoundState.Announced;
            round.AnnouncedAt = clock.UtcNow;
            round.AnnouncedBy = user.Identity?.Name;
            round.ResultOrder = order;
            var counted = counts.Read(round);
            await audit.AppendAsync(user, "election.round.announced", $"round:{round.Id}", new
            {
                round.RecordSha256, elected = counted.Result.Elected, tie = counted.Result.Tie?.Candidates, counted.Result.Vacant,
            });
            await db.SaveChangesAsync(ct);
            var election = await db.ElectionOfAsync(round, ct);
            announced = new ResultsAnnounced(ResultView.From(round, election, counted), await db.ReceiptCodesAsync(roundId, ct),
                await ElectionOutcome.CombinedAsync(db, counts, election.Id, ct));
        }
        await transitions.AnnouncedAsync(announced);
        return announced;
    }
}
