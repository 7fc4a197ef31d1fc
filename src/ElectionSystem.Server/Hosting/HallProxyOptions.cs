using System.Net;
using FluentValidation;

namespace ElectionSystem.Server.Hosting;

/// <summary>
/// The reverse proxy in front of the server, if the hall runs one (section <c>Proxy</c>;
/// deploy/nginx/electionsystem.conf). Only a request arriving from one of these addresses may say,
/// through <c>X-Forwarded-Proto</c> and <c>X-Forwarded-For</c>, that it came over HTTPS and from
/// which client; from anyone else those headers are ignored.
/// </summary>
public sealed class HallProxyOptions
{
    public const string Section = "Proxy";

    /// <summary>IP addresses of the proxies (e.g. <c>127.0.0.1</c> for nginx on the same machine). Empty: no proxy is trusted.</summary>
    public string[] KnownProxies { get; set; } = [];

    public IEnumerable<IPAddress> Addresses() => KnownProxies.Select(IPAddress.Parse);
}

public sealed class HallProxyOptionsValidator : AbstractValidator<HallProxyOptions>
{
    public HallProxyOptionsValidator()
    {
        RuleForEach(o => o.KnownProxies).Must(p => IPAddress.TryParse(p, out _))
            .WithMessage((_, p) => $"{HallProxyOptions.Section}:{nameof(HallProxyOptions.KnownProxies)}: \"{p}\" is not an IP address.");
    }
}
