namespace ElectionSystem.Server.Hosting;

/// <summary>
/// Headers on every response (pages, API, static files, errors): a Content-Security-Policy that runs
/// only the server's own script files (no inline script, no handler attributes: a page's behaviour
/// lives in its module in wwwroot/js), no framing by any page, no content-type sniffing, and no
/// address (which may carry a display key) sent to another site.
/// Inline styles stay allowed: the printable pages (minutes, logs, slips) carry their A4 layout.
/// The pages that encrypt or decrypt ballots (the tablet, the counting committee; issue 14) may also
/// compile WebAssembly ('wasm-unsafe-eval', libsodium's ristretto255 in wwwroot/lib): that lets a page
/// compile the WebAssembly modules its own scripts hand it, and nothing else (no eval, no Function).
/// Every other page keeps the policy without it.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "media-src 'self' blob: mediastream:; connect-src 'self'; font-src 'self'; object-src 'none'; " +
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The policy of <see cref="CryptoPages"/>: the same, with WebAssembly compilation allowed.</summary>
    public static readonly string CryptoPagePolicy =
        ContentSecurityPolicy.Replace("script-src 'self';", "script-src 'self' 'wasm-unsafe-eval';", StringComparison.Ordinal);

    /// <summary>The pages whose scripts run the ballot protocol in the browser (js/crypto).</summary>
    public static readonly string[] CryptoPages = ["/tablet", "/committee"];

    public static string PolicyFor(PathString path) =>
        CryptoPages.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase) || path.Equals(p + "/", StringComparison.OrdinalIgnoreCase))
            ? CryptoPagePolicy
            : ContentSecurityPolicy;

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        // Set when the response starts, so error pages written after a cleared response carry them too.
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = PolicyFor(http.Request.Path);
            headers.XFrameOptions = "DENY";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(http);
    });
}
