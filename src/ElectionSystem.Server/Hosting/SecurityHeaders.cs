namespace ElectionSystem.Server.Hosting;

/// <summary>
/// Headers on every response (pages, API, static files, errors): a Content-Security-Policy that runs
/// only the server's own script files (no inline script, no handler attributes: a page's behaviour
/// lives in its module in wwwroot/js), no framing by any page, no content-type sniffing, and no
/// address (which may carry a display key) sent to another site.
/// Inline styles stay allowed: the printable pages (minutes, logs, slips) carry their A4 layout.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "media-src 'self' blob: mediastream:; connect-src 'self'; font-src 'self'; object-src 'none'; " +
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        // Set when the response starts, so error pages written after a cleared response carry them too.
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XFrameOptions = "DENY";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(http);
    });
}
