using System.Security.Claims;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Audit;
using ElectionSystem.Server.Features.Shared;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ElectionSystem.Server.Features.Auth;

/// <summary>A staff account sets its own password: the one it signed in with, and the new one.</summary>
public sealed record PasswordChangeRequest(string CurrentPassword, string NewPassword);

/// <summary>
/// Every password the server makes (a new account, a reset, the first run's "admin") is known to
/// whoever handed it over, so it is temporary: a sign-in with it carries <see cref="Claim"/> and
/// opens nothing but the change of password, sign-out and "who am I" until the account sets its own
/// (<c>POST /api/auth/password</c>). The change gives the account a new security stamp, so every other
/// session ends, and the password the organiser knew stops working. Any staff account may change its
/// own password at any time. The claim needs no lookup: the flag is only ever set by a reset (a new
/// stamp) and cleared by a change (a new stamp), so a session that still counts carries it exactly
/// when the account has it.
/// </summary>
public static class TemporaryPasswords
{
    public const string Claim = "es:temporary-password";

    public const string AccountRoles = Roles.Organiser + "," + Roles.Presidium + "," + Roles.CountingCommittee + ","
        + Roles.CheckInStaff + "," + Roles.EntryOperator;

    public const string MustChange = "Tài khoản đang dùng mật khẩu tạm do Ban Tổ chức cấp. Hãy đổi sang mật khẩu của riêng đồng chí "
        + "(trang Đăng nhập, mục \"Đổi mật khẩu\") trước khi làm việc khác.";

    public const string WrongCurrent = "Mật khẩu hiện tại không đúng.";

    /// <summary>400 (the session stays; only the current password was wrong), with the wait it started as <c>retryAt</c>.</summary>
    private static ProblemHttpResult WrongCurrentAnswer(string detail, DateTime? until) => Problems.BadRequest(detail,
        until is { } u ? new Dictionary<string, object?> { ["retryAt"] = DateTime.SpecifyKind(u, DateTimeKind.Utc) } : null);
    public const string SameAsUserName = "Mật khẩu mới không được trùng với tên đăng nhập.";
    public const string NoPasswordHere = "Thành viên Ban Kiểm phiếu đăng nhập bằng mã PIN của mình, không có mật khẩu để đổi.";

    /// <summary>What a temporary password's sign-in may reach: sign-in itself and the change, the page to make it, health.</summary>
    private static bool Allowed(PathString path) =>
        path.StartsWithSegments("/api/auth") || path.StartsWithSegments("/login") || path.StartsWithSegments("/health");

    public static IApplicationBuilder UseTemporaryPasswords(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (StaffSessions.IsStaff(http.User) && http.User.HasClaim(Claim, "1") && !Allowed(http.Request.Path))
        {
            var path = http.Request.Path;
            if (path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs") || !HttpMethods.IsGet(http.Request.Method))
            {
                http.Response.StatusCode = StatusCodes.Status403Forbidden;
                await http.Response.WriteAsJsonAsync(new ProblemDetails
                {
                    Status = StatusCodes.Status403Forbidden,
                    Title = "Cần đổi mật khẩu",
                    Detail = MustChange,
                    Extensions = { ["mustChangePassword"] = true },
                }, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", http.RequestAborted);
            }
            else
            {
                http.Response.Redirect("/login?doimatkhau=1");
            }
            return;
        }
        await next(http);
    });

    /// <summary>
    /// The account's own new password: the current one checked, the new one not the user name; the
    /// flag cleared, a new stamp (every other session ends), audited; answered with a fresh sign-in
    /// (cookie and token) like <c>/api/auth/login</c>. A wrong current password counts in the
    /// account's sign-in back-off (ADR 0009), and while its wait runs the right one is refused too.
    /// </summary>
    public static async Task<Results<Ok<LoginResponse>, ProblemHttpResult>> ChangeAsync(
        PasswordChangeRequest request, ClaimsPrincipal user, HttpContext http, ElectionDbContext db, AuditLog audit, StaffSessions sessions,
        LoginThrottle throttle, IOptionsMonitor<BearerTokenOptions> bearerOptions, TimeProvider time)
    {
        var ct = http.RequestAborted;
        if (StaffSessions.AccountId(user) is not { } id)
        {
            return Problems.Forbidden(NoPasswordHere);
        }
        var account = await db.Accounts.FirstOrDefaultAsync(a => a.Id == id && !a.Disabled, ct);
        if (account is null)
        {
            return Problems.NotFound("Không tìm thấy tài khoản đang đăng nhập.");
        }
        var now = throttle.Now;
        if (throttle.Waiting(account, now) is { } waiting)
        {
            return waiting;
        }
        if (!PasswordHasher.Verify(request.CurrentPassword, account.PasswordHash))
        {
            return await throttle.WrongAsync(account, now, "password-change", WrongCurrent, WrongCurrentAnswer, ct);
        }
        if (await throttle.RightAsync(account, now, ct) is { } raced)
        {
            return raced;
        }
        if (string.Equals(request.NewPassword.Trim(), account.UserName, StringComparison.OrdinalIgnoreCase))
        {
            return Problems.BadRequest(SameAsUserName);
        }
        account.PasswordHash = PasswordHasher.Hash(request.NewPassword);
        var wasTemporary = account.MustChangePassword;
        account.MustChangePassword = false;
        StaffSessions.Revoke(account);
        await audit.AppendAsync(user, "account.password-changed", $"account:{account.UserName}", new { wasTemporary });
        await db.SaveChangesAsync(ct);
        sessions.Ended(account.Id);
        var (_, response) = await AuthEndpoints.IssueAsync(account, http, bearerOptions, time);
        return TypedResults.Ok(response);
    }
}
