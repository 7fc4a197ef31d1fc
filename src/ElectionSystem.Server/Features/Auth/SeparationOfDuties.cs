using System.Security.Claims;
using ElectionSystem.Server.Data;

namespace ElectionSystem.Server.Features.Auth;

/// <summary>
/// A counting-committee member's own session (ADR 0010): a delegate elected to the committee,
/// signed in with their badge or code, PIN and own committee passphrase. Role <see cref="Roles.CountingCommittee"/> plus the
/// member's delegate id; no staff account stands behind it, so no organiser can mint or reset one.
/// </summary>
public static class CommitteeMemberClaims
{
    public const string Member = "es:member";

    /// <summary>The delegate id of a committee member's session; null for any account's session.</summary>
    public static Guid? MemberId(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.Role) == Roles.CountingCommittee && Guid.TryParse(user.FindFirstValue(Member), out var id) ? id : null;
}

/// <summary>
/// A committee member's own sign-out ends every session of theirs (a new stamp on their row):
/// declared here for /api/auth/logout, implemented by Features/Duties.
/// </summary>
public interface ICommitteeMemberSignOut
{
    Task SignOutAsync(ClaimsPrincipal user, CancellationToken ct);
}

/// <summary>What needs a committee member's approval while the congress is in session.</summary>
public static class DutyKinds
{
    public const string PinReset = "pin-reset";
    public const string BadgeReissue = "badge-reissue";
    public const string ManualCheckIn = "manual-checkin";

    /// <summary>Staff accounts (ADR 0010): a new account, a new password, an unlock and a new role give someone power.</summary>
    public const string AccountCreate = "account-create";
    public const string AccountPasswordReset = "account-password-reset";
    public const string AccountEnable = "account-enable";
    public const string AccountRoleChange = "account-role-change";

    /// <summary>
    /// A new activation code for a committee member, asked by the presidium: whoever holds it and the
    /// member's PIN slip is that member, so during the congress two other members approve it.
    /// </summary>
    public const string CommitteeActivation = "committee-activation";

    public static readonly IReadOnlyList<string> All =
        [PinReset, BadgeReissue, ManualCheckIn, AccountCreate, AccountPasswordReset, AccountEnable, AccountRoleChange, CommitteeActivation];

    /// <summary>About a staff account rather than a delegate.</summary>
    public static bool IsAccount(string kind) => kind is AccountCreate or AccountPasswordReset or AccountEnable or AccountRoleChange;

    public static string Vi(string kind) => kind switch
    {
        PinReset => "Cấp lại mã PIN",
        BadgeReissue => "Cấp lại thẻ đại biểu",
        ManualCheckIn => "Điểm danh không có thẻ",
        AccountCreate => "Tạo tài khoản",
        AccountPasswordReset => "Đặt lại mật khẩu tài khoản",
        AccountEnable => "Mở khóa tài khoản",
        AccountRoleChange => "Đổi vai trò tài khoản",
        CommitteeActivation => "Cấp mã kích hoạt mới cho thành viên Ban Kiểm phiếu",
        _ => kind,
    };
}

/// <summary>An action held for a committee member's approval (answered 202); Account names the staff account of an account request.</summary>
public sealed record PendingDuty(Guid RequestId, string Kind, string DelegateCode, string Detail, string? Account = null);

/// <summary>The staff account a request is about: its id (none yet for a new one), user name, display name and the role it has or is to get.</summary>
public sealed record AccountSubject(Guid? AccountId, string UserName, string DisplayName, string Role)
{
    /// <summary>An existing account as it is now.</summary>
    public static AccountSubject Of(Account a) => new(a.Id, a.UserName, a.DisplayName, a.Role);
}

/// <summary>
/// The gate in front of the actions that enable a delegate to vote (PIN reset, badge reissue,
/// check-in without the badge) and of those that give a staff account power. Declared here so the capabilities that own those actions can ask it;
/// implemented by Features/Duties, which also carries the action out once a member approves.
/// </summary>
public interface IDutyGate
{
    /// <summary>Null: go ahead now (the congress is not in session). Otherwise the request now waiting for a member.</summary>
    Task<PendingDuty?> HoldAsync(ClaimsPrincipal user, string kind, Guid delegateId, CancellationToken ct);

    /// <summary>The same for a staff account's creation, password reset, unlock or role change (<see cref="DutyKinds.IsAccount"/>).</summary>
    Task<PendingDuty?> HoldAccountAsync(ClaimsPrincipal user, string kind, AccountSubject account, CancellationToken ct);
}
