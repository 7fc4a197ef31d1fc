using ElectionSystem.Domain.Congress;
using ElectionSystem.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.Attendance;

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

/// <summary>One delegate as the roll reads the registry.</summary>
internal sealed record RegistryEntry(Guid Id, string Code, string FullName, Guid DelegationId, DelegateCategory Category,
    bool IsConveningCommitteeMember, bool AbsentWholeCongress, Guid? ReplacesDelegateId)
{
    public bool IsSummoned => CongressDelegate.Summoned(Category, ReplacesDelegateId);

    /// <summary>Can be present at a session: summoned and not recorded absent for the whole congress.</summary>
    public bool Eligible => VotingEligibility.MayAttend(Category, ReplacesDelegateId, AbsentWholeCongress);
}

/// <summary>
/// A session's roll as read once: the session (null: none), the whole registry, Base derived from it
/// and who is present. Attendance shows it; votes count against it.
/// </summary>
internal sealed record RollRead(CongressSession? Session, IReadOnlyList<RegistryEntry> Registry, CongressBase Base, IReadOnlySet<Guid> Present);

/// <summary>
/// The voter roll, decided in one place (DOMAIN.md §1–2): who is summoned, who is eligible, who is
/// present and Base's inputs, for attendance, open votes and secret ballots alike. Eligible: official
/// and ex-officio delegates not recorded absent for the whole congress, and alternates summoned to
/// replace one; present: eligible and checked in for the session. Checked on every cast, not only at
/// sign-in, because check-in (and its undo) can change at any moment. Base comes from Domain's
/// <see cref="CongressBase"/> (invariant 5).
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
    /// group-committed batch at once, at the moment it writes it (ADR 0007). Read fresh every time: a check-in, its undo or an absence can
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
            answers[id] = !rows.TryGetValue(id, out var d)
                ? new Eligibility(false, NotOnList)
                : WhyNot(d.Category, d.ReplacesDelegateId, d.AbsentWholeCongress, session is not null, d.CheckedIn) is { } reason
                    ? new Eligibility(false, reason)
                    : Eligibility.Yes;
        }
        return answers;
    }

    /// <summary>
    /// Can be present at a session (check in, count towards attendance, vote once checked in): summoned
    /// and not recorded absent for the whole congress.
    /// </summary>
    public static bool MayAttend(DelegateCategory category, Guid? replaces, bool absentWholeCongress) =>
        WhyNot(category, replaces, absentWholeCongress, hasSession: true, checkedIn: true) is null;

    /// <summary>The one rule, in the order the tablet explains it: null when the delegate may vote.</summary>
    internal static string? WhyNot(DelegateCategory category, Guid? replaces, bool absentWholeCongress, bool hasSession, bool checkedIn)
    {
        if (!CongressDelegate.Summoned(category, replaces))
        {
            return AlternateNotSummoned;
        }
        if (absentWholeCongress)
        {
            return AbsentWholeCongress;
        }
        if (!hasSession)
        {
            return NoCurrentSession;
        }
        return checkedIn ? null : NotCheckedIn;
    }

    /// <summary>The current session's roll.</summary>
    public async Task<VoterRoll> RollAsync(CancellationToken cancellationToken)
    {
        var roll = await ReadAsync(null, cancellationToken);
        return new VoterRoll(roll.Session?.Id, roll.Present, roll.Base);
    }

    /// <summary>The roll of the given session (null: the current one).</summary>
    internal async Task<RollRead> ReadAsync(Guid? sessionId, CancellationToken cancellationToken)
    {
        var registry = await db.Delegates.AsNoTracking()
            .Select(d => new RegistryEntry(d.Id, d.Code, d.FullName, d.DelegationId, d.Category,
                d.IsConveningCommitteeMember, d.AbsentWholeCongress, d.ReplacesDelegateId))
            .ToListAsync(cancellationToken);
        var session = sessionId is { } id
            ? await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken)
            : await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.IsCurrent, cancellationToken);
        var checkedIn = session is null
            ? []
            : (await db.CheckIns.AsNoTracking()
                .Where(c => c.SessionId == session.Id && c.UndoneAt == null)
                .Select(c => c.DelegateId).ToListAsync(cancellationToken)).ToHashSet();
        var present = registry.Where(d => d.Eligible && checkedIn.Contains(d.Id)).Select(d => d.Id).ToHashSet();
        return new RollRead(session, registry, Derive(registry), present);
    }

    /// <summary>
    /// DOMAIN.md §2 from the registry: summoned = official + ex-officio + alternates replacing someone;
    /// absent committee members = convening-committee members absent for the whole congress; absent
    /// without alternate = other official / ex-officio delegates absent for the whole congress whom
    /// no alternate replaces.
    /// </summary>
    private static CongressBase Derive(IReadOnlyCollection<RegistryEntry> delegates)
    {
        var replaced = delegates.Where(d => d.Category == DelegateCategory.Alternate && d.ReplacesDelegateId is not null)
            .Select(d => d.ReplacesDelegateId!.Value).ToHashSet();
        var summoned = delegates.Count(d => d.IsSummoned);
        var officials = delegates.Where(d => d.Category != DelegateCategory.Alternate && d.AbsentWholeCongress).ToList();
        var absentCommittee = officials.Count(d => d.IsConveningCommitteeMember);
        var absentWithoutAlternate = officials.Count(d => !d.IsConveningCommitteeMember && !replaced.Contains(d.Id));
        return CongressBase.Create(summoned, absentCommittee, absentWithoutAlternate);
    }
}
