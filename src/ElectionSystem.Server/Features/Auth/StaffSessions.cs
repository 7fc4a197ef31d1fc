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
/// a new stamp (<see cref="Revoke"/>), which ends every cookie and token of it at once.
/// The stored stamps are cached here, so a request costs no query; <see cref="Ended"/> drops an
/// account's entry after its change is saved and closes its open hub connections, here and (through
/// <see cref="IHallBus"/>) on the other hall server, whose cached entries also expire by themselves. Delegate tablets
/// and display keys have checks of their own (TabletSessions, DisplayKeyAuthenticationHandler).
/// </summary>
public sealed class StaffSessions
{
    public const string StampClaim = "es:stamp";
    private const string Topic = "staff-ended";

    private readonly IServiceScopeFactory scopes;
    private readonly SignedInConnections connections;
    private readonly IHallBus bus;
    private readonly NodeCache<Guid, string?> _stamps;

    public StaffSessions(IServiceScopeFactory scopes, SignedInConnections connections, IHallBus bus)
    {
        this.scopes = scopes;
        this.connections = connections;
        this.bus = bus;
        _stamps = new NodeCache<Guid, string?>(bus.CacheLifetime);
        bus.Subscribe(Topic, id =>
        {
            if (Guid.TryParse(id, out var accountId)) EndedHere(accountId);
        });
    }

    /// <summary>A staff principal: one of the account roles (not a display, not a delegate's tablet).</summary>
    public static bool IsStaff(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && user.FindFirstValue(ClaimTypes.Role) is { } role && Roles.AccountRoles.Contains(role)
        && CommitteeMemberClaims.MemberId(user) is null;

    /// <summary>The account a staff principal signed in as (null for displays, tablets and anonymous callers).</summary>
    public static Guid? AccountId(ClaimsPrincipal user) =>
        IsStaff(user) && Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <summary>Before the save: a new stamp, so every cookie and token signed with the old one stops counting.</summary>
    public static void Revoke(Account account) => account.SecurityStamp = Account.NewStamp();

    /// <summary>After the save of a <see cref="Revoke"/>: forget the cached stamp and close the account's hub connections.</summary>
    public void Ended(Guid accountId)
    {
        EndedHere(accountId);
        bus.Publish(Topic, accountId.ToString("N"));
    }

    private void EndedHere(Guid accountId)
    {
        _stamps.Remove(accountId);
        connections.Abort(SignedInConnections.AccountSubject(accountId));
    }

    public async Task<bool> IsCurrentAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (AccountId(user) is not { } accountId || user.FindFirstValue(StampClaim) is not { } stamp)
        {
            return false;
        }
        // A change saved (here or on the other node) while the query runs does not leave its old stamp in the cache.
        var current = await _stamps.GetOrLoadAsync(accountId, async (id, ct) =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ElectionDbContext>();
            return await db.Accounts.AsNoTracking().Where(a => a.Id == id && !a.Disabled)
                .Select(a => a.SecurityStamp).FirstOrDefaultAsync(ct);
        }, cancellationToken);
        return current is not null && string.Equals(current, stamp, StringComparison.Ordinal);
    }
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
