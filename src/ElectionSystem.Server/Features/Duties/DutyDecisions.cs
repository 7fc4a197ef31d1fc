using System.Security.Claims;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Audit;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Elections;
using ElectionSystem.Server.Features.Shared;
using ElectionSystem.Server.Features.Tablet;
using ElectionSystem.Server.Hosting;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.Duties;

/// <summary>
/// A request on the committee's board. An account request names the account (AccountUserName, and
/// the role it has or is to get); a delegate request names the delegate. Approvals of ApprovalsNeeded:
/// two when the delegate is on the committee's list, for a member's new activation code and for a
/// presidium or counting-committee account ("1/2 thành viên đã duyệt", ADR 0010), else one.
/// </summary>
public sealed record DutyDto(
    Guid Id, string Kind, string KindVi, string DelegateCode, string DelegateName, string RequestedBy, DateTime RequestedAt,
    string State, string StateVi, string? DecidedBy, DateTime? DecidedAt, string? Outcome,
    string? AccountUserName = null, string? AccountRole = null, string? AccountRoleVi = null,
    int Approvals = 0, int ApprovalsNeeded = 1, string? FirstApprovedBy = null, string? ApprovalsVi = null);

/// <summary>A request as its requester sees it; the PIN slip, the temporary password or the member's activation slip comes once, to the one who asked.</summary>
public sealed record DutyResultDto(DutyDto Request, PinSlips? Slips, string? TemporaryPassword = null, ActivationSlipDto? Activation = null);

/// <summary>
/// A member's answer to a request: only from a committee member's own session (never a staff
/// account), never about the member themself. Approval carries the action out in the same unit as
/// the decision and its audit entry (who asked, who approved). A request about a member's own
/// delegate needs two different other members: the first approval is recorded, the second carries it out.
/// </summary>
public sealed class DutyDecisions(ElectionDbContext db, AuditLog audit, HallClock clock, DutySlips slips, DutyActions actions)
{
    public const string NotAMember = "Chỉ thành viên Ban Kiểm phiếu, đăng nhập bằng thẻ hoặc mã đại biểu và mã PIN của chính mình, duyệt yêu cầu này.";
    public const string NotYourOwn = "Thành viên Ban Kiểm phiếu không tự duyệt việc cấp mã PIN, cấp thẻ hay điểm danh cho chính mình: cần một thành viên khác.";
    public const string NotTwice = "Đồng chí đã duyệt yêu cầu này. Yêu cầu này cần thêm một thành viên Ban Kiểm phiếu khác duyệt.";

    /// <summary>One decision at a time: two members pressing "Duyệt" together must not reset a PIN twice (this node; the database lock below for both).</summary>
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public async Task<ProblemOr<DutyResultDto>> DecideAsync(Guid id, bool approve, ClaimsPrincipal member, CancellationToken ct)
    {
        if (CommitteeMemberClaims.MemberId(member) is not { } memberId || !await CountingCommitteeMembers.IsMemberAsync(db, memberId, ct))
        {
            return Problems.Forbidden(NotAMember);
        }
        await OneAtATime.WaitAsync(ct);
        try
        {
            // Across hall servers too: on PostgreSQL the decision holds a database lock (a no-op on SQLite, one process).
            await using var held = await DatabaseLocks.HoldAsync(db, DatabaseLocks.DutyDecisions, ct);
            return await DecideOnceAsync(id, approve, member, memberId, ct);
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    private async Task<ProblemOr<DutyResultDto>> DecideOnceAsync(Guid id, bool approve, ClaimsPrincipal member, Guid memberId, CancellationToken ct)
    {
        var request = await db.DutyRequests.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null) return Problems.NotFound("Không tìm thấy yêu cầu này.");
        if (request.State != DutyStates.Pending)
        {
            return Problems.Conflict($"Yêu cầu này đã được {request.DecidedBy} {DutyStates.Vi(request.State).ToLowerInvariant()}.");
        }
        if (request.DelegateId == memberId) return Problems.Forbidden(NotYourOwn);

        // A request about a member's own delegate (PIN, badge, check-in, activation code), and one about a
        // presidium or counting-committee account, needs two members: the first approval is recorded
        // and the request waits for the second (ADR 0010).
        var needsTwo = await NeedsTwoAsync(request, ct);
        if (approve && needsTwo && request.FirstApproverId == memberId) return Problems.Conflict(NotTwice);
        if (approve && needsTwo && request.FirstApproverId is null)
        {
            request.FirstApprovedBy = member.ActorName();
            request.FirstApproverId = memberId;
            await audit.AppendAsync(member, "duty.first-approval", Subject(request),
                new { request.Id, request.Kind, requestedBy = request.RequestedBy, approvedBy = request.FirstApprovedBy });
            await db.SaveChangesAsync(ct);
            return new DutyResultDto(ToDto(request, needsTwo), null);
        }
        request.State = approve ? DutyStates.Approved : DutyStates.Refused;
        request.DecidedBy = member.ActorName();
        request.DecidedAt = clock.UtcNow;
        await audit.AppendAsync(member, approve ? "duty.approved" : "duty.refused", Subject(request),
            new { request.Id, request.Kind, requestedBy = request.RequestedBy, firstApprovedBy = request.FirstApprovedBy, decidedBy = request.DecidedBy });
        DutyOutcome? outcome = null;
        if (approve)
        {
            var done = await actions.RunAsync(request, member, db, audit, ct);
            if (done.Problem is { } problem)
            {
                db.ChangeTracker.Clear();
                return problem;
            }
            outcome = done.Value;
            request.Outcome = outcome!.Outcome;
        }
        else
        {
            request.Outcome = "Không thực hiện";
        }
        if (outcome is { Slips: not null } or { TemporaryPassword: not null } or { Activation: not null })
        {
            // Saved with the decision (either node may hand it out): sealed, once, until it expires.
            await slips.KeepAsync(request.Id, request.RequestedByAccountId, new KeptForRequester(outcome.Slips, outcome.TemporaryPassword, outcome.Activation), ct);
        }
        await db.SaveChangesAsync(ct);
        // The member sees what was done, never the PIN or the password: they are the requester's, once.
        return new DutyResultDto(ToDto(request, needsTwo), null);
    }

    /// <summary>One request, for whoever asked it (with the PIN slip the first time after approval) or the committee.</summary>
    public async Task<ProblemOr<DutyResultDto>> ResultAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var request = await db.DutyRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null) return Problems.NotFound("Không tìm thấy yêu cầu này.");
        var account = StaffSessions.AccountId(user);
        var mine = account is not null && account == request.RequestedByAccountId;
        if (!mine && !user.IsInRole(Roles.CountingCommittee)) // a member's session has that role too
        {
            return Problems.Forbidden("Chỉ người gửi yêu cầu và Ban Kiểm phiếu xem yêu cầu này.");
        }
        var kept = mine ? await slips.TakeAsync(id, account!.Value, user, ct) : null;
        return new DutyResultDto(ToDto(request, await NeedsTwoAsync(request, ct)), kept?.Slips, kept?.Password, kept?.Activation);
    }

    private async Task<bool> NeedsTwoAsync(DutyRequest r, CancellationToken ct) =>
        NeedsTwo(r, !DutyKinds.IsAccount(r.Kind) && await CountingCommitteeMembers.IsMemberAsync(db, r.DelegateId, ct));

    /// <summary>
    /// Two members: a PIN reset, badge reissue or check-in for a delegate on the committee's list
    /// (<paramref name="delegateOnTheList"/>), a member's new activation code, and an account request
    /// whose target role is the presidium's or the counting committee's (<see cref="AccountPowers.NeedsTwoMembers"/>).
    /// </summary>
    public static bool NeedsTwo(DutyRequest r, bool delegateOnTheList) =>
        DutyKinds.IsAccount(r.Kind) ? AccountPowers.NeedsTwoMembers(r.AccountRole) : r.Kind == DutyKinds.CommitteeActivation || delegateOnTheList;

    private static string Subject(DutyRequest r) => DutyKinds.IsAccount(r.Kind) ? $"account:{r.AccountUserName}" : $"delegate:{r.DelegateCode}";

    public static DutyDto ToDto(DutyRequest r, bool needsTwo)
    {
        var needed = needsTwo ? 2 : 1;
        var approvals = r.State == DutyStates.Approved ? needed : r.FirstApproverId is null ? 0 : 1;
        return new(r.Id, r.Kind, DutyKinds.Vi(r.Kind), r.DelegateCode, r.DelegateName,
            r.RequestedBy, r.RequestedAt, r.State, DutyStates.Vi(r.State), r.DecidedBy, r.DecidedAt, r.Outcome,
            r.AccountUserName, r.AccountRole, r.AccountRole is null ? null : Roles.DisplayNameVi(r.AccountRole),
            approvals, needed, r.FirstApprovedBy, $"{approvals}/{needed} thành viên đã duyệt");
    }
}
