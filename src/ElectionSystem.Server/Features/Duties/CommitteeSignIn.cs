using System.Security.Claims;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Audit;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Badges;
using ElectionSystem.Server.Features.Elections;
using ElectionSystem.Server.Features.Shared;
using ElectionSystem.Server.Features.Tablet;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ElectionSystem.Server.Features.Duties;

public sealed record CommitteeSignInResponse(string AccessToken, DateTimeOffset ExpiresAt, Guid DelegateId, string Code, string FullName, bool IsChair);

/// <summary>
/// A counting-committee member signs in at /committee with their own badge or code and PIN (the
/// tablet's check and back-off, ADR 0009), and gets a member session: role counting-committee plus
/// their delegate id (<see cref="CommitteeMemberClaims"/>). Their tablet session is left as it is.
/// Only delegates on the committee's list get one (ADR 0010).
/// </summary>
public static class CommitteeSignIn
{
    public const string NotOnTheList = "Đồng chí không có tên trong Ban Kiểm phiếu do Đại hội biểu quyết.";

    internal static async Task<Results<Ok<CommitteeSignInResponse>, ProblemHttpResult>> SignIn(
        TabletSignInRequest request, ElectionDbContext db, BadgeSigning badges, IOptionsMonitor<BearerTokenOptions> bearerOptions,
        TimeProvider time, PinThrottle throttle, SignInBackOff backOff, AuditLog audit, CountingCommitteeMembers members, HttpContext http)
    {
        var ct = http.RequestAborted;
        var checkedPin = await TabletSignIn.CheckPinAsync(request, db, badges, time, throttle, backOff, audit, ct);
        if (checkedPin.Problem is { } refused) return refused;
        var d = checkedPin.Value.Delegate;
        var member = (await members.ListAsync(ct)).FirstOrDefault(m => m.DelegateId == d.Id);
        if (member is null)
        {
            return Problems.Forbidden(NotOnTheList);
        }
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, d.Id.ToString()),
            new Claim(ClaimTypes.Name, d.Code),
            new Claim(ClaimTypes.GivenName, d.FullName),
            new Claim(ClaimTypes.Role, Roles.CountingCommittee),
            new Claim(CommitteeMemberClaims.Member, d.Id.ToString()),
        ], "pin"));
        var expires = time.GetUtcNow() + AuthSetup.SignInLifetime;
        var properties = new AuthenticationProperties { ExpiresUtc = expires, IsPersistent = true };
        await http.SignInAsync(AuthSetup.CookieScheme, principal, properties);
        var token = bearerOptions.Get(AuthSetup.BearerScheme).BearerTokenProtector
            .Protect(new AuthenticationTicket(principal, properties, AuthSetup.BearerScheme));
        await audit.AppendAsync(principal, "committee.signed-in", $"delegate:{d.Code}");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new CommitteeSignInResponse(token, expires, d.Id, d.Code, d.FullName, member.IsChair));
    }
}
