using System.Security.Claims;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Elections;

namespace ElectionSystem.Server.Features.Duties;

/// <summary>
/// A committee member's session counts only while the delegate is on the committee's list with the
/// stamp the session carries: taken off the list, signed out, given a new activation code or a new
/// list, every token and cookie of theirs stops at once (the request goes on as anonymous, so the
/// API answers 401 and pages go to /login). The stamps are cached (<see cref="CommitteeSessions"/>):
/// one query per member per change, not per request.
/// </summary>
public static class CommitteeMemberSessions
{
    public static IApplicationBuilder UseCommitteeMemberSessions(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (CommitteeMemberClaims.MemberId(http.User) is { } memberId
            && !await http.RequestServices.GetRequiredService<CommitteeSessions>()
                .IsCurrentAsync(memberId, http.User.FindFirstValue(StaffSessions.StampClaim), http.RequestAborted))
        {
            if (AuthSetup.UsesCookie(http))
            {
                await Microsoft.AspNetCore.Authentication.AuthenticationHttpContextExtensions.SignOutAsync(http, AuthSetup.CookieScheme);
            }
            http.User = new ClaimsPrincipal(new ClaimsIdentity());
        }
        await next(http);
    });
}
