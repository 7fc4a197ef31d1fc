using System.Security.Claims;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Audit;
using ElectionSystem.Server.Features.OpenVotes;
using ElectionSystem.Server.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.Elections;

/// <summary>
/// Thành viên Ban Kiểm phiếu as the minutes print them (chair first): delegates elected by the
/// congress's open vote, recorded by the presidium with that vote (ADR 0010). A member signs in with
/// their own badge or code, PIN and committee passphrase (set with the one-time activation code
/// each member gets when the list is recorded); confirmations and approvals come only from this list.
/// </summary>
public sealed class CountingCommitteeMembers(ElectionDbContext db, AuditLog audit, OpenVoteDecisions decisions, CommitteeActivation activation)
{
    public async Task<IReadOnlyList<CommitteeMemberDto>> ListAsync(CancellationToken ct)
    {
        var members = await db.Set<CountingCommitteeMember>().AsNoTracking().OrderBy(m => m.Order).ToListAsync(ct);
        var ids = members.Where(m => m.DelegateId is not null).Select(m => m.DelegateId!.Value).ToList();
        var codes = await db.Delegates.AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Code, ct);
        return members.Select(m => new CommitteeMemberDto(m.FullName, m.IsChair, m.DelegateId,
            m.DelegateId is { } id && codes.TryGetValue(id, out var code) ? code : null)).ToList();
    }

    /// <summary>Whether this delegate is on the committee's list now.</summary>
    public static Task<bool> IsMemberAsync(ElectionDbContext db, Guid delegateId, CancellationToken ct) =>
        db.Set<CountingCommitteeMember>().AnyAsync(m => m.DelegateId == delegateId, ct);

    /// <summary>
    /// The member deciding through this session, named as the minutes and the audit name them ("Họ tên (mã)"):
    /// a member's own session (<see cref="Auth.CommitteeMemberClaims"/>) whose delegate is on the list now; else null
    /// (a staff account, whatever its role, is not a member).
    /// </summary>
    public static async Task<string?> DecidingMemberAsync(ElectionDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        if (Auth.CommitteeMemberClaims.MemberId(user) is not { } id || !await IsMemberAsync(db, id, ct)) return null;
        var d = await db.Delegates.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.Code, x.FullName }).FirstAsync(ct);
        return $"{d.FullName} ({d.Code})";
    }

    /// <summary>
    /// Records the list the congress elected; every member gets a new one-time activation code (in
    /// the answer, shown once) and every session of the former list ends.
    /// </summary>
    public async Task<ProblemOr<IReadOnlyList<ActivationSlipDto>>> SetAsync(SetCommitteeRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var decided = await decisions.PassedAsync(request.OpenVoteId, "lập Ban Kiểm phiếu", ct);
        if (decided.Problem is { } refused) return refused;
        var ids = request.Members.Select(m => m.DelegateId).ToList();
        var delegates = await db.Delegates.Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        if (ids.FirstOrDefault(id => !delegates.ContainsKey(id)) is var missing && missing != Guid.Empty)
        {
            return Problems.NotFound($"Không tìm thấy đại biểu {missing} (members.delegateId): thành viên Ban Kiểm phiếu phải là đại biểu.");
        }
        db.RemoveRange(await db.Set<CountingCommitteeMember>().ToListAsync(ct));
        await audit.AppendAsync(user, "election.committee.set", "counting-committee",
            new { members = request.Members.OrderByDescending(m => m.IsChair).Select(m => delegates[m.DelegateId].Code), decidedBy = decided.Value });
        var ordered = request.Members.OrderByDescending(m => m.IsChair).ToList();
        var slips = new List<ActivationSlipDto>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var d = delegates[ordered[i].DelegateId];
            var member = new CountingCommitteeMember
            {
                Id = Guid.NewGuid(), Order = i, FullName = d.FullName, IsChair = ordered[i].IsChair,
                DelegateId = d.Id, ElectedByOpenVoteId = request.OpenVoteId,
            };
            db.Add(member);
            slips.Add(await activation.IssueAsync(member, d.Code, user, reissued: false));
        }
        await db.SaveChangesAsync(ct);
        activation.ListReplaced();
        return slips;
    }
}
