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
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ElectionSystem.Server.Features.Duties;

/// <summary>
/// A member's committee sign-in: badge or code and PIN, plus their committee passphrase; the first
/// time, instead of the passphrase, the one-time activation code from the presidium and a new
/// passphrase twice.
/// </summary>
public sealed record CommitteeSignInRequest(
    string? Badge, string? Code, string? Pin, string? Passphrase = null,
    string? ActivationCode = null, string? NewPassphrase = null, string? NewPassphraseAgain = null)
{
    public TabletSignInRequest Delegate => new(Badge, Code, Pin);
}

public sealed record CommitteeSignInResponse(string AccessToken, DateTimeOffset ExpiresAt, Guid DelegateId, string Code, string FullName, bool IsChair);

/// <summary>
/// A counting-committee member signs in at /committee with their own badge or code and PIN (the
/// tablet's check and back-off, ADR 0009) and their own committee passphrase (<see cref="CommitteeSecret"/>),
/// which no organiser holds: the organiser prints the PIN slips, the presidium hands out the
/// activation codes. The session is role counting-committee plus the member's delegate id and the
/// stamp of their row (<see cref="CommitteeMemberClaims"/>, <see cref="CommitteeMemberSessions"/>).
/// Their tablet session is left as it is. Only delegates on the committee's list get one (ADR 0010).
/// </summary>
public static class CommitteeSignIn
{
    public const string NotOnTheList = "Đồng chí không có tên trong Ban Kiểm phiếu do Đại hội biểu quyết.";

    internal static async Task<Results<Ok<CommitteeSignInResponse>, ProblemHttpResult>> SignIn(
        CommitteeSignInRequest request, ElectionDbContext db, BadgeSigning badges, IOptionsMonitor<BearerTokenOptions> bearerOptions,
        TimeProvider time, PinThrottle throttle, SignInBackOff backOff, AuditLog audit, CommitteeSecret secret, HttpContext http)
    {
        var ct = http.RequestAborted;
        var checkedPin = await TabletSignIn.CheckPinAsync(request.Delegate, db, badges, time, throttle, backOff, audit, ct);
        if (checkedPin.Problem is { } refused) return refused;
        var d = checkedPin.Value.Delegate;
        var member = await db.Set<CountingCommitteeMember>().AsNoTracking().FirstOrDefaultAsync(m => m.DelegateId == d.Id, ct);
        if (member is null)
        {
            return Problems.Forbidden(NotOnTheList);
        }
        if (await secret.CheckAsync(member, d, request, time.GetUtcNow().UtcDateTime, ct) is { } notYet)
        {
            return notYet;
        }
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, d.Id.ToString()),
            new Claim(ClaimTypes.Name, d.Code),
            new Claim(ClaimTypes.GivenName, d.FullName),
            new Claim(ClaimTypes.Role, Roles.CountingCommittee),
            new Claim(CommitteeMemberClaims.Member, d.Id.ToString()),
            new Claim(StaffSessions.StampClaim, member.SecurityStamp),
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

/// <summary>
/// A member's sign-out (<c>/api/auth/logout</c>, the committee page's "Đăng xuất") gives their row
/// a new stamp: every token and cookie of that member ends at once, on every device.
/// </summary>
public sealed class CommitteeSignOut(ElectionDbContext db, AuditLog audit, CommitteeSessions sessions) : ICommitteeMemberSignOut
{
    public async Task SignOutAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (CommitteeMemberClaims.MemberId(user) is not { } id
            || await db.Set<CountingCommitteeMember>().FirstOrDefaultAsync(m => m.DelegateId == id, ct) is not { } member)
        {
            return;
        }
        CommitteeSessions.Revoke(member);
        await audit.AppendAsync(user, "committee.signed-out", $"delegate:{user.Identity?.Name}");
        await db.SaveChangesAsync(ct);
        sessions.Ended(id);
    }
}
