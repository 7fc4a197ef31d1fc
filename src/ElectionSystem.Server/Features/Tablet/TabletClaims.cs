using System.Security.Claims;

namespace ElectionSystem.Server.Features.Tablet;

/// <summary>
/// Claims of a delegate's tablet token (role <c>delegate</c>): which delegate, and which tablet
/// session. Any feature on the tablet (open votes now, secret ballots next) reads them from here.
/// </summary>
public static class TabletClaims
{
    public const string DelegateId = "es:delegate";
    public const string TabletSession = "es:tablet";

    public static Guid? FindDelegateId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(DelegateId), out var id) ? id : null;

    public static Guid? FindTabletSession(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(TabletSession), out var id) ? id : null;

    /// <summary>The SignalR group of one tablet session (so a sign-in elsewhere can tell exactly that tablet).</summary>
    public static string TabletGroup(Guid tabletSession) => "tablet:" + tabletSession.ToString("N");
}
