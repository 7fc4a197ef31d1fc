using ElectionSystem.Server.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ElectionSystem.Server.Features.Auth;

/// <summary>
/// Who may make whom (ADR 0010, "Who makes the presidium"). The presidium issues the committee
/// members' activation codes, so an organiser holding a presidium account (with the PIN slips it
/// prints) would be a committee alone: the organiser never creates, resets, unlocks or re-roles an
/// account into or out of the presidium. Presidium accounts come from the first start
/// (<c>chutich</c>) and from the presidium itself. An account request whose target role is the
/// presidium's or the counting committee's needs two members' approval during the congress.
/// </summary>
public static class AccountPowers
{
    public const string NotForTheOrganiser =
        "Ban Tổ chức không tạo, đặt lại mật khẩu, mở khóa hay đổi vai trò tài khoản Đoàn Chủ tịch (kể cả đổi sang hoặc từ vai trò Đoàn Chủ tịch). " +
        "Tài khoản Đoàn Chủ tịch do Đoàn Chủ tịch tạo và đặt lại; tài khoản đầu tiên (chutich) có khi máy chủ chạy lần đầu.";

    public const string PresidiumOnly = "Đoàn Chủ tịch chỉ tạo, đặt lại mật khẩu và mở khóa tài khoản Đoàn Chủ tịch.";

    /// <summary>The organiser's change to an account whose role is, or is to become, the presidium's: 403.</summary>
    public static ProblemHttpResult? OrganiserMay(string currentRole, string? newRole = null) =>
        currentRole == Roles.Presidium || newRole == Roles.Presidium ? Problems.Forbidden(NotForTheOrganiser) : null;

    /// <summary>The presidium's change: only to a presidium account.</summary>
    public static ProblemHttpResult? PresidiumMay(string currentRole) =>
        currentRole == Roles.Presidium ? null : Problems.Forbidden(PresidiumOnly);

    /// <summary>
    /// An account request (its target role: the new role, or the account's own for a reset or an
    /// unlock) that needs two different committee members during the congress.
    /// </summary>
    public static bool NeedsTwoMembers(string? targetRole) => targetRole is Roles.Presidium or Roles.CountingCommittee;

    /// <summary>
    /// ASCII letters, digits, '.', '-', '_' only: a Cyrillic "а" or a Greek "ο" would otherwise
    /// make a second "admin" that reads the same in the audit log. Compared without case (the
    /// column is NOCASE and unique), so "Admin" is "admin".
    /// </summary>
    public static bool IsPlainUserName(string? name) =>
        (name ?? "").Trim() is { Length: >= 2 and <= 100 } trimmed
        && trimmed.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');
}
