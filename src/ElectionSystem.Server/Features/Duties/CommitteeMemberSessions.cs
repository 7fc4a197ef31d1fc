using System.Security.Claims;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Elections;

namespace ElectionSystem.Server.Features.Duties;

/// <summary>
/// A committee member's session counts only while the delegate is on the committee's list: taken
/// off the list, every token and cookie of theirs stops at once (the request goes on as anonymous,
/// so the API answers 401 and pages go to /login). One indexed query per member request; members are few.
/// </summary>
public static class CommitteeMemberSessions
{
    public static IApplicationBuilder UseCommitteeMemberSessions(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (CommitteeMemberClaims.MemberId(http.User) is { } memberId
            && !await CountingCommitteeMembers.IsMemberAsync(http.RequestServices.GetRequiredService<ElectionDbContext>(), memberId, http.RequestAborted))
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
