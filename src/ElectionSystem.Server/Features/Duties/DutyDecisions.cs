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

public sealed record DutyDto(
    Guid Id, string Kind, string KindVi, string DelegateCode, string DelegateName, string RequestedBy, DateTime RequestedAt,
    string State, string StateVi, string? DecidedBy, DateTime? DecidedAt, string? Outcome);

/// <summary>A request as its requester sees it; the PIN slip comes once, to the organiser who asked.</summary>
public sealed record DutyResultDto(DutyDto Request, PinSlips? Slips);

/// <summary>
/// A member's answer to a request: only from a committee member's own session (never a staff
/// account), never about the member themself. Approval carries the action out in the same unit as
/// the decision and its audit entry (who asked, who approved).
/// </summary>
public sealed class DutyDecisions(ElectionDbContext db, AuditLog audit, HallClock clock, DutySlips slips, DutyActions actions)
{
    public const string NotAMember = "Chỉ thành viên Ban Kiểm phiếu, đăng nhập bằng thẻ hoặc mã đại biểu và mã PIN của chính mình, duyệt yêu cầu này.";
    public const string NotYourOwn = "Thành viên Ban Kiểm phiếu không tự duyệt việc cấp mã PIN, cấp thẻ hay điểm danh cho chính mình: cần một thành viên khác.";

    /// <summary>One decision at a time: two members pressing "Duyệt" together must not reset a PIN twice.</summary>
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

        request.State = approve ? DutyStates.Approved : DutyStates.Refused;
        request.DecidedBy = member.ActorName();
        request.DecidedAt = clock.UtcNow;
        await audit.AppendAsync(member, approve ? "duty.approved" : "duty.refused", $"delegate:{request.DelegateCode}",
            new { request.Id, request.Kind, requestedBy = request.RequestedBy, decidedBy = request.DecidedBy });
        PinSlips? slip = null;
        if (approve)
        {
            var done = await actions.RunAsync(request, member, db, audit, ct);
            if (done.Problem is { } problem)
            {
                db.ChangeTracker.Clear();
                return problem;
            }
            request.Outcome = done.Value.Outcome;
            slip = done.Value.Slips;
        }
        else
        {
            request.Outcome = "Không thực hiện";
        }
        await db.SaveChangesAsync(ct);
        if (slip is not null)
        {
            slips.Keep(request.Id, request.RequestedByAccountId, slip);
        }
        // The member sees what was done, never the PIN: the slip is the requester's, once.
        return new DutyResultDto(ToDto(request), null);
    }

    /// <summary>One request, for whoever asked it (with the PIN slip the first time after approval) or the committee.</summary>
    public async Task<ProblemOr<DutyResultDto>> ResultAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var request = await db.DutyRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null) return Problems.NotFound("Không tìm thấy yêu cầu này.");
        var account = StaffSessions.AccountId(user);
        var mine = account is not null && account == request.RequestedByAccountId;
        if (!mine && CommitteeMemberClaims.MemberId(user) is null && !user.IsInRole(Roles.CountingCommittee))
        {
            return Problems.Forbidden("Chỉ người gửi yêu cầu và Ban Kiểm phiếu xem yêu cầu này.");
        }
        return new DutyResultDto(ToDto(request), mine ? slips.Take(id, account) : null);
    }

    public static DutyDto ToDto(DutyRequest r) => new(r.Id, r.Kind, DutyKinds.Vi(r.Kind), r.DelegateCode, r.DelegateName,
        r.RequestedBy, r.RequestedAt, r.State, DutyStates.Vi(r.State), r.DecidedBy, r.DecidedAt, r.Outcome);
}
