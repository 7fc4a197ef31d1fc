using System.Security.Claims;

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

    public static readonly IReadOnlyList<string> All = [PinReset, BadgeReissue, ManualCheckIn];

    public static string Vi(string kind) => kind switch
    {
        PinReset => "Cấp lại mã PIN",
        BadgeReissue => "Cấp lại thẻ đại biểu",
        ManualCheckIn => "Điểm danh không có thẻ",
        _ => kind,
    };
}

/// <summary>An action held for a committee member's approval (answered 202).</summary>
public sealed record PendingDuty(Guid RequestId, string Kind, string DelegateCode, string Detail);

/// <summary>
/// The gate in front of the actions that enable a delegate to vote (PIN reset, badge reissue,
/// check-in without the badge). Declared here so the capabilities that own those actions can ask it;
/// implemented by Features/Duties, which also carries the action out once a member approves.
/// </summary>
public interface IDutyGate
{
    /// <summary>Null: go ahead now (the congress is not in session). Otherwise the request now waiting for a member.</summary>
    Task<PendingDuty?> HoldAsync(ClaimsPrincipal user, string kind, Guid delegateId, CancellationToken ct);
}
