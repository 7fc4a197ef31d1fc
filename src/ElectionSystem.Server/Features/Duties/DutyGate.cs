using System.Security.Claims;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Audit;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Hosting;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.Duties;

/// <summary>
/// While the congress is in session (a current session exists), a PIN reset, a badge reissue and a
/// check-in without the badge do not happen at once: they become a request (audited) that a
/// counting-committee member approves or refuses from their own session (<see cref="DutyDecisions"/>).
/// Before the congress (setting up the hall) they go ahead as before.
/// </summary>
public sealed class DutyGate(ElectionDbContext db, AuditLog audit, HallClock clock, DutyNotices notices) : IDutyGate
{
    public const string Waiting = "Đã ghi nhận yêu cầu, chờ một thành viên Ban Kiểm phiếu duyệt trên máy của mình.";

    public async Task<PendingDuty?> HoldAsync(ClaimsPrincipal user, string kind, Guid delegateId, CancellationToken ct)
    {
        if (!await db.Sessions.AnyAsync(s => s.IsCurrent, ct))
        {
            return null;
        }
        var d = await db.Delegates.AsNoTracking().FirstAsync(x => x.Id == delegateId, ct);
        var request = new DutyRequest
        {
            Id = Guid.NewGuid(), Kind = kind, DelegateId = d.Id, DelegateCode = d.Code, DelegateName = d.FullName,
            RequestedBy = user.ActorName(), RequestedByAccountId = StaffSessions.AccountId(user), RequestedAt = clock.UtcNow,
        };
        db.DutyRequests.Add(request);
        await audit.AppendAsync(user, "duty.requested", $"delegate:{d.Code}", new { request.Id, kind });
        await db.SaveChangesAsync(ct);
        await notices.ChangedAsync();
        return new PendingDuty(request.Id, kind, d.Code, $"{DutyKinds.Vi(kind)} cho đại biểu {d.FullName} ({d.Code}): {Waiting}");
    }
}
