using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace ElectionSystem.LoadTest;

/// <summary>A call the server refused (or that never got an answer).</summary>
internal sealed class HallCallException(string message, HttpStatusCode? status) : Exception(message)
{
    public HttpStatusCode? Status { get; } = status;
}

/// <summary>
/// HTTP to the hall server as the pages do it (JSON, bearer tokens). The staff's and screens' calls
/// share one connection pool; each tablet has a pool of its own (<see cref="ForTablet"/>), as each
/// tablet's browser in the hall has, so the server holds the connections a hall of tablets makes.
/// </summary>
internal sealed class HallApi : IDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly HttpClient _http;
    private readonly SocketsHttpHandler _handler;

    public HallApi(Uri baseAddress, int maxConnections = 5000)
    {
        BaseAddress = baseAddress;
        var handler = _handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = maxConnections,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            UseCookies = false,
            AllowAutoRedirect = false,
        };
        _http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(100) };
    }

    public Uri BaseAddress { get; }

    /// <summary>One tablet's browser: its own connections to the server (a browser opens at most 6 per host).</summary>
    public HallApi ForTablet() => new(BaseAddress, maxConnections: 6);

    /// <summary>
    /// For a hub connection's HTTP calls (negotiate): the same connection pool as the API calls, as a
    /// browser has one pool per origin. Without it each SignalR client keeps its own HttpClient, and
    /// 2,000 hub connections left ~2,000 idle keep-alive connections on the server that no tablet
    /// page would open. The hub connection may dispose what it is given; the pool stays open.
    /// </summary>
    public HttpMessageHandler PageHandler() => new KeepPoolOpen(_handler);

    private sealed class KeepPoolOpen(HttpMessageHandler pool) : DelegatingHandler(pool)
    {
        protected override void Dispose(bool disposing)
        {
            // Deliberately not base.Dispose: that would dispose the shared pool.
        }
    }

    public async Task<T> CallAsync<T>(HttpMethod method, string path, string? token, object? body, CancellationToken ct)
    {
        var (status, text) = await SendAsync(method, path, token, body, ct);
        if ((int)status is < 200 or > 299)
        {
            throw new HallCallException($"{method} {path}: {(int)status} {Trim(text)}", status);
        }
        return JsonSerializer.Deserialize<T>(text, Json)!;
    }

    /// <summary>A call whose answer has no body worth reading (204 No Content).</summary>
    public async Task CallAsync(HttpMethod method, string path, string? token, object? body, CancellationToken ct)
    {
        var (status, text) = await SendAsync(method, path, token, body, ct);
        if ((int)status is < 200 or > 299)
        {
            throw new HallCallException($"{method} {path}: {(int)status} {Trim(text)}", status);
        }
    }

    public async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpMethod method, string path, string? token, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        }
        using var response = await _http.SendAsync(request, ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(ct));
    }

    /// <summary>A file as the organisers' page uploads it: multipart form field "file".</summary>
    public async Task<T> UploadAsync<T>(string path, string token, string fileName, byte[] content, string mediaType, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        form.Add(file, "file", fileName);
        request.Content = form;
        using var response = await _http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new HallCallException($"POST {path} ({fileName}): {(int)response.StatusCode} {Trim(text)}", response.StatusCode);
        }
        return JsonSerializer.Deserialize<T>(text, Json)!;
    }

    /// <summary>One timed attempt: the status (null when no answer came) and the call's duration.</summary>
    public async Task<(HttpStatusCode? Status, string Body, double Ms)> TimedAsync(HttpMethod method, string path, string? token, object? body, CancellationToken ct)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            var (status, text) = await SendAsync(method, path, token, body, ct);
            return (status, text, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        catch (HttpRequestException e)
        {
            return (null, e.Message, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            return (null, "timeout: " + e.Message, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
    }

    /// <summary>
    /// A setup call the server may not take at once (the desk scans again, the tablet signs in
    /// again): up to five attempts with a growing pause; the answer and the successful call's time.
    /// </summary>
    public async Task<(T Value, double Ms)> PostPatientlyAsync<T>(string path, string? token, object body, string what, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (status, text, ms) = await TimedAsync(HttpMethod.Post, path, token, body, ct);
            if (status == HttpStatusCode.OK)
            {
                return (JsonSerializer.Deserialize<T>(text, Json)!, ms);
            }
            if (attempt >= 5)
            {
                throw new HallCallException($"{what}: {(int?)status} {Trim(text)}", status);
            }
            // Back off before trying again, as a person at the desk or the tablet would.
            await Task.Delay(200 * attempt, ct);
        }
    }

    private static string Trim(string s) => s.Length > 300 ? s[..300] + "…" : s;

    public void Dispose() => _http.Dispose();
}
