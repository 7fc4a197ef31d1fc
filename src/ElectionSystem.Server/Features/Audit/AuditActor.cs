using System.Security.Claims;

namespace ElectionSystem.Server.Features.Audit;

/// <summary>
/// How the audit log names who did something. Here, not in Auth: Auth writes to the audit log, so
/// the log must not depend on Auth (Audit comes first in the dependency order).
/// </summary>
public static class AuditActor
{
    /// <summary>"userName (role)" as written in the audit log.</summary>
    public static string ActorName(this ClaimsPrincipal user)
    {
        var name = user.Identity?.Name ?? "?";
        var role = user.FindFirstValue(ClaimTypes.Role);
        return role is null ? name : $"{name} ({role})";
    }
}
