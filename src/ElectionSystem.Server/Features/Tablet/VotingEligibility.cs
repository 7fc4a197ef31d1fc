using ElectionSystem.Domain.Congress;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Attendance;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.Tablet;

/// <summary>Whether a delegate may vote now, and if not, the reason the tablet shows.</summary>
public sealed record Eligibility(bool MayVote, string? Reason)
{
    public static readonly Eligibility Yes = new(true, null);
}

/// <summary>
/// The delegates who may vote right now (present and eligible), the session, and Base: what a
/// tally needs for "chưa biểu quyết" and the pass rule.
/// </summary>
public sealed record VoterRoll(Guid? SessionId, IReadOnlySet<Guid> Present, CongressBase Base);

/// <summary>
/// "Who may vote now" (DOMAIN.md §1–2), shared by open votes and secret ballots: official and
/// ex-officio delegates not recorded absent for the whole congress, and alternates summoned to
/// replace one, who are checked in for the current session. Checked on every cast, not only at
/// sign-in, because check-in (and its undo) can change at any moment. The presence definition is
/// the same as attendance's, and Base comes from the same derivation (Domain's CongressBase).
/// </summary>
public sealed class VotingEligibility(ElectionDbContext db)
{
    public const string NotOnList = "Không có tên trong danh sách đại biểu";
    public const string AlternateNotSummoned = "Đại biểu dự khuyết chưa được triệu tập thay thế, nên không biểu quyết";
    public const string AbsentWholeCongress = "Đồng chí được ghi nhận vắng mặt cả đại hội. Xin liên hệ Ban Tổ chức";
    public const string NoCurrentSession = "Chưa có phiên họp hiện tại";
    public const string NotCheckedIn = "Đồng chí chưa điểm danh phiên họp này. Xin điểm danh tại bàn điểm danh";

    public async Task<Eligibility> CheckAsync(Guid delegateId, CancellationToken cancellationToken) =>
        (await CheckManyAsync([delegateId], cancellationToken))[delegateId];

    /// <summary>
    /// <see cref="CheckAsync"/> for several delegates in one query: the ballot writer checks a whole
    /// group-committed batch at once, at the moment it writes it (issue 7: this was one query per
    /// cast of a 1,600-tablet burst). Read fresh every time: a check-in, its undo or an absence can
    /// change at any moment. Every delegate asked for has an answer.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, Eligibility>> CheckManyAsync(IReadOnlyCollection<Guid> delegateIds, CancellationToken cancellationToken)
    {
        var ids = delegateIds.Distinct().ToList();
        var session = await db.Sessions.AsNoTracking().Where(s => s.IsCurrent).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(cancellationToken);
        var rows = await db.Delegates.AsNoTracking()
            .Where(x => ids.Contains(x.Id))
            .Select(x => new
            {
                x.Id, x.Category, x.ReplacesDelegateId, x.AbsentWholeCongress,
                CheckedIn = session != null && db.CheckIns.Any(c => c.DelegateId == x.Id && c.UndoneAt == null && c.SessionId == session),
            })
            .ToDictionaryAsync(x => x.Id, cancellationToken);
        var answers = new Dictionary<Guid, Eligibility>(ids.Count);
        foreach (var id in ids)
        {
            answers[id] = rows.TryGetValue(id, out var d)
                ? Judge(d.Category, d.ReplacesDelegateId, d.AbsentWholeCongress, session is not null, d.CheckedIn)
                : new Eligibility(false, NotOnList);
        }
        return answers;
    }

    private static Eligibility Judge(DelegateCategory category, Guid? replaces, bool absentWholeCongress, bool hasSession, bool checkedIn)
    {
        if (!CongressDelegate.Summoned(category, replaces))
        {
            return new Eligibility(false, AlternateNotSummoned);
        }
        if (absentWholeCongress)
        {
            return new Eligibility(false, AbsentWholeCongress);
        }
        if (!hasSession)
        {
            return new Eligibility(false, NoCurrentSession);
        }
        return checkedIn ? Eligibility.Yes : new Eligibility(false, NotCheckedIn);
    }

    public async Task<VoterRoll> RollAsync(CancellationToken cancellationToken)
    {
        var registry = await db.Delegates.AsNoTracking()
            .Select(d => new AttendanceService.RegistryEntry(d.Id, d.Code, d.FullName, d.DelegationId, d.Category,
                d.IsConveningCommitteeMember, d.AbsentWholeCongress, d.ReplacesDelegateId))
            .ToListAsync(cancellationToken);
        var derived = AttendanceService.Derive(registry);
        var session = await db.Sessions.AsNoTracking().Where(s => s.IsCurrent).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(cancellationToken);
        if (session is null)
        {
            return new VoterRoll(null, new HashSet<Guid>(), derived.Base);
        }
        var checkedIn = (await db.CheckIns.AsNoTracking()
            .Where(c => c.SessionId == session && c.UndoneAt == null)
            .Select(c => c.DelegateId).ToListAsync(cancellationToken)).ToHashSet();
        var present = registry.Where(d => derived.Eligible(d) && checkedIn.Contains(d.Id)).Select(d => d.Id).ToHashSet();
        return new VoterRoll(session, present, derived.Base);
    }
}
