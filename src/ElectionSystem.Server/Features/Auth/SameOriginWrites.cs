using ElectionSystem.Server.Features.Shared;

namespace ElectionSystem.Server.Features.Auth;

/// <summary>
/// CSRF: a browser sends the page cookie with a form another site posts to us. So a state change
/// (POST, PUT, PATCH, DELETE) authenticated by the cookie is refused (403) unless its <c>Origin</c>
/// (or, when a browser sends none, its <c>Referer</c>) is this server. Scripts and tablets that
/// send a bearer token or a display key carry no ambient credential and are not affected.
/// The host is compared (name and port), not the scheme, so a TLS proxy in front changes nothing.
/// </summary>
public static class SameOriginWrites
{
    public const string RefusedDetail =
        "Yêu cầu thay đổi dữ liệu không đến từ trang của máy chủ hội trường nên bị từ chối. Xin mở lại trang từ địa chỉ của máy chủ rồi thử lại.";

    public static IApplicationBuilder UseSameOriginWrites(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (ChangesState(http.Request.Method) && AuthSetup.UsesCookie(http) && !FromThisServer(http.Request))
        {
            await Problems.Forbidden(RefusedDetail, "Yêu cầu từ trang khác").ExecuteAsync(http);
            return;
        }
        await next(http);
    });

    private static bool ChangesState(string method) =>
        HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);

    private static bool FromThisServer(HttpRequest request)
    {
        var source = request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(source))
        {
            source = request.Headers.Referer.ToString();
        }
        if (!Uri.TryCreate(source, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return false; // none, "null" (a sandboxed or privacy-stripped origin) or not a web address
        }
        var host = request.Host;
        // A Host without a port is the scheme's default one (a proxy on 443 forwarding to Kestrel).
        var samePort = host.Port is { } port ? uri.Port == port : uri.IsDefaultPort;
        return samePort && string.Equals(uri.Host, host.Host, StringComparison.OrdinalIgnoreCase);
    }
}
