using System.Security.Claims;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.Auth;

/// <summary>
/// Which staff sign-ins still count. Every cookie and bearer token carries the account's security
/// stamp (<see cref="StampClaim"/>); a request counts only while it equals the stored stamp of an
/// account that is not disabled. Sign-out, password reset, disable and role change give the account
/// a new stamp (<see cref="Revoke"/>), which ends every cookie and token of it at once; the cache and
/// <see cref="SessionStamps.Ended"/> are <see cref="SessionStamps"/>'. Delegate tablets and display
/// keys have checks of their own (TabletSessions, DisplayKeyAuthenticationHandler).
/// </summary>
public sealed class StaffSessions(IServiceScopeFactory scopes, SignedInConnections connections, IHallBus bus)
    : SessionStamps("staff-ended", scopes, connections, bus)
{
    public const string StampClaim = "es:stamp";

    /// <summary>A staff principal: one of the account roles (not a display, not a delegate's tablet).</summary>
    public static bool IsStaff(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && user.FindFirstValue(ClaimTypes.Role) is { } role && Roles.AccountRoles.Contains(role)
        && CommitteeMemberClaims.MemberId(user) is null;

    /// <summary>The account a staff principal signed in as (null for displays, tablets and anonymous callers).</summary>
    public static Guid? AccountId(ClaimsPrincipal user) =>
        IsStaff(user) && Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <summary>Before the save: a new stamp, so every cookie and token signed with the old one stops counting.</summary>
    public static void Revoke(Account account) => account.SecurityStamp = Account.NewStamp();

    public Task<bool> IsCurrentAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        AccountId(user) is { } accountId ? MatchesAsync(accountId, user.FindFirstValue(StampClaim), cancellationToken) : Task.FromResult(false);

    protected override Task<string?> LoadStampAsync(ElectionDbContext db, Guid id, CancellationToken ct) =>
        db.Accounts.AsNoTracking().Where(a => a.Id == id && !a.Disabled).Select(a => a.SecurityStamp).FirstOrDefaultAsync(ct);

    protected override string ConnectionSubject(Guid id) => SignedInConnections.AccountSubject(id);
}

/// <summary>
/// Refuses a staff cookie or token whose stamp is no longer the account's: the request goes on as
/// anonymous, so pages redirect to /login and the API answers 401; a stale cookie is also deleted.
/// </summary>
public static class StaffSessionMiddleware
{
    public static IApplicationBuilder UseStaffSessions(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (StaffSessions.IsStaff(http.User)
            && !await http.RequestServices.GetRequiredService<StaffSessions>().IsCurrentAsync(http.User, http.RequestAborted))
        {
            if (AuthSetup.UsesCookie(http))
            {
                await http.SignOutAsync(AuthSetup.CookieScheme);
            }
            http.User = new ClaimsPrincipal(new ClaimsIdentity());
        }
        await next(http);
    });
}
