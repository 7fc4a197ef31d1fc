using System.Globalization;
using System.Threading.RateLimiting;
using ElectionSystem.Server.Hosting;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ElectionSystem.Server.Features.Auth;

/// <summary>
/// Authentication: one policy scheme ("Hall") that forwards to
/// <list type="bullet">
/// <item>DisplayKey when a display key arrives (<c>?key=</c>, <c>access_token=dk_…</c>, <c>Bearer dk_…</c>);</item>
/// <item>BearerToken when an Authorization header or a hub <c>access_token</c> is present (scripts, tests, SignalR clients);</item>
/// <item>the cookie otherwise (pages; an unauthenticated page request is redirected to /login, an API call gets 401).</item>
/// </list>
/// Tokens and cookies are protected by Data Protection keys kept in the data folder, so they survive restarts.
/// </summary>
public static class AuthSetup
{
    public const string HallScheme = "Hall";
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string BearerScheme = BearerTokenDefaults.AuthenticationScheme;
    public const string LoginRateLimit = "login";

    /// <summary>Tablet sign-ins: a hall's Wi-Fi may put every tablet behind one address (NAT).</summary>
    public const string TabletSignInRateLimit = "tablet-signin";
    public const string CookieName = "es_auth";
    public static readonly TimeSpan SignInLifetime = TimeSpan.FromHours(14);

    public static IServiceCollection AddHallAuth(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidatedOnStart();
        services.AddDataProtection().SetApplicationName("ElectionSystem");
        // Keys in {DataFolder}/keys (what PersistKeysToFileSystem does, but reading the folder from
        // the validated options rather than before the container exists); with two hall servers in the
        // database they share (DatabaseKeyRing), so either reads the other's cookies and tokens.
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<HallOptions>, IOptions<HallNodesOptions>, ILoggerFactory, IServiceScopeFactory>(
            (o, hall, nodes, logs, scopes) => o.XmlRepository = nodes.Value.Several
                ? new DatabaseKeyRing(scopes)
                : new FileSystemXmlRepository(new DirectoryInfo(Path.Combine(hall.Value.DataFolder, "keys")), logs));

        services.AddAuthentication(HallScheme)
            .AddPolicyScheme(HallScheme, "Cookie, bearer token or display key", o => o.ForwardDefaultSelector = SelectScheme)
            .AddCookie(CookieScheme, o =>
            {
                o.LoginPath = "/login";
                o.Cookie.Name = CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                // Secure whenever the request came over HTTPS (directly or through the known proxy),
                // so the sign-in never travels back over plain HTTP; the demo on http://localhost still works.
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = SignInLifetime;
                o.SlidingExpiration = true;
                o.Events.OnRedirectToLogin = ctx => RedirectOrStatus(ctx.HttpContext, ctx.RedirectUri, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => RedirectOrStatus(ctx.HttpContext, null, StatusCodes.Status403Forbidden);
            })
            .AddBearerToken(BearerScheme, o =>
            {
                o.BearerTokenExpiration = SignInLifetime;
                o.Events.OnMessageReceived = ctx =>
                {
                    // Browsers cannot set headers on WebSockets/SSE: SignalR sends the token in the query.
                    if (ctx.Request.Path.StartsWithSegments("/hubs")
                        && ctx.Request.Query.TryGetValue("access_token", out var token))
                    {
                        ctx.Token = token;
                    }
                    return Task.CompletedTask;
                };
            })
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, DisplayKeyAuthenticationHandler>(
                DisplayKeyAuthenticationHandler.SchemeName, null);

        services.AddAuthorization();
        services.AddSingleton<SignInBackOff>();
        services.AddScoped<LoginThrottle>();
        services.AddScoped<StaffAccounts>();
        services.AddSingleton<SignedInConnections>();
        services.AddSingleton<StaffSessions>();

        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<AuthOptions>, IOptions<HallLoadOptions>>((o, auth, load) =>
        {
            var perMinute = auth.Value.LoginAttemptsPerMinutePerAddress;
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (ctx, ct) =>
            {
                var problem = new ProblemDetails
                {
                    Status = 429,
                    Title = "Quá nhiều lần thử",
                    Detail = "Đăng nhập sai quá nhiều lần từ máy này. Xin chờ một phút rồi thử lại.",
                };
                await ctx.HttpContext.Response.WriteAsJsonAsync(problem, ct);
            };
            // Ballots, ballot fetches and turnout: at most this many in progress, the rest wait in
            // order (never refused). Each request in progress holds a thread through SQLite's
            // synchronous calls and a pooled connection; queued requests hold none (ADR 0007).
            // Enough stay in progress for the ballot writer's group commit to fill its batches.
            var inFlight = load.Value.ElectionRequestsInFlight;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(ctx =>
                ctx.Request.Path.StartsWithSegments("/api/elections")
                    ? RateLimitPartition.GetConcurrencyLimiter("elections", _ => new ConcurrencyLimiterOptions
                    {
                        PermitLimit = inFlight,
                        QueueLimit = 100_000,
                        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                    })
                    : RateLimitPartition.GetNoLimiter(""));
            o.AddPolicy(LoginRateLimit, ctx => RateLimitPartition.GetFixedWindowLimiter(
                ctx.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1) }));
            // Per address only far above a hall's tablet count; a guessed PIN is stopped per delegate (SignInBackOff).
            var tabletsPerMinute = auth.Value.TabletSignInsPerMinutePerAddress;
            o.AddPolicy(TabletSignInRateLimit, ctx => RateLimitPartition.GetFixedWindowLimiter(
                ctx.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = tabletsPerMinute, Window = TimeSpan.FromMinutes(1) }));
        });
        return services;
    }

    private static string SelectScheme(HttpContext ctx)
    {
        if (DisplayKeyAuthenticationHandler.FindKey(ctx.Request) is not null)
        {
            return DisplayKeyAuthenticationHandler.SchemeName;
        }
        if (ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            || (ctx.Request.Path.StartsWithSegments("/hubs") && ctx.Request.Query.ContainsKey("access_token")))
        {
            return BearerScheme;
        }
        return CookieScheme;
    }

    /// <summary>Whether the request is authenticated by the page cookie (no bearer token, no display key, and the cookie is there).</summary>
    public static bool UsesCookie(HttpContext ctx) =>
        SelectScheme(ctx) == CookieScheme && ctx.Request.Cookies.ContainsKey(CookieName);

    private static Task RedirectOrStatus(HttpContext http, string? redirectUri, int status)
    {
        var path = http.Request.Path;
        if (redirectUri is null || path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs"))
        {
            http.Response.StatusCode = status;
        }
        else
        {
            http.Response.Redirect(redirectUri);
        }
        return Task.CompletedTask;
    }

    /// <summary>Route-group helper: <c>group.RequireAuthorization(Roles.Require(Roles.CheckInDesk))</c>.</summary>
    public static Microsoft.AspNetCore.Authorization.AuthorizeAttribute Require(string roles) => new() { Roles = roles };

    internal static string Minutes(TimeSpan t) => Math.Ceiling(t.TotalMinutes).ToString(CultureInfo.InvariantCulture);
}
