using System.Security.Claims;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Audit;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Elections;
using ElectionSystem.Server.Hosting;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.Duties;

/// <summary>
/// While the congress is in session (a current session exists), a PIN reset, a badge reissue, a
/// check-in without the badge, and a staff account's creation, password reset, unlock or role
/// change do not happen at once: they become a request (audited) that a
/// counting-committee member approves or refuses from their own session (<see cref="DutyDecisions"/>).
/// Before the congress (setting up the hall) they go ahead as before.
/// </summary>
public sealed class DutyGate(ElectionDbContext db, AuditLog audit, HallClock clock, DutyNotices notices) : IDutyGate
{
    public const string Waiting = "Đã ghi nhận yêu cầu, chờ một thành viên Ban Kiểm phiếu duyệt trên máy của mình.";
    public const string WaitingForTwo = "Đã ghi nhận yêu cầu, chờ hai thành viên Ban Kiểm phiếu khác nhau duyệt, mỗi người trên máy của mình.";

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
        var two = DutyDecisions.NeedsTwo(request, await CountingCommitteeMembers.IsMemberAsync(db, d.Id, ct));
        return new PendingDuty(request.Id, kind, d.Code, $"{DutyKinds.Vi(kind)} cho đại biểu {d.FullName} ({d.Code}): {(two ? WaitingForTwo : Waiting)}");
    }

    public async Task<PendingDuty?> HoldAccountAsync(ClaimsPrincipal user, string kind, AccountSubject account, CancellationToken ct)
    {
        if (!await db.Sessions.AnyAsync(s => s.IsCurrent, ct))
        {
            return null;
        }
        var what = $"{DutyKinds.Vi(kind)} \"{account.UserName}\" ({Roles.DisplayNameVi(account.Role)})";
        var two = AccountPowers.NeedsTwoMembers(account.Role);
        if (kind == DutyKinds.AccountCreate)
        {
            // The same new account (same name, without case, and same role) asked twice waits once. A
            // request for that name with another role is not this one: the caller must not be told its
            // account is on the way when another role's is (the second approved then finds the name taken).
            var name = account.UserName.ToLowerInvariant();
            var asked = await db.DutyRequests.AsNoTracking()
                .FirstOrDefaultAsync(r => r.Kind == kind && r.State == DutyStates.Pending && r.AccountRole == account.Role
                    && r.AccountUserName!.ToLower() == name, ct);
            if (asked is not null)
            {
                return new PendingDuty(asked.Id, kind, "", $"{what}: yêu cầu này đã có, đang chờ {(two ? "hai thành viên Ban Kiểm phiếu khác nhau" : "một thành viên Ban Kiểm phiếu")} duyệt.", asked.AccountUserName);
            }
        }
        var request = new DutyRequest
        {
            Id = Guid.NewGuid(), Kind = kind, AccountId = account.AccountId, AccountUserName = account.UserName,
            AccountDisplayName = account.DisplayName, AccountRole = account.Role,
            RequestedBy = user.ActorName(), RequestedByAccountId = StaffSessions.AccountId(user), RequestedAt = clock.UtcNow,
        };
        db.DutyRequests.Add(request);
        await audit.AppendAsync(user, "duty.requested", $"account:{account.UserName}", new { request.Id, kind, role = account.Role });
        await db.SaveChangesAsync(ct);
        await notices.ChangedAsync();
        return new PendingDuty(request.Id, kind, "", $"{what}: {(two ? WaitingForTwo : Waiting)}", account.UserName);
    }
}
