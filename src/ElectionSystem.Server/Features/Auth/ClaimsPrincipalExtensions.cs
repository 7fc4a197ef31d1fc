using System.Security.Claims;

namespace ElectionSystem.Server.Features.Auth;

public static class ClaimsPrincipalExtensions
{
    /// <summary>"userName (role)" as written in the audit log.</summary>
    public static string ActorName(this ClaimsPrincipal user)
    {
        var name = user.Identity?.Name ?? "?";
        var role = user.FindFirstValue(ClaimTypes.Role);
        return role is null ? name : $"{name} ({role})";
    }
}
