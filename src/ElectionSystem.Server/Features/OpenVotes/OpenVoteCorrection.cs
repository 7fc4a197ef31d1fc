using System.Security.Claims;
using ElectionSystem.Domain.OpenVotes;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Audit;
using ElectionSystem.Server.Features.Shared;
using ElectionSystem.Server.Hosting;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.OpenVotes;

/// <summary>
/// A show of hands is a figure typed in by a person (issue 11): until the decision is printed it can be
/// corrected — same bounds as when it was typed (at most those present then), the decision recomputed by
/// the rule book against the Base it was measured on, the before and after audited. "Printed" is an
/// explicit act on the decisions page ("Đã in quyết định"), audited; after it the figures are final.
/// </summary>
public sealed class OpenVoteCorrection(ElectionDbContext db, OpenVoteGate gate, AuditLog audit, HallClock clock, OpenVoteBroadcast broadcast)
{
    public const string Printed = "Quyết định của biểu quyết này đã được in: không sửa kết quả được nữa.";

    public async Task<ProblemOr<OpenVoteSummary>> CorrectAsync(ClaimsPrincipal user, Guid id, ShowOfHandsRequest request, CancellationToken ct)
    {
        // Three counts, none negative: ShowOfHandsRequestValidator.
        var (f, a, ab) = (request.For.GetValueOrDefault(), request.Against.GetValueOrDefault(), request.Abstain.GetValueOrDefault());
        OpenVote? vote;
        await using (await gate.EnterAsync(db, ct))
        {
            if ((vote = await db.Set<OpenVote>().FirstOrDefaultAsync(v => v.Id == id, ct)) is null) return OpenVoteMapping.VoteNotFound();
            if (vote.State != OpenVoteState.Closed || vote.Method != OpenVoteMethod.ShowOfHands)
                return Problems.Conflict("Chỉ sửa được kết quả giơ tay đã nhập; biểu quyết trên máy tính bảng được đếm tự động.");
            if (vote.DecisionPrintedAt is not null) return Problems.Conflict(Printed);
            var present = vote.Present ?? 0;
            if (f + a + ab > present)
                return Problems.BadRequest($"Tổng {f + a + ab} vượt quá số đại biểu có mặt ({present}): mỗi đại biểu có mặt biểu quyết một lần.");
            var before = new { vote.For, vote.Against, vote.AbstainChosen, vote.NotVoted, vote.Passed };
            vote.For = f;
            vote.Against = a;
            vote.AbstainChosen = ab;
            vote.NotVoted = Math.Max(0, present - (f + a + ab));
            vote.AbstainTotal = ab + vote.NotVoted;
            vote.Passed = OpenVoteRule.Passed(f, vote.Base ?? 0);
            await audit.AppendAsync(user, "openvote.show-of-hands.corrected", $"openvote:{vote.Id}", new
            {
                before,
                after = new { vote.For, vote.Against, vote.AbstainChosen, vote.NotVoted, vote.Passed },
                vote.Present, vote.Base,
                decision = DecisionText.Summary(f, vote.Base ?? 0, vote.Passed ?? false),
            });
            await db.SaveChangesAsync(ct);
        }
        broadcast.Changed();
        return OpenVoteMapping.Summary(vote);
    }

    /// <summary>"Đã in quyết định": the decision is on paper; its figures are final from now on.</summary>
    public async Task<ProblemOr<OpenVoteSummary>> MarkPrintedAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        OpenVote? vote;
        await using (await gate.EnterAsync(db, ct))
        {
            if ((vote = await db.Set<OpenVote>().FirstOrDefaultAsync(v => v.Id == id, ct)) is null) return OpenVoteMapping.VoteNotFound();
            if (vote.State != OpenVoteState.Closed) return Problems.Conflict("Biểu quyết chưa kết thúc: chưa có quyết định để in.");
            if (vote.DecisionPrintedAt is not null) return Problems.Conflict("Quyết định này đã được ghi là đã in.");
            vote.DecisionPrintedAt = clock.UtcNow;
            await audit.AppendAsync(user, "openvote.decision-printed", $"openvote:{vote.Id}", new { vote.Title, vote.For, vote.Against, vote.AbstainTotal, vote.Passed });
            await db.SaveChangesAsync(ct);
        }
        return OpenVoteMapping.Summary(vote);
    }
}
