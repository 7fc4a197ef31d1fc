using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text.RegularExpressions;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Live;
using ElectionSystem.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ElectionSystem.Server.Tests.Security;

/// <summary>
/// Every endpoint the server maps, found by enumeration (so a new one cannot slip by): without
/// credentials it refuses (401, or a redirect to /login for pages) unless it is on the open
/// allow-list; with a role it does not allow it answers 403. Every hub method likewise.
/// </summary>
public partial class EndpointAuthorizationTests(HallFactory hall) : IClassFixture<HallFactory>
{
    /// <summary>Open on purpose: health, sign-in (staff and tablet; API and page), the OpenAPI document.</summary>
    private static readonly HashSet<string> OpenEndpoints =
    [
        "GET /health", "POST /api/auth/login", "GET /login", "GET /openapi/{documentName}.json",
        // A delegate signs in on the tablet page with badge or code + PIN.
        "POST /api/tablet/signin", "GET /tablet",
        // A counting-committee member signs in with their own badge or code + PIN (ADR 0010).
        "POST /api/committee/signin",
        // The front door: links to the sign-in pages, or sends a signed-in role to its screen.
        "GET /",
    ];

    private sealed record Target(string Method, string Pattern, string Url, IReadOnlyList<string>? AllowedRoles, bool Anonymous);

    private List<Target> Targets()
    {
        var targets = new List<Target>();
        foreach (var endpoint in hall.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            // No fallback policy is set, so an endpoint that declares no authorization at all is
            // as open as one marked AllowAnonymous: both must be on the allow-list.
            var declaresAuthorization = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0
                || endpoint.Metadata.GetMetadata<AuthorizationPolicy>() is not null;
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null || !declaresAuthorization;
            // Role sets stack (group and endpoint): a caller needs a role in every one of them.
            IReadOnlyList<string>? allowed = null;
            foreach (var data in endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Where(a => !string.IsNullOrEmpty(a.Roles)))
            {
                var roles = data.Roles!.Split(',', StringSplitOptions.TrimEntries);
                allowed = allowed is null ? roles : allowed.Intersect(roles).ToList();
            }
            // A value each route constraint accepts, so the request reaches authorization.
            var url = RouteParameter().Replace(pattern, m => m.Groups[1].Value switch
            {
                "id" => Guid.NewGuid().ToString(),
                "documentName" => "v1",
                _ when m.Value.Contains(":guid", StringComparison.Ordinal) => Guid.NewGuid().ToString(),
                _ when m.Value.Contains(":int", StringComparison.Ordinal) => "1",
                _ => "X1",
            });
            foreach (var method in methods)
            {
                targets.Add(new Target(method, pattern, url, allowed, anonymous));
            }
        }
        return targets;
    }

    [GeneratedRegex(@"\{([A-Za-z]+)[^}]*\}")]
    private static partial Regex RouteParameter();

    [Fact]
    public void Only_the_allow_list_is_open()
    {
        var targets = Targets();
        Assert.True(targets.Count > 30, $"only {targets.Count} endpoints found");
        var open = targets.Where(t => t.Anonymous).Select(t => $"{t.Method} {t.Pattern}").ToHashSet();
        Assert.Equal(OpenEndpoints.Order(), open.Order());
    }

    [Fact]
    public async Task Every_endpoint_refuses_a_caller_without_credentials()
    {
        using var client = hall.AnonymousClient();
        var failures = new List<string>();
        foreach (var t in Targets())
        {
            using var request = new HttpRequestMessage(new HttpMethod(t.Method), t.Url);
            using var response = await client.SendAsync(request);
            var status = (int)response.StatusCode;
            var refused = status == 401 || status == 403
                || (status == 302 && response.Headers.Location?.ToString().Contains("/login", StringComparison.Ordinal) == true);
            if (OpenEndpoints.Contains($"{t.Method} {t.Pattern}"))
            {
                if (refused)
                {
                    failures.Add($"{t.Method} {t.Url} should be open but answered {status}");
                }
            }
            else if (!refused)
            {
                failures.Add($"{t.Method} {t.Url} answered {status} to an anonymous caller");
            }
        }
        Assert.Empty(failures);
    }

    [Fact]
    public async Task Every_endpoint_refuses_a_role_it_does_not_allow()
    {
        var failures = new List<string>();
        var checkedCount = 0;
        foreach (var t in Targets().Where(t => !t.Anonymous && t.AllowedRoles is not null))
        {
            foreach (var role in Roles.All.Except(t.AllowedRoles!))
            {
                using var client = hall.AnonymousClient();
                var credential = role == Roles.Display ? await hall.DisplayKeyAsync() : await hall.TokenAsync(role);
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", credential);
                using var request = new HttpRequestMessage(new HttpMethod(t.Method), t.Url);
                using var response = await client.SendAsync(request);
                checkedCount++;
                if (response.StatusCode != HttpStatusCode.Forbidden)
                {
                    failures.Add($"{t.Method} {t.Url} as {role} answered {(int)response.StatusCode}, not 403");
                }
            }
        }
        Assert.Empty(failures);
        Assert.True(checkedCount > 50, $"only {checkedCount} refusals checked");
    }

    [Fact]
    public void Endpoints_open_to_any_signed_in_caller_are_the_known_few()
    {
        var anyRole = Targets().Where(t => !t.Anonymous && t.AllowedRoles is null).Select(t => $"{t.Method} {t.Pattern}").ToHashSet();
        // Sign-out, "who am I", and the hub (whose methods carry their own roles: see below).
        // (The hub's endpoints carry no method metadata, so they are listed as GET.)
        Assert.Equal(new[] { "GET /api/auth/me", "GET /hubs/congress", "GET /hubs/congress/negotiate", "POST /api/auth/logout" }, anyRole.Order(StringComparer.Ordinal));
    }

    private static IEnumerable<MethodInfo> HubMethods() => typeof(CongressHub)
        .GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
        .Where(m => !m.IsSpecialName && m.Name is not (nameof(Hub.OnConnectedAsync) or nameof(Hub.OnDisconnectedAsync)));

    [Fact]
    public void Every_hub_method_names_its_roles()
    {
        Assert.NotEmpty(HubMethods());
        Assert.All(HubMethods(), m => Assert.False(string.IsNullOrEmpty(m.GetCustomAttribute<AuthorizeAttribute>()?.Roles), m.Name));
    }

    [Fact]
    public async Task Every_hub_method_refuses_a_role_it_does_not_allow()
    {
        foreach (var method in HubMethods())
        {
            var allowed = method.GetCustomAttribute<AuthorizeAttribute>()!.Roles!.Split(',');
            foreach (var role in Roles.All.Except(allowed))
            {
                var credential = role == Roles.Display ? await hall.DisplayKeyAsync() : await hall.TokenAsync(role);
                await using var connection = hall.HubConnection(credential);
                await connection.StartAsync();
                var args = method.GetParameters().Select(p => p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : null).ToArray();
                var ex = await Assert.ThrowsAsync<HubException>(() => connection.InvokeCoreAsync(method.Name, typeof(object), args));
                Assert.Contains("unauthorized", ex.Message, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public async Task Hub_refuses_an_anonymous_connection_and_a_revoked_display_key()
    {
        await using var anonymous = hall.HubConnection(null);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => anonymous.StartAsync());

        var key = await hall.CreateDisplayKeyAsync("revoked screen");
        await hall.WithDbAsync(async db =>
        {
            foreach (var k in db.DisplayKeys.Where(k => k.Name == "revoked screen"))
            {
                k.Revoked = true;
            }
            await db.SaveChangesAsync();
        });
        await using var revoked = hall.HubConnection(key);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => revoked.StartAsync());
    }
}
