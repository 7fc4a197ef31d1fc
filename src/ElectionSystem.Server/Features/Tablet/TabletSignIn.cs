using System.Security.Claims;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Audit;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Badges;
using ElectionSystem.Server.Features.Live;
using ElectionSystem.Server.Features.Shared;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ElectionSystem.Server.Features.Tablet;

/// <summary>Sign in with the badge's QR token or the delegate code, plus the PIN.</summary>
public sealed record TabletSignInRequest(string? Badge, string? Code, string? Pin);

public sealed record TabletDelegate(Guid Id, string Code, string FullName, string Delegation);

public sealed record TabletSignInResponse(string AccessToken, DateTimeOffset ExpiresAt, Guid TabletSession, TabletDelegate Delegate);

/// <summary>Hub message to a tablet whose session was replaced by a sign-in on another tablet.</summary>
public sealed record TabletSignedOut(string Reason);

/// <summary>
/// Delegate sign-in on a tablet. Wrong PINs start a back-off that grows (<see cref="PinThrottle"/>,
/// ADR 0009): while it runs every attempt is refused, the right PIN too. A successful sign-in starts a new tablet session: the token carries it, the delegate's row
/// keeps it, and the previous tablet is told at once (hub) and refused from then on (middleware).
/// </summary>
public static class TabletSignIn
{
    internal static async Task<Results<Ok<TabletSignInResponse>, ProblemHttpResult>> SignIn(
        TabletSignInRequest request, ElectionDbContext db, BadgeSigning badges, TabletSessions sessions,
        IOptionsMonitor<BearerTokenOptions> bearerOptions, TimeProvider time, PinThrottle throttle, SignInBackOff backOff,
        AuditLog audit, ILiveChannel channel, CancellationToken ct)
    {
        var checkedPin = await CheckPinAsync(request, db, badges, time, throttle, backOff, audit, ct);
        if (checkedPin.Problem is { } refused) return refused;
        var (d, credential) = checkedPin.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var previous = credential.TabletSessionId;
        var tabletSession = Guid.NewGuid();
        credential.TabletSessionId = tabletSession;
        credential.SignedInAt = now;
        await audit.AppendAsync($"{d.Code} (delegate)", "tablet.signed-in", $"delegate:{d.Code}", new { otherTabletSignedOut = previous is not null });
        await db.SaveChangesAsync(ct);
        sessions.Set(d.Id, tabletSession);
        if (previous is { } old)
        {
            await channel.SendAsync(TabletClaims.TabletGroup(old), nameof(ITabletClient.SignedOut), new TabletSignedOut(TabletSessions.SignedInElsewhere));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, d.Id.ToString()),
            new Claim(ClaimTypes.Name, d.Code),
            new Claim(ClaimTypes.GivenName, d.FullName),
            new Claim(ClaimTypes.Role, Roles.Delegate),
            new Claim(TabletClaims.DelegateId, d.Id.ToString()),
            new Claim(TabletClaims.TabletSession, tabletSession.ToString()),
        ], "pin"));
        var expires = time.GetUtcNow() + AuthSetup.SignInLifetime;
        var properties = new AuthenticationProperties { ExpiresUtc = expires, IsPersistent = true };
        var token = bearerOptions.Get(AuthSetup.BearerScheme).BearerTokenProtector
            .Protect(new AuthenticationTicket(principal, properties, AuthSetup.BearerScheme));
        return TypedResults.Ok(new TabletSignInResponse(token, expires, tabletSession, d.ToTablet()));
    }

    /// <summary>
    /// The delegate's own badge or code and PIN, under the per-delegate back-off (ADR 0009): the tablet's
    /// sign-in and a counting-committee member's sign-in (ADR 0010) both use it. Touches no session.
    /// </summary>
    public static async Task<ProblemOr<(CongressDelegate Delegate, DelegateCredential Credential)>> CheckPinAsync(
        TabletSignInRequest request, ElectionDbContext db, BadgeSigning badges, TimeProvider time, PinThrottle throttle,
        SignInBackOff backOff, AuditLog audit, CancellationToken ct)
    {
        // A well-formed PIN and a badge or a code: TabletSignInRequestValidator.
        CongressDelegate? d;
        if (!string.IsNullOrWhiteSpace(request.Badge))
        {
            var holder = await badges.IdentifyAsync(db, request.Badge, ct);
            if (holder.Status == BadgeHolderStatus.NotGenuine)
            {
                return Problems.Unauthorized("Thẻ không hợp lệ. Hãy quét lại hoặc nhập mã đại biểu.");
            }
            d = holder.Delegate;
            if (holder.Status == BadgeHolderStatus.Revoked)
            {
                return Problems.Unauthorized("Thẻ đã bị thu hồi. Xin dùng thẻ mới hoặc nhập mã đại biểu.");
            }
        }
        else
        {
            var code = request.Code!.Trim().ToUpperInvariant();
            d = await db.Delegates.Include(x => x.Delegation).FirstOrDefaultAsync(x => x.Code == code, ct);
        }
        if (d is null)
        {
            return Problems.Unauthorized("Không tìm thấy đại biểu với mã này. Xin kiểm tra lại mã trên thẻ.");
        }

        var credential = await db.Set<DelegateCredential>().FirstOrDefaultAsync(c => c.DelegateId == d.Id, ct);
        if (credential?.PinHash is null)
        {
            return Problems.Unauthorized("Đồng chí chưa được cấp mã PIN. Xin liên hệ Ban Tổ chức.");
        }
        var now = time.GetUtcNow().UtcDateTime;
        // While a wait runs, no PIN is even looked at: right or wrong, the answer is the same.
        if (credential.BackOffUntil is { } waiting && waiting > now)
        {
            return Waiting(waiting, now, backOff);
        }

        if (!PinHasher.Verify(request.Pin!, credential.PinHash))
        {
            var counted = await throttle.FailedAsync(d.Id, now, ct);
            if (counted is null)
            {
                return Waiting(await throttle.WaitingUntilAsync(d.Id, now, ct), now, backOff);
            }
            if (counted.Until is { } until)
            {
                await audit.AppendAsync($"{d.Code} (delegate)", "tablet.pin-back-off", $"delegate:{d.Code}", new { failures = counted.Failures, until });
                await db.SaveChangesAsync(ct);
                return SignInBackOff.Wrong($"Mã PIN không đúng (sai {counted.Failures} lần liên tiếp). {backOff.TryAgain(until, now)}", until);
            }
            return Problems.Unauthorized("Mã PIN không đúng. Xin kiểm tra phiếu mã PIN và nhập lại.");
        }
        if (!await throttle.SucceededAsync(d.Id, now, ct))
        {
            // Wrong PINs raced this one and started a wait first: it holds for the right PIN too.
            return Waiting(await throttle.WaitingUntilAsync(d.Id, now, ct), now, backOff);
        }

        return (d, credential);
    }

    internal static async Task<NoContent> SignOut(ClaimsPrincipal user, ElectionDbContext db, TabletSessions sessions, AuditLog audit, CancellationToken ct)
    {
        if (user.FindDelegateId() is { } id && user.FindTabletSession() is { } session)
        {
            var credential = await db.Set<DelegateCredential>().FirstOrDefaultAsync(c => c.DelegateId == id && c.TabletSessionId == session, ct);
            if (credential is not null)
            {
                credential.TabletSessionId = null;
                await audit.AppendAsync(user, "tablet.signed-out", $"delegate:{user.Identity?.Name}");
                await db.SaveChangesAsync(ct);
                sessions.Set(id, null);
            }
        }
        return TypedResults.NoContent();
    }

    internal static TabletDelegate ToTablet(this CongressDelegate d) => new(d.Id, d.Code, d.FullName, d.Delegation?.Name ?? "");

    private static ProblemHttpResult Waiting(DateTime until, DateTime now, SignInBackOff backOff) => SignInBackOff.Waiting(
        $"Đã nhập sai mã PIN nhiều lần liên tiếp, đăng nhập đang phải chờ. {backOff.TryAgain(until, now)}", until);
}
