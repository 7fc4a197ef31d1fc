using System.Net;
using System.Net.Http.Json;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ElectionSystem.Server.Tests.Security;

/// <summary>
/// TLS in the hall, seen from the server: HSTS and a Secure sign-in cookie on HTTPS requests only;
/// plain HTTP redirected when an HTTPS endpoint is configured and served as before when none is
/// (the demo); X-Forwarded-Proto/For believed from the configured proxy only.
/// The browser over real TLS is in ElectionSystem.Browser.Tests/Tls.
/// </summary>
public class TransportSecurityTests
{
    private sealed class ConfiguredHall(params (string Key, string Value)[] settings) : HallFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }

    [Fact]
    public async Task Over_https_the_answer_carries_HSTS_and_the_sign_in_cookie_is_Secure_over_http_neither()
    {
        await using var hall = new HallFactory();
        var password = (await File.ReadAllLinesAsync(InitialPasswordPath(hall)))[1];

        var https = await SignInAsync(hall, "https://hall.example", password);
        Assert.Equal(HttpStatusCode.OK, https.StatusCode);
        Assert.StartsWith("max-age=", Assert.Single(https.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        var secureCookie = Assert.Single(https.Headers.GetValues("Set-Cookie"), c => c.StartsWith("es_auth=", StringComparison.Ordinal));
        Assert.Contains("; secure", secureCookie, StringComparison.OrdinalIgnoreCase);

        var http = await SignInAsync(hall, "http://hall.example", password);
        Assert.Equal(HttpStatusCode.OK, http.StatusCode);
        Assert.False(http.Headers.Contains("Strict-Transport-Security"));
        var plainCookie = Assert.Single(http.Headers.GetValues("Set-Cookie"), c => c.StartsWith("es_auth=", StringComparison.Ordinal));
        Assert.DoesNotContain("secure", plainCookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task With_an_https_endpoint_configured_plain_http_only_redirects_to_it()
    {
        await using var hall = new ConfiguredHall(("Kestrel:Endpoints:Https:Url", "https://0.0.0.0:8443"), ("https_port", "8443"));
        using var client = hall.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://hall.example"), AllowAutoRedirect = false });

        var response = await client.GetAsync(new Uri("/tablet", UriKind.Relative));

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal(new Uri("https://hall.example:8443/tablet"), response.Headers.Location);
    }

    [Fact]
    public async Task Without_an_https_endpoint_plain_http_is_served_as_the_demo_needs()
    {
        await using var hall = new HallFactory();
        using var client = hall.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost"), AllowAutoRedirect = false });

        var response = await client.GetAsync(new Uri("/tablet", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("10.0.0.2", true)]   // the configured proxy
    [InlineData("10.0.0.9", false)]  // any other machine on the hall LAN
    [InlineData("127.0.0.1", false)] // not even loopback, ASP.NET's default, unless configured
    public async Task Forwarded_scheme_and_client_are_believed_from_the_configured_proxy_only(string from, bool believed)
    {
        await using var hall = new ConfiguredHall(("Proxy:KnownProxies:0", "10.0.0.2"));

        var context = await hall.Server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Get;
            c.Request.Scheme = "http";
            c.Request.Host = new HostString("hall.example");
            c.Request.Path = "/health";
            c.Connection.RemoteIpAddress = IPAddress.Parse(from);
            c.Request.Headers["X-Forwarded-Proto"] = "https";
            c.Request.Headers["X-Forwarded-For"] = "192.168.1.50";
        });

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.Equal(believed ? "https" : "http", context.Request.Scheme);
        Assert.Equal(IPAddress.Parse(believed ? "192.168.1.50" : from), context.Connection.RemoteIpAddress);
        Assert.Equal(believed, context.Response.Headers.ContainsKey("Strict-Transport-Security"));
    }

    private static async Task<HttpResponseMessage> SignInAsync(HallFactory hall, string baseAddress, string password)
    {
        using var client = hall.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(baseAddress), HandleCookies = false });
        return await client.PostAsJsonAsync("/api/auth/login", new LoginRequest("admin", password));
    }

    private static string InitialPasswordPath(HallFactory hall)
    {
        _ = hall.Services; // start the server: the first run writes the organiser's password
        return Path.Combine(hall.DataFolder, CongressBootstrap.InitialPasswordFile);
    }
}
