using ElectionSystem.Domain.Congress;
using ElectionSystem.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.Attendance;

/// <summary>
/// Attendance as screens show it, built from the voter roll (<see cref="VotingEligibility"/>: who is
/// summoned, eligible and present, and Base). The majority / two-thirds tests come from Domain's
/// <see cref="CongressBase"/> (invariant 5).
/// </summary>
public sealed class AttendanceService(ElectionDbContext db, VotingEligibility eligibility, TimeProvider time)
{
    public const string NotMajorityWarning = "Số đại biểu có mặt không quá một nửa tổng số đại biểu: không biểu quyết được";
    public const string NotTwoThirdsWarning = "Số đại biểu có mặt chưa đạt hai phần ba tổng số đại biểu";

    /// <summary>Attendance of the current session.</summary>
    public Task<AttendanceSnapshot> SnapshotAsync(CancellationToken cancellationToken) => SnapshotAsync(null, cancellationToken);

    /// <summary>Attendance of the given session (null: the current one).</summary>
    public async Task<AttendanceSnapshot> SnapshotAsync(Guid? sessionId, CancellationToken cancellationToken)
    {
        var congress = await db.Congresses.AsNoTracking().OrderBy(c => c.StartDate).FirstOrDefaultAsync(cancellationToken);
        var roll = await eligibility.ReadAsync(sessionId, cancellationToken);
        var (session, delegates, basis, presentIds) = (roll.Session, roll.Registry, roll.Base, roll.Present);
        var delegations = await db.Delegations.AsNoTracking().OrderBy(d => d.SortOrder).ThenBy(d => d.Name)
            .Select(d => new { d.Id, d.Name }).ToListAsync(cancellationToken);
        var present = presentIds.Count;

        var warnings = new List<string>();
        if (session is null)
        {
            warnings.Add("Chưa chọn phiên họp hiện tại.");
        }
        if (!basis.PresentIsMajority(present))
        {
            warnings.Add(NotMajorityWarning);
        }
        if (!basis.PresentIsTwoThirds(present))
        {
            warnings.Add(NotTwoThirdsWarning + (congress?.TwoThirdsQuorumEnforced == true ? " (bắt buộc)" : " (chỉ cảnh báo)"));
        }

        var byId = delegates.ToDictionary(d => d.Id);
        var replacements = delegates
            .Where(d => d.Category == DelegateCategory.Alternate && d.ReplacesDelegateId is { } r && byId.ContainsKey(r))
            .Select(d =>
            {
                var replaced = byId[d.ReplacesDelegateId!.Value];
                return new Replacement(d.Id, d.Code, d.FullName, replaced.Id, replaced.Code, replaced.FullName, presentIds.Contains(d.Id));
            })
            .OrderBy(r => r.ReplacesCode, StringComparer.Ordinal)
            .ToList();

        var perDelegation = delegations.Select(g => new DelegationAttendance(
            g.Id, g.Name,
            delegates.Count(d => d.DelegationId == g.Id && presentIds.Contains(d.Id)),
            delegates.Count(d => d.DelegationId == g.Id && d.Eligible))).ToList();

        return new AttendanceSnapshot(
            time.GetUtcNow().UtcTicks,
            congress?.Name ?? "",
            session?.Id,
            session?.Title,
            present,
            basis.Summoned,
            basis.Value,
            basis.ExplainVi(),
            new BaseDerivation(basis.Summoned, basis.AbsentCommitteeMembers, basis.AbsentWithoutAlternate, basis.Value),
            replacements,
            warnings,
            perDelegation);
    }
}
