using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Tests.Architecture;
using ElectionSystem.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ElectionSystem.Server.Tests.Security;

/// <summary>
/// Issue 13, "hardening": a cross-origin form post with the staff cookie reissued a badge (200), and
/// no response carried a CSP, X-Frame-Options, nosniff or Referrer-Policy.
/// </summary>
public partial class CrossOriginAndHeadersTests(HallFactory hall) : IClassFixture<HallFactory>
{
    private async Task<HttpClient> OrganiserCookieAsync()
    {
        await hall.TokenAsync(Roles.Organiser); // makes test-organiser
        var client = hall.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        (await client.PostAsJsonAsync("/api/auth/login", new LoginRequest("test-organiser", HallFactory.TestPassword))).EnsureSuccessStatusCode();
        return client;
    }

    private Task<int> BadgeVersionAsync(string code) =>
        hall.WithDbAsync(db => Task.FromResult(db.Delegates.Single(d => d.Code == code).BadgeVersion));

    private static HttpRequestMessage Reissue(string code, string? origin = null, string? referer = null)
    {
        // What a hostile page's <form method="post" action="…/reissue"> sends: no body.
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/badges/{code}/reissue");
        if (origin is not null) request.Headers.Add("Origin", origin);
        if (referer is not null) request.Headers.Referrer = new Uri(referer);
        return request;
    }

    [Theory]
    [InlineData("http://evil.example", null)]
    [InlineData("null", null)]
    [InlineData(null, "http://evil.example/page")]
    [InlineData(null, null)]
    [InlineData("http://localhost:8080", null)]
    public async Task A_cookie_post_from_another_origin_is_refused_and_changes_nothing(string? origin, string? referer)
    {
        var d = await hall.AddDelegateAsync("Lý Thị Chéo");
        using var cookie = await OrganiserCookieAsync();
        var before = await BadgeVersionAsync(d.Code);

        using var response = await cookie.SendAsync(Reissue(d.Code, origin, referer));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal(SameOriginWrites.RefusedDetail, problem!.Detail);
        Assert.Equal(before, await BadgeVersionAsync(d.Code));
    }

    [Theory]
    [InlineData("http://localhost", null)]
    [InlineData(null, "http://localhost/admin")]
    public async Task A_cookie_post_from_our_own_pages_goes_through(string? origin, string? referer)
    {
        var d = await hall.AddDelegateAsync("Lý Văn Nhà");
        using var cookie = await OrganiserCookieAsync();
        var before = await BadgeVersionAsync(d.Code);

        using var response = await cookie.SendAsync(Reissue(d.Code, origin, referer));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before + 1, await BadgeVersionAsync(d.Code));
    }

    [Fact]
    public async Task A_bearer_token_is_not_affected_by_the_origin()
    {
        var d = await hall.AddDelegateAsync("Lý Văn Thẻ");
        var organiser = await hall.ClientAsync(Roles.Organiser);
        using var response = await organiser.SendAsync(Reissue(d.Code, "http://evil.example"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static void AssertHardened(HttpResponseMessage response)
    {
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        var directives = csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("script-src 'self'", directives);
        Assert.Contains("frame-ancestors 'none'", directives);
        Assert.Contains("object-src 'none'", directives);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Contains(Assert.Single(response.Headers.GetValues("Referrer-Policy")), new[] { "no-referrer", "same-origin" });
    }

    [Fact]
    public async Task A_page_an_api_answer_a_refusal_and_a_script_file_carry_the_security_headers()
    {
        using var anonymous = hall.AnonymousClient();
        using var page = await anonymous.GetAsync(new Uri("/login", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        AssertHardened(page);

        var organiser = await hall.ClientAsync(Roles.Organiser);
        using var api = await organiser.GetAsync(new Uri("/api/congress", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        AssertHardened(api);

        using var refused = await anonymous.GetAsync(new Uri("/api/congress", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        AssertHardened(refused);

        using var script = await anonymous.GetAsync(new Uri("/js/login.js", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        AssertHardened(script);
    }

    /// <summary>
    /// Issue 14: the tablet and the committee page run libsodium's WebAssembly, so their policy adds
    /// 'wasm-unsafe-eval' to script-src and nothing else; every other page, and a script file, keeps
    /// the policy without it.
    /// </summary>
    [Fact]
    public async Task Only_the_pages_that_run_the_ballot_protocol_may_compile_WebAssembly()
    {
        using var anonymous = hall.AnonymousClient();
        using var tablet = await anonymous.GetAsync(new Uri("/tablet", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, tablet.StatusCode);
        var policy = string.Join(";", tablet.Headers.GetValues("Content-Security-Policy"));
        var directives = policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("script-src 'self' 'wasm-unsafe-eval'", directives);
        Assert.Equal(
            ElectionSystem.Server.Hosting.SecurityHeaders.ContentSecurityPolicy.Split(';', StringSplitOptions.TrimEntries).Where(d => !d.StartsWith("script-src", StringComparison.Ordinal)),
            directives.Where(d => !d.StartsWith("script-src", StringComparison.Ordinal)));
        Assert.DoesNotContain("'unsafe-eval'", policy, StringComparison.Ordinal);

        foreach (var path in new[] { "/login", "/js/tablet.js", "/tablet/pins" })
        {
            using var other = await anonymous.GetAsync(new Uri(path, UriKind.Relative));
            Assert.DoesNotContain("wasm", string.Join(";", other.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        }
    }

    /// <summary>The CSP runs no inline script: so no page may hold one, nor an on…= handler attribute.</summary>
    [Fact]
    public void No_page_holds_an_inline_script_or_a_handler_attribute()
    {
        var features = Path.Combine(SourceFileSizeTests.RepositoryRoot(), "src", "ElectionSystem.Server", "Features");
        var pages = Directory.EnumerateFiles(features, "*.cshtml", SearchOption.AllDirectories).ToList();
        Assert.True(pages.Count > 10, $"only {pages.Count} pages found");
        var failures = new List<string>();
        foreach (var page in pages)
        {
            var text = File.ReadAllText(page);
            foreach (Match m in ScriptTag().Matches(text))
            {
                if (!m.Value.Contains("src=", StringComparison.Ordinal)) failures.Add($"{Path.GetFileName(page)}: inline {m.Value}");
            }
            foreach (Match m in HandlerAttribute().Matches(text))
            {
                failures.Add($"{Path.GetFileName(page)}: {m.Value.Trim()}");
            }
        }
        Assert.Empty(failures);
    }

    [GeneratedRegex(@"<script\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();

    [GeneratedRegex(@"<[^>]*\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex HandlerAttribute();
}
