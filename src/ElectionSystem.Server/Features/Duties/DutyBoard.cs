using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Elections;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.Duties;

/// <summary>An account created, reset or given another role once the congress had opened.</summary>
public sealed record AccountEventDto(DateTime At, string Action, string ActionVi, string Account, string By);

/// <summary>A member's activation code issued by the presidium, or used by the member to set their passphrase.</summary>
public sealed record ActivationEventDto(DateTime At, string Action, string ActionVi, string Member, string By);

/// <summary>
/// What the committee's screen lists: the requests (pending first), the accounts touched since the
/// congress opened, the members, and every activation of a member ("Kích hoạt thành viên").
/// </summary>
public sealed record DutyBoardDto(IReadOnlyList<DutyDto> Pending, IReadOnlyList<DutyDto> Decided, IReadOnlyList<AccountEventDto> Accounts,
    IReadOnlyList<CommitteeMemberDto> Members, IReadOnlyList<ActivationEventDto> Activations);

/// <summary>The committee's view of every approval and of the accounts made or reset during the congress (ADR 0010).</summary>
public sealed class DutyBoard(ElectionDbContext db, CountingCommitteeMembers members)
{
    /// <summary>The audit actions that make, reset or re-role a staff account.</summary>
    public static readonly IReadOnlyDictionary<string, string> AccountActions = new Dictionary<string, string>
    {
        ["account.created"] = "Tạo tài khoản",
        ["account.password-reset"] = "Đặt lại mật khẩu",
        ["account.role-changed"] = "Đổi vai trò",
        ["account.enabled"] = "Mở khóa tài khoản",
        ["account.password-changed"] = "Tự đổi mật khẩu",
    };

    /// <summary>The audit actions of a member's activation: the presidium's code, the member's own use of it.</summary>
    public static readonly IReadOnlyDictionary<string, string> ActivationActions = new Dictionary<string, string>
    {
        [CommitteeActivation.Action] = "Cấp mã kích hoạt",
        ["committee.activated"] = "Thành viên tự đặt mật khẩu",
    };

    public async Task<DutyBoardDto> ReadAsync(CancellationToken ct)
    {
        var list = await members.ListAsync(ct);
        var onTheList = list.Where(m => m.DelegateId is not null).Select(m => m.DelegateId!.Value).ToHashSet();
        var requests = (await db.DutyRequests.AsNoTracking().ToListAsync(ct)).OrderByDescending(r => r.RequestedAt)
            .Select(r => DutyDecisions.ToDto(r, DutyDecisions.NeedsTwo(r, !DutyKinds.IsAccount(r.Kind) && onTheList.Contains(r.DelegateId)))).ToList();
        // The congress opened when a session was first made current.
        var opened = await db.AuditEntries.AsNoTracking().Where(e => e.Action == "session.made-current")
            .OrderBy(e => e.Sequence).Select(e => (long?)e.Sequence).FirstOrDefaultAsync(ct);
        var actions = AccountActions.Keys.ToList();
        var accounts = opened is null ? [] : await db.AuditEntries.AsNoTracking()
            .Where(e => e.Sequence > opened && actions.Contains(e.Action)).OrderBy(e => e.Sequence)
            .Select(e => new { e.At, e.Action, e.Subject, e.Actor }).ToListAsync(ct);
        var activationActions = ActivationActions.Keys.ToList();
        var activations = await db.AuditEntries.AsNoTracking().Where(e => activationActions.Contains(e.Action)).OrderBy(e => e.Sequence)
            .Select(e => new { e.At, e.Action, e.Subject, e.Actor }).ToListAsync(ct);
        return new DutyBoardDto(
            requests.Where(r => r.State == DutyStates.Pending).ToList(),
            requests.Where(r => r.State != DutyStates.Pending).ToList(),
            accounts.Select(a => new AccountEventDto(a.At, a.Action, AccountActions[a.Action], a.Subject.Replace("account:", "", StringComparison.Ordinal), a.Actor)).ToList(),
            list,
            activations.Select(a => new ActivationEventDto(a.At, a.Action, ActivationActions[a.Action],
                a.Subject.Replace("delegate:", "", StringComparison.Ordinal), a.Actor)).ToList());
    }
}
