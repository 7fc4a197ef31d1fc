using System.Security.Claims;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Attendance;
using ElectionSystem.Server.Features.Audit;
using ElectionSystem.Server.Features.Shared;
using ElectionSystem.Server.Features.Tablet;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.OpenVotes;

/// <summary>
/// A delegate's choice from the tablet, checked against the voter roll on every cast. A second
/// choice replaces the first until close. Anonymous votes write no cast to the audit log; named
/// votes audit each one.
/// </summary>
public sealed class OpenVoteCasting(ElectionDbContext db, VotingEligibility eligibility, AuditLog audit, OpenVoteGate gate, OpenVoteBroadcast broadcast)
{
    public async Task<ProblemOr<CastResponse>> CastAsync(ClaimsPrincipal user, Guid voteId, CastRequest request, CancellationToken ct)
    {
        if (user.FindDelegateId() is not { } delegateId)
        {
            return Problems.Unauthorized("Hãy đăng nhập bằng thẻ đại biểu và mã PIN.");
        }
        var choice = request.Choice.GetValueOrDefault(); // one of the three: CastRequestValidator
        var may = await eligibility.CheckAsync(delegateId, ct);
        if (!may.MayVote)
        {
            return Problems.Forbidden(may.Reason!, "Không biểu quyết được");
        }
        await using (await gate.EnterAsync(db, ct))
        {
            var vote = await db.Set<OpenVote>().AsNoTracking().Where(v => v.Id == voteId)
                .Select(v => new { v.State, v.Anonymous, v.Title }).FirstOrDefaultAsync(ct);
            if (vote is null)
            {
                return OpenVoteMapping.VoteNotFound();
            }
            if (vote.State != OpenVoteState.Open)
            {
                return Problems.Conflict(vote.State == OpenVoteState.Closed ? OpenVoteService.Ended : OpenVoteService.NotStarted);
            }
            // The key (vote, delegate) makes a second choice replace the first, never add to it.
            var row = await db.Set<OpenVoteChoice>().FirstOrDefaultAsync(c => c.VoteId == voteId && c.DelegateId == delegateId, ct);
            if (row is null)
            {
                db.Add(new OpenVoteChoice { VoteId = voteId, DelegateId = delegateId, Choice = choice });
            }
            else
            {
                row.Choice = choice;
            }
            if (!vote.Anonymous)
            {
                await audit.AppendAsync(user, "openvote.cast", $"openvote:{voteId}", new { choice = choice.ToString(), changed = row is not null });
            }
            await db.SaveChangesAsync(ct);
        }
        broadcast.Changed();
        return new CastResponse(voteId, choice, "Đã ghi nhận: " + VoteChoices.Label(choice));
    }
}
