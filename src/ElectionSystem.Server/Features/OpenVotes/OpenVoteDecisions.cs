using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.OpenVotes;

/// <summary>
/// A decision of the congress by open vote, for other capabilities (an election's list or its next
/// round): as recorded, never as a caller reports it — the vote must be closed and its stored result passed.
/// </summary>
public sealed class OpenVoteDecisions(ElectionDbContext db)
{
    /// <summary>How the decision is cited ("Biểu quyết 3: … (250/295 tán thành)"), or why it cannot be used to <paramref name="what"/>.</summary>
    public async Task<ProblemOr<string>> PassedAsync(Guid openVoteId, string what, CancellationToken ct)
    {
        var vote = await db.Set<OpenVote>().AsNoTracking().FirstOrDefaultAsync(v => v.Id == openVoteId, ct);
        if (vote is null) return Problems.NotFound("Không tìm thấy biểu quyết này.");
        if (vote.State != OpenVoteState.Closed || vote.Passed is null)
            return Problems.Conflict($"Biểu quyết “{vote.Title}” chưa kết thúc: chưa thể {what}.");
        if (vote.Passed != true)
            return Problems.Conflict($"Biểu quyết “{vote.Title}” không thông qua ({vote.For}/{vote.Base} tán thành): không {what}.");
        return $"Biểu quyết {vote.Ordinal}: {vote.Title} ({vote.For}/{vote.Base} tán thành)";
    }
}
