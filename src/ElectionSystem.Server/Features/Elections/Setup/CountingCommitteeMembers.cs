using System.Security.Claims;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Audit;
using ElectionSystem.Server.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.Elections;

/// <summary>Thành viên Ban Kiểm phiếu as the minutes print them (chair first).</summary>
public sealed class CountingCommitteeMembers(ElectionDbContext db, AuditLog audit)
{
    public async Task<IReadOnlyList<CommitteeMemberDto>> ListAsync(CancellationToken ct) =>
        await db.Set<CountingCommitteeMember>().AsNoTracking().OrderBy(m => m.Order)
            .Select(m => new CommitteeMemberDto(m.FullName, m.IsChair)).ToListAsync(ct);

    public async Task<ProblemOr<IReadOnlyList<CommitteeMemberDto>>> SetAsync(IReadOnlyList<CommitteeMemberDto> members, ClaimsPrincipal user, CancellationToken ct)
    {
        db.RemoveRange(await db.Set<CountingCommitteeMember>().ToListAsync(ct));
        var ordered = members.OrderByDescending(m => m.IsChair).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            db.Add(new CountingCommitteeMember { Id = Guid.NewGuid(), Order = i, FullName = Domain.Names.VietnameseText.Normalize(ordered[i].FullName), IsChair = ordered[i].IsChair });
        }
        await audit.AppendAsync(user, "election.committee.set", "counting-committee", new { members = ordered.Select(m => m.FullName) });
        await db.SaveChangesAsync(ct);
        return new ProblemOr<IReadOnlyList<CommitteeMemberDto>>(await ListAsync(ct), null);
    }
}
