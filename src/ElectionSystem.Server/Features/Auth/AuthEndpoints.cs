using System.Security.Claims;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Audit;
using ElectionSystem.Server.Features.Shared;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ElectionSystem.Server.Features.Auth;

public sealed record LoginRequest(string UserName, string Password);

/// <summary>
/// The answer to a successful sign-in: a bearer token (for scripts, tests, SignalR clients) —
/// the same call also sets the page cookie, so a browser needs nothing else. MustChangePassword:
/// the password is a temporary one someone else chose; this sign-in opens nothing but
/// <c>POST /api/auth/password</c> until the account sets its own (TemporaryPasswords).
/// </summary>
public sealed record LoginResponse(string AccessToken, DateTimeOffset ExpiresAt, string UserName, string DisplayName, string Role,
    bool MustChangePassword = false);

public sealed record MeResponse(string Name, string Role, string RoleName);

public static class AuthEndpoints
{
    public static RouteGroupBuilder MapAuth(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/auth").WithTags("Auth");
        group.MapPost("/login", Login).AllowAnonymous().RequireRateLimiting(AuthSetup.LoginRateLimit).DisableAntiforgery();
        group.MapPost("/logout", Logout).RequireAuthorization().DisableAntiforgery();
        group.MapGet("/me", Me).RequireAuthorization();
        group.MapPost("/password", TemporaryPasswords.ChangeAsync).RequireAuthorization(AuthSetup.Require(TemporaryPasswords.AccountRoles))
            .RequireRateLimiting(AuthSetup.LoginRateLimit).DisableAntiforgery();
        return group;
    }

    private static async Task<Results<Ok<LoginResponse>, ProblemHttpResult>> Login(
        LoginRequest request, ElectionDbContext db, LoginThrottle throttle, HttpContext http,
        IOptionsMonitor<BearerTokenOptions> bearerOptions, TimeProvider time, AuditLog audit)
    {
        var ct = http.RequestAborted;
        var userName = request.UserName.Trim();
        var now = throttle.Now;
        var account = await db.Accounts.FirstOrDefaultAsync(a => a.UserName == userName, ct);
        if (account is null)
        {
            return Problems.Unauthorized(WrongPassword);
        }
        // While a wait runs, no password is even looked at: right or wrong, the answer is the same.
        if (throttle.Waiting(account, now) is { } waiting)
        {
            return waiting;
        }
        if (account.Disabled || !PasswordHasher.Verify(request.Password, account.PasswordHash))
        {
            return await throttle.WrongAsync(account, now, "sign-in", WrongPassword, SignInBackOff.Wrong, ct);
        }
        if (await throttle.RightAsync(account, now, ct) is { } raced)
        {
            return raced;
        }

        var (principal, response) = await IssueAsync(account, http, bearerOptions, time);
        await audit.AppendAsync(principal, "auth.signed-in", $"account:{account.UserName}");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(response);
    }

    /// <summary>
    /// A staff sign-in for the account as it is now: the page cookie (set on the response) and a
    /// bearer token, both carrying its security stamp and, while its password is temporary, the
    /// <see cref="TemporaryPasswords.Claim"/>.
    /// </summary>
    internal static async Task<(ClaimsPrincipal Principal, LoginResponse Response)> IssueAsync(
        Account account, HttpContext http, IOptionsMonitor<BearerTokenOptions> bearerOptions, TimeProvider time)
    {
        List<Claim> claims =
        [
            new Claim(ClaimTypes.NameIdentifier, account.Id.ToString()),
            new Claim(ClaimTypes.Name, account.UserName),
            new Claim(ClaimTypes.GivenName, account.DisplayName),
            new Claim(ClaimTypes.Role, account.Role),
            new Claim(StaffSessions.StampClaim, account.SecurityStamp),
        ];
        if (account.MustChangePassword)
        {
            claims.Add(new Claim(TemporaryPasswords.Claim, "1"));
        }
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, "password"));
        var expires = time.GetUtcNow() + AuthSetup.SignInLifetime;
        var properties = new AuthenticationProperties { ExpiresUtc = expires, IsPersistent = true };

        await http.SignInAsync(AuthSetup.CookieScheme, principal, properties);
        var protector = bearerOptions.Get(AuthSetup.BearerScheme).BearerTokenProtector;
        var token = protector.Protect(new AuthenticationTicket(principal, properties, AuthSetup.BearerScheme));
        return (principal, new LoginResponse(token, expires, account.UserName, account.DisplayName, account.Role, account.MustChangePassword));
    }

    private const string WrongPassword = "Tên đăng nhập hoặc mật khẩu không đúng.";

    /// <summary>
    /// Sign-out ends every session of the account at once (its cookies and bearer tokens on every
    /// device, and its hub connections), not just this browser's cookie (ARCHITECTURE.md invariant 7);
    /// a committee member's sign-out ends every session of that member.
    /// </summary>
    private static async Task<NoContent> Logout(
        HttpContext http, ClaimsPrincipal user, ElectionDbContext db, AuditLog audit, StaffSessions sessions, ICommitteeMemberSignOut members, CancellationToken ct)
    {
        // A committee member: a new stamp on their row ends every token and cookie of theirs.
        await members.SignOutAsync(user, ct);
        if (StaffSessions.AccountId(user) is { } id && await db.Accounts.FirstOrDefaultAsync(a => a.Id == id, ct) is { } account)
        {
            StaffSessions.Revoke(account);
            await audit.AppendAsync(user, "auth.signed-out", $"account:{account.UserName}");
            await db.SaveChangesAsync(ct);
            sessions.Ended(account.Id);
        }
        await http.SignOutAsync(AuthSetup.CookieScheme);
        return TypedResults.NoContent();
    }

    private static Ok<MeResponse> Me(ClaimsPrincipal user)
    {
        var role = user.FindFirstValue(ClaimTypes.Role) ?? "";
        return TypedResults.Ok(new MeResponse(user.FindFirstValue(ClaimTypes.GivenName) ?? user.Identity?.Name ?? "", role, Roles.DisplayNameVi(role)));
    }
}
