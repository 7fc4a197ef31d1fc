using System.Security.Claims;
using ElectionSystem.Domain.Congress;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Attendance;
using ElectionSystem.Server.Features.Audit;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Badges;
using ElectionSystem.Server.Features.CongressSetup;
using ElectionSystem.Server.Features.Live;
using ElectionSystem.Server.Features.Shared;
using ElectionSystem.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.CheckIn;

public sealed record ScanRequest(string Token);

public sealed record ManualCheckInRequest(Guid DelegateId);

/// <summary>Outcomes of a scan, as the desk colours them.</summary>
public static class CheckInStatus
{
    /// <summary>Green: "Đã điểm danh".</summary>
    public const string CheckedIn = "checked-in";

    /// <summary>Amber: "Đại biểu đã điểm danh lúc 07:45".</summary>
    public const string Already = "already";

    /// <summary>Red: "Thẻ không hợp lệ" (signature wrong or not a badge at all).</summary>
    public const string Forged = "forged";

    /// <summary>Red: "Thẻ đã bị thu hồi" (a badge re-issued since).</summary>
    public const string Revoked = "revoked";

    /// <summary>Red: "Không có tên trong danh sách triệu tập" (validly signed, but no such delegate).</summary>
    public const string Unknown = "unknown";

    /// <summary>Red: an alternate not summoned, or a delegate recorded absent for the whole congress.</summary>
    public const string NotSummoned = "not-summoned";
}

/// <summary>The desk's answer. Expected outcomes are 200 with a status; Message is what the desk shows.</summary>
public sealed record CheckInResult(
    string Status,
    string Message,
    Guid? CheckInId,
    Guid? DelegateId,
    string? Code,
    string? FullName,
    string? Delegation,
    string? Category,
    string? Seat,
    DateTime? At,
    int Present,
    int Summoned);

public sealed record UndoResult(Guid CheckInId, string Message, int Present, int Summoned);

public static class CheckInEndpoints
{
    public static RouteGroupBuilder MapCheckIn(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/checkin").WithTags("Check-in")
            .RequireAuthorization(AuthSetup.Require(Roles.CheckInDesk))
            .DisableAntiforgery();
        group.MapPost("/scan", Scan);
        group.MapPost("/manual", Manual);
        group.MapPost("/{id:guid}/undo", Undo);
        return group;
    }

    private static async Task<Results<Ok<CheckInResult>, Accepted<PendingDuty>, ProblemHttpResult>> Scan(
        ScanRequest request, ElectionDbContext db, BadgeSigning badges, AuditLog audit, LiveUpdates live,
        AttendanceService attendance, HallClock clock, IDutyGate gate, ClaimsPrincipal user, CancellationToken ct)
    {
        var token = request.Token.Trim();
        var holder = await badges.IdentifyAsync(db, token, ct);
        var check = holder.Check;
        if (holder.Status == BadgeHolderStatus.NotGenuine)
        {
            // The code printed on the badge, typed by hand (any case): a check-in without the badge,
            // which during the congress waits for a committee member (ADR 0010), never "forged".
            var upper = token.ToUpperInvariant();
            if (upper.Length > 0 && await db.Delegates.Include(x => x.Delegation).FirstOrDefaultAsync(x => x.Code.ToUpper() == upper, ct) is { } typed)
            {
                return await ManualAsync(typed, db, audit, live, attendance, clock, gate, user, ct);
            }
            await audit.AppendAsync(user, "checkin.refused", "badge", new { reason = CheckInStatus.Forged });
            await db.SaveChangesAsync(ct);
            return await Refused(CheckInStatus.Forged, "Thẻ không hợp lệ", null, attendance, ct);
        }
        if (holder.Delegate is not { } d)
        {
            await audit.AppendAsync(user, "checkin.refused", $"code:{check.DelegateCode}", new { reason = CheckInStatus.Unknown });
            await db.SaveChangesAsync(ct);
            return await Refused(CheckInStatus.Unknown, "Không có tên trong danh sách triệu tập", null, attendance, ct);
        }
        if (holder.Status == BadgeHolderStatus.Revoked)
        {
            await audit.AppendAsync(user, "checkin.refused", $"delegate:{d.Code}", new { reason = CheckInStatus.Revoked, check.BadgeVersion, current = d.BadgeVersion });
            await db.SaveChangesAsync(ct);
            return await Refused(CheckInStatus.Revoked, "Thẻ đã bị thu hồi", d, attendance, ct);
        }
        var scanned = await CheckInAsync(d, "scan", db, audit, live, attendance, clock, user, ct);
        return scanned.Result switch
        {
            Ok<CheckInResult> ok => ok,
            ProblemHttpResult problem => problem,
            _ => throw new InvalidOperationException(),
        };
    }

    private static async Task<Results<Ok<CheckInResult>, Accepted<PendingDuty>, ProblemHttpResult>> Manual(
        ManualCheckInRequest request, ElectionDbContext db, AuditLog audit, LiveUpdates live,
        AttendanceService attendance, HallClock clock, IDutyGate gate, ClaimsPrincipal user, CancellationToken ct)
    {
        var d = await db.Delegates.Include(x => x.Delegation).FirstOrDefaultAsync(x => x.Id == request.DelegateId, ct);
        if (d is null)
        {
            return Problems.NotFound($"Không có đại biểu với mã nội bộ {request.DelegateId} (trường \"delegateId\").");
        }
        return await ManualAsync(d, db, audit, live, attendance, clock, gate, user, ct);
    }

    private static async Task<Results<Ok<CheckInResult>, Accepted<PendingDuty>, ProblemHttpResult>> ManualAsync(
        CongressDelegate d, ElectionDbContext db, AuditLog audit, LiveUpdates live,
        AttendanceService attendance, HallClock clock, IDutyGate gate, ClaimsPrincipal user, CancellationToken ct)
    {
        // Without the badge, during the congress: a committee member approves first (ADR 0010).
        if (await gate.HoldAsync(user, DutyKinds.ManualCheckIn, d.Id, ct) is { } pending)
        {
            return TypedResults.Accepted((string?)null, pending);
        }
        var done = await CheckInAsync(d, "manual", db, audit, live, attendance, clock, user, ct);
        return done.Result switch
        {
            Ok<CheckInResult> ok => ok,
            ProblemHttpResult problem => problem,
            _ => throw new InvalidOperationException(),
        };
    }

    /// <summary>Marks the delegate present in the current session, audited as <paramref name="user"/> (the desk, or the member who approved).</summary>
    public static async Task<Results<Ok<CheckInResult>, ProblemHttpResult>> CheckInAsync(
        CongressDelegate d, string how, ElectionDbContext db, AuditLog audit, LiveUpdates live,
        AttendanceService attendance, HallClock clock, ClaimsPrincipal user, CancellationToken ct)
    {
        // Who may be present is the voter roll's rule; the desk only words the refusal its own way.
        if (!VotingEligibility.MayAttend(d.Category, d.ReplacesDelegateId, d.AbsentWholeCongress))
        {
            return await Refused(CheckInStatus.NotSummoned, d.AbsentWholeCongress
                ? "Đại biểu đã được ghi nhận vắng mặt cả đại hội: không được điểm danh"
                : "Đại biểu dự khuyết chưa được triệu tập thay thế đại biểu chính thức", d, attendance, ct);
        }
        var session = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.IsCurrent, ct);
        if (session is null)
        {
            return Problems.Conflict("Chưa chọn phiên họp hiện tại: Ban Tổ chức cần chọn phiên trước khi điểm danh.");
        }
        var existing = await db.CheckIns.AsNoTracking()
            .FirstOrDefaultAsync(c => c.SessionId == session.Id && c.DelegateId == d.Id && c.UndoneAt == null, ct);
        if (existing is null)
        {
            var checkIn = new Data.CheckIn { Id = Guid.NewGuid(), SessionId = session.Id, DelegateId = d.Id, At = clock.UtcNow, By = user.ActorName() };
            db.CheckIns.Add(checkIn);
            await audit.AppendAsync(user, "checkin.recorded", $"delegate:{d.Code}", new { session = session.Title, how, checkInId = checkIn.Id });
            try
            {
                await db.SaveChangesAsync(ct);
                live.AttendanceChanged();
                var snap = await attendance.SnapshotAsync(ct);
                return TypedResults.Ok(Describe(CheckInStatus.CheckedIn, "Đã điểm danh", d, checkIn.Id, checkIn.At, snap));
            }
            catch (DbUpdateException e) when (!StorageFailure.IsStorage(e))
            {
                // Another desk checked the same delegate in between: the unique index said so.
                db.ChangeTracker.Clear();
                existing = await db.CheckIns.AsNoTracking()
                    .FirstAsync(c => c.SessionId == session.Id && c.DelegateId == d.Id && c.UndoneAt == null, ct);
            }
        }
        var snapshot = await attendance.SnapshotAsync(ct);
        return TypedResults.Ok(Describe(CheckInStatus.Already, $"Đại biểu đã điểm danh lúc {clock.ShortTime(existing.At)}",
            d, existing.Id, existing.At, snapshot));
    }

    private static async Task<Ok<CheckInResult>> Refused(
        string status, string message, CongressDelegate? d, AttendanceService attendance, CancellationToken ct) =>
        TypedResults.Ok(Describe(status, message, d, null, null, await attendance.SnapshotAsync(ct)));

    private static CheckInResult Describe(string status, string message, CongressDelegate? d, Guid? checkInId, DateTime? at, AttendanceSnapshot s) =>
        new(status, message, checkInId, d?.Id, d?.Code, d?.FullName, d?.Delegation?.Name,
            d is null ? null : DelegateWords.CategoryVi(d.Category), d?.Seat, at, s.Present, s.Summoned);

    private static async Task<Results<Ok<UndoResult>, ProblemHttpResult>> Undo(
        Guid id, ElectionDbContext db, AuditLog audit, LiveUpdates live, AttendanceService attendance,
        HallClock clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var checkIn = await db.CheckIns.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (checkIn is null)
        {
            return Problems.NotFound($"Không có lượt điểm danh {id}.");
        }
        if (checkIn.UndoneAt is not null)
        {
            return Problems.Conflict($"Lượt điểm danh này đã được hủy lúc {clock.ShortTime(checkIn.UndoneAt.Value)}.");
        }
        var code = await db.Delegates.Where(d => d.Id == checkIn.DelegateId).Select(d => d.Code).FirstAsync(ct);
        checkIn.UndoneAt = clock.UtcNow;
        checkIn.UndoneBy = user.ActorName();
        await audit.AppendAsync(user, "checkin.undone", $"delegate:{code}", new { checkInId = id });
        await db.SaveChangesAsync(ct);
        live.AttendanceChanged();
        var s = await attendance.SnapshotAsync(ct);
        return TypedResults.Ok(new UndoResult(id, "Đã hủy lượt điểm danh", s.Present, s.Summoned));
    }
}
