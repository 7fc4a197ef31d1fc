using ElectionSystem.Domain.Congress;
using ElectionSystem.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.Attendance;

/// <summary>
/// Derives attendance and Base from the registry and the current session's check-ins. Base itself
/// and the majority / two-thirds tests come from Domain's <see cref="CongressBase"/> (invariant 5).
/// </summary>
public sealed class AttendanceService(ElectionDbContext db, TimeProvider time)
{
    public const string NotMajorityWarning = "Số đại biểu có mặt không quá một nửa tổng số đại biểu: không biểu quyết được";
    public const string NotTwoThirdsWarning = "Số đại biểu có mặt chưa đạt hai phần ba tổng số đại biểu";

    /// <summary>Attendance of the current session.</summary>
    public Task<AttendanceSnapshot> SnapshotAsync(CancellationToken cancellationToken) => SnapshotAsync(null, cancellationToken);

    /// <summary>Attendance of the given session (null: the current one).</summary>
    public async Task<AttendanceSnapshot> SnapshotAsync(Guid? sessionId, CancellationToken cancellationToken)
    {
        var congress = await db.Congresses.AsNoTracking().OrderBy(c => c.StartDate).FirstOrDefaultAsync(cancellationToken);
        var session = sessionId is { } id
            ? await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken)
            : await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.IsCurrent, cancellationToken);
        var delegates = await db.Delegates.AsNoTracking()
            .Select(d => new RegistryEntry(d.Id, d.Code, d.FullName, d.DelegationId, d.Category, d.IsConveningCommitteeMember, d.AbsentWholeCongress, d.ReplacesDelegateId))
            .ToListAsync(cancellationToken);
        var delegations = await db.Delegations.AsNoTracking().OrderBy(d => d.SortOrder).ThenBy(d => d.Name)
            .Select(d => new { d.Id, d.Name }).ToListAsync(cancellationToken);
        var checkedIn = session is null
            ? []
            : (await db.CheckIns.AsNoTracking()
                .Where(c => c.SessionId == session.Id && c.UndoneAt == null)
                .Select(c => c.DelegateId).ToListAsync(cancellationToken)).ToHashSet();

        var derived = Derive(delegates);
        var presentIds = delegates.Where(d => derived.Eligible(d) && checkedIn.Contains(d.Id)).Select(d => d.Id).ToHashSet();
        var present = presentIds.Count;
        var basis = derived.Base;

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
            delegates.Count(d => d.DelegationId == g.Id && derived.Eligible(d)))).ToList();

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

    internal sealed record RegistryEntry(Guid Id, string Code, string FullName, Guid DelegationId, DelegateCategory Category,
        bool IsConveningCommitteeMember, bool AbsentWholeCongress, Guid? ReplacesDelegateId)
    {
        public bool IsSummoned => CongressDelegate.Summoned(Category, ReplacesDelegateId);
    }

    internal sealed record Derivation(CongressBase Base)
    {
        /// <summary>Can be present at a session: summoned and not recorded absent for the whole congress.</summary>
        public bool Eligible(RegistryEntry d) => d.IsSummoned && !d.AbsentWholeCongress;
    }

    /// <summary>
    /// DOMAIN.md §2 from the registry: summoned = official + ex-officio + alternates replacing someone;
    /// absent committee members = convening-committee members absent for the whole congress; absent
    /// without alternate = other official / ex-officio delegates absent for the whole congress whom
    /// no alternate replaces.
    /// </summary>
    internal static Derivation Derive(IReadOnlyCollection<RegistryEntry> delegates)
    {
        var replaced = delegates.Where(d => d.Category == DelegateCategory.Alternate && d.ReplacesDelegateId is not null)
            .Select(d => d.ReplacesDelegateId!.Value).ToHashSet();
        var summoned = delegates.Count(d => d.IsSummoned);
        var officials = delegates.Where(d => d.Category != DelegateCategory.Alternate && d.AbsentWholeCongress).ToList();
        var absentCommittee = officials.Count(d => d.IsConveningCommitteeMember);
        var absentWithoutAlternate = officials.Count(d => !d.IsConveningCommitteeMember && !replaced.Contains(d.Id));
        return new Derivation(CongressBase.Create(summoned, absentCommittee, absentWithoutAlternate));
    }
}
