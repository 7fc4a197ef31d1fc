using System.Security.Claims;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Audit;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Elections;
using ElectionSystem.Server.Features.Shared;
using ElectionSystem.Server.Features.Tablet;

namespace ElectionSystem.Server.Features.Duties;

/// <summary>
/// What came of an approved request: the words for the board, and what is handed once to the one
/// who asked (a PIN slip, an account's temporary password, or a member's activation slip).
/// </summary>
public sealed record DutyOutcome(string Outcome, PinSlips? Slips, string? TemporaryPassword, ActivationSlipDto? Activation = null);

/// <summary>Carries out an approved request with the owning capability's own code: a delegate's, a staff account's, or a member's new activation code.</summary>
public sealed class DutyActions(DelegateDutyActions delegates, AccountDutyActions accounts, CommitteeActivation activation)
{
    public async Task<ProblemOr<DutyOutcome>> RunAsync(DutyRequest request, ClaimsPrincipal member, ElectionDbContext db, AuditLog audit, CancellationToken ct)
    {
        if (DutyKinds.IsAccount(request.Kind)) return await accounts.RunAsync(request, member, ct);
        if (request.Kind != DutyKinds.CommitteeActivation) return await delegates.RunAsync(request, member, db, audit, ct);
        // The new code as the approving member, the approval on its audit entry; the slip goes to the presidium account that asked.
        var approval = new { requestId = request.Id, requestedBy = request.RequestedBy, firstApprovedBy = request.FirstApprovedBy, approvedBy = member.ActorName() };
        var slip = await activation.ReissueAsync(request.DelegateId, member, ct, approval);
        return slip.Problem is { } p ? p : new DutyOutcome("Đã cấp mã kích hoạt mới, phiếu giao cho Đoàn Chủ tịch (người yêu cầu)", null, null, slip.Value);
    }
}

/// <summary>
/// Carries out an approved account request with <see cref="StaffAccounts"/>, as the approving member,
/// the approval (who asked, who approved) on the account's own audit entry. A new or reset password
/// is temporary: the person it is for sets their own at the first sign-in.
/// </summary>
public sealed class AccountDutyActions(StaffAccounts accounts)
{
    public async Task<ProblemOr<DutyOutcome>> RunAsync(DutyRequest request, ClaimsPrincipal member, CancellationToken ct)
    {
        var approval = new { requestId = request.Id, requestedBy = request.RequestedBy, approvedBy = member.ActorName() };
        var id = request.AccountId ?? Guid.Empty;
        var role = request.AccountRole ?? "";
        var done = request.Kind switch
        {
            DutyKinds.AccountCreate => await accounts.CreateAsync(member, request.AccountUserName ?? "", request.AccountDisplayName ?? "", role, ct, approval),
            DutyKinds.AccountPasswordReset => await accounts.ResetPasswordAsync(member, id, ct, approval),
            DutyKinds.AccountEnable => await accounts.EnableAsync(member, id, ct, approval),
            DutyKinds.AccountRoleChange => await accounts.ChangeRoleAsync(member, id, role, ct, approval),
            _ => Problems.BadRequest($"Loại yêu cầu không rõ: {request.Kind}."),
        };
        if (done.Problem is { } problem) return problem;
        var outcome = request.Kind switch
        {
            DutyKinds.AccountCreate => $"Đã tạo tài khoản ({Roles.DisplayNameVi(role)}), mật khẩu tạm giao cho người yêu cầu",
            DutyKinds.AccountPasswordReset => "Đã đặt lại mật khẩu, mật khẩu tạm giao cho người yêu cầu",
            DutyKinds.AccountEnable => "Đã mở khóa tài khoản",
            _ => $"Đã đổi vai trò thành {Roles.DisplayNameVi(role)}",
        };
        return new DutyOutcome(outcome, null, done.Value!.TemporaryPassword);
    }
}
