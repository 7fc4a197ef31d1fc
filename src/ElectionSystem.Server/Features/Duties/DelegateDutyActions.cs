using System.Security.Claims;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Attendance;
using ElectionSystem.Server.Features.Audit;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Badges;
using ElectionSystem.Server.Features.CheckIn;
using ElectionSystem.Server.Features.Live;
using ElectionSystem.Server.Features.Shared;
using ElectionSystem.Server.Features.Tablet;
using ElectionSystem.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.Duties;

/// <summary>
/// Carries out an approved request about a delegate (PIN reset, badge reissue, check-in) with the owning capability's own code, as the approving member,
/// the approval (who asked, who approved) written on the action's audit entry. Saves nothing itself
/// beyond what the action saves; the caller saves the rest in the same unit.
/// </summary>
public sealed class DelegateDutyActions(PinIssuer pins, BadgeSigning signing, LiveUpdates live, AttendanceService attendance, HallClock clock)
{
    public async Task<ProblemOr<DutyOutcome>> RunAsync(
        DutyRequest request, ClaimsPrincipal member, ElectionDbContext db, AuditLog audit, CancellationToken ct)
    {
        var approval = new { requestId = request.Id, requestedBy = request.RequestedBy, approvedBy = member.ActorName() };
        switch (request.Kind)
        {
            case DutyKinds.PinReset:
                var slips = await pins.ResetAsync(member, request.DelegateId, ct, approval);
                return slips is null ? Problems.NotFound("Không tìm thấy đại biểu này.") : new DutyOutcome("Đã cấp mã PIN mới", slips, null);
            case DutyKinds.BadgeReissue:
                var badge = await BadgeEndpoints.ReissueAsync(request.DelegateCode, db, signing, audit, member, ct, approval);
                return badge.Problem is { } p ? p : new DutyOutcome($"Đã cấp lại thẻ (lần {badge.Value!.BadgeVersion})", null, null);
            case DutyKinds.ManualCheckIn:
                var d = await db.Delegates.Include(x => x.Delegation).FirstOrDefaultAsync(x => x.Id == request.DelegateId, ct);
                if (d is null) return Problems.NotFound("Không tìm thấy đại biểu này.");
                var done = await CheckInEndpoints.CheckInAsync(d, "manual-approved", db, audit, live, attendance, clock, member, ct);
                return done.Result switch
                {
                    Ok<CheckInResult> ok => new DutyOutcome(ok.Value!.Message, null, null),
                    ProblemHttpResult problem => problem,
                    _ => throw new InvalidOperationException(),
                };
            default:
                return Problems.BadRequest($"Loại yêu cầu không rõ: {request.Kind}.");
        }
    }
}
