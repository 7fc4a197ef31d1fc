using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace ElectionSystem.Server.Hosting;

/// <summary>
/// HTTPS in the hall. Kestrel's endpoints come from configuration (<c>Kestrel:Endpoints</c>; the
/// systemd unit sets an HTTPS endpoint with the hall certificate and an HTTP one that only
/// redirects). Requests over HTTPS get HSTS; when an HTTPS endpoint is configured, plain HTTP is
/// redirected to it. A known reverse proxy (<see cref="HallProxyOptions"/>) may report the scheme
/// and the client's address. Without any of this configured (the demo on http://localhost) nothing
/// changes.
/// </summary>
public static class HallTransportSecurity
{
    public static IServiceCollection AddHallTransportSecurity(this IServiceCollection services)
    {
        services.AddOptions<HallProxyOptions>().BindConfiguration(HallProxyOptions.Section).ValidatedOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<HallProxyOptions>>((o, proxy) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the configured proxies: not the loopback defaults, no networks.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var address in proxy.Value.Addresses())
            {
                o.KnownProxies.Add(address);
            }
            // One proxy in front: its own X-Forwarded-For entry is the client.
            o.ForwardLimit = 1;
        });
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        return services;
    }

    /// <summary>First in the pipeline: the scheme and client address are settled before anything reads them.</summary>
    public static WebApplication UseHallTransportSecurity(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<HallProxyOptions>>().Value.KnownProxies.Length > 0)
        {
            app.UseForwardedHeaders();
        }
        // Only on HTTPS requests (and never for localhost, so a demo's browser is not pinned).
        app.UseHsts();
        if (HasHttpsEndpoint(app.Configuration))
        {
            app.UseHttpsRedirection();
        }
        return app;
    }

    /// <summary>An HTTPS address among Kestrel's configured endpoints or <c>--urls</c>.</summary>
    public static bool HasHttpsEndpoint(IConfiguration configuration) =>
        configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"])
            .Concat((configuration["urls"] ?? "").Split(';'))
            .Any(url => url?.TrimStart().StartsWith("https://", StringComparison.OrdinalIgnoreCase) == true);
}
