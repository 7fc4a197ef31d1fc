using System.Security.Claims;
using System.Text.Encodings.Web;
using ElectionSystem.Server.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ElectionSystem.Server.Features.Auth;

/// <summary>
/// Authenticates a screen by its display key as role <see cref="Roles.Display"/>. The key comes as
/// <c>?key=</c> (pages, state API), <c>?access_token=</c> (hub) or <c>Authorization: Bearer dk_…</c>.
/// </summary>
public sealed class DisplayKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IServiceScopeFactory scopes)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "DisplayKey";

    public static string? FindKey(HttpRequest request)
    {
        if (request.Query.TryGetValue("key", out var key) && !string.IsNullOrEmpty(key))
        {
            return key.ToString();
        }
        if (request.Query.TryGetValue("access_token", out var token) && token.ToString().StartsWith(DisplayKeys.Prefix, StringComparison.Ordinal))
        {
            return token.ToString();
        }
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer " + DisplayKeys.Prefix, StringComparison.Ordinal) ? header["Bearer ".Length..] : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = FindKey(Request);
        if (key is null)
        {
            return AuthenticateResult.NoResult();
        }
        var hash = DisplayKeys.HashKey(key);
        // A scope of its own: a screen's hub connection is one request that lasts all day, and its
        // request scope would otherwise keep a database context for as long.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ElectionDbContext>();
        var display = await db.DisplayKeys.AsNoTracking()
            .Where(k => k.KeyHash == hash && !k.Revoked)
            .Select(k => new { k.Id, k.Name })
            .FirstOrDefaultAsync(Context.RequestAborted);
        if (display is null)
        {
            return AuthenticateResult.Fail("Khóa màn hình không hợp lệ hoặc đã bị thu hồi.");
        }
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, display.Id.ToString()),
            new Claim(ClaimTypes.Name, "màn hình " + display.Name),
            new Claim(ClaimTypes.Role, Roles.Display),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
