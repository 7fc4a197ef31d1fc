using System.Security.Claims;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Attendance;
using ElectionSystem.Server.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.OpenVotes;

/// <summary>
/// Ends an open vote with its decision: closing the vote on the tablets, or typing in a show of
/// hands counted in the hall (its total at most those present: each present delegate raises a hand once). Present and Base come from the voter roll at that moment. Anonymous
/// votes: choices are kept while the vote is open so a delegate can change theirs, then at close —
/// in the same transaction that stores the counts — every choice is cleared, leaving only "this
/// delegate took part". Named votes keep who chose what, as a show of hands does.
/// </summary>
public sealed class OpenVoteClosing(
    ElectionDbContext db, VotingEligibility eligibility, OpenVoteGate gate, DecisionRecorder decisions, OpenVoteBroadcast broadcast)
{
    public async Task<ProblemOr<OpenVoteSummary>> CloseAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        OpenVote? vote;
        await using (await gate.EnterAsync(db, ct))
        {
            if ((vote = await db.Set<OpenVote>().FirstOrDefaultAsync(v => v.Id == id, ct)) is null) return OpenVoteMapping.VoteNotFound();
            if (vote.State != OpenVoteState.Open)
            {
                return Problems.Conflict(vote.State == OpenVoteState.Closed ? OpenVoteService.Ended : "Biểu quyết này chưa mở.");
            }
            var roll = await eligibility.RollAsync(ct);
            var choices = await db.Set<OpenVoteChoice>().Where(c => c.VoteId == id).ToListAsync(ct);
            var voters = choices.Select(c => c.DelegateId).ToHashSet();
            var notVoted = roll.Present.Count(p => !voters.Contains(p));
            await decisions.RecordAsync(user, "openvote.closed", vote, OpenVoteMethod.Tablets,
                choices.Count(c => c.Choice == VoteChoice.For),
                choices.Count(c => c.Choice == VoteChoice.Against),
                choices.Count(c => c.Choice == VoteChoice.Abstain),
                notVoted, roll);
            if (vote.Anonymous)
            {
                // Keep participation, drop the link to the choice (see the class comment).
                foreach (var c in choices)
                {
                    c.Choice = null;
                }
            }
            await db.SaveChangesAsync(ct);
        }
        await broadcast.ClosedAsync();
        return OpenVoteMapping.Summary(vote);
    }

    public async Task<ProblemOr<OpenVoteSummary>> ShowOfHandsAsync(ClaimsPrincipal user, Guid id, ShowOfHandsRequest request, CancellationToken ct)
    {
        // Three counts, none negative: ShowOfHandsRequestValidator.
        var (f, a, ab) = (request.For.GetValueOrDefault(), request.Against.GetValueOrDefault(), request.Abstain.GetValueOrDefault());
        OpenVote? vote;
        await using (await gate.EnterAsync(db, ct))
        {
            if ((vote = await db.Set<OpenVote>().FirstOrDefaultAsync(v => v.Id == id, ct)) is null) return OpenVoteMapping.VoteNotFound();
            if (vote.State != OpenVoteState.Draft)
            {
                return Problems.Conflict(vote.State == OpenVoteState.Open
                    ? "Biểu quyết đang mở trên máy tính bảng; hãy kết thúc nó thay vì nhập kết quả giơ tay."
                    : OpenVoteService.Ended);
            }
            var roll = await eligibility.RollAsync(ct);
            if (f + a + ab > roll.Present.Count)
            {
                return Problems.BadRequest($"Tổng {f + a + ab} vượt quá số đại biểu có mặt ({roll.Present.Count}): mỗi đại biểu có mặt biểu quyết một lần.");
            }
            await decisions.RecordAsync(user, "openvote.show-of-hands", vote, OpenVoteMethod.ShowOfHands,
                f, a, ab, Math.Max(0, roll.Present.Count - (f + a + ab)), roll);
            await db.SaveChangesAsync(ct);
        }
        broadcast.Changed();
        return OpenVoteMapping.Summary(vote);
    }
}
