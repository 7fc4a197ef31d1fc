using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ElectionSystem.Server.Tests.Infrastructure;

/// <summary>
/// A throw-away Redis for the tests that need one (the SignalR backplane and the node bus): Debian's
/// <c>redis-server</c> (.ci/run installs it) on a free loopback port, no persistence
/// (<c>--save '' --appendonly no</c>), started on first use and killed with the test process (a
/// detached watcher kills it if the runner kills the process first).
/// </summary>
public sealed class RedisServer
{
    private static readonly Lazy<RedisServer> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private RedisServer(int port) => Port = port;

    public static RedisServer Instance => Shared.Value;

    public int Port { get; }

    /// <summary>StackExchange.Redis configuration, as Redis:Configuration takes it.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    private static RedisServer Start()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        var process = Process.Start(new ProcessStartInfo("redis-server",
            ["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
             "--save", "", "--appendonly", "no", "--daemonize", "no", "--loglevel", "notice"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("redis-server did not start (apt-get install redis-server).");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { process.Kill(); } catch (InvalidOperationException) { }
        };
        AfterTestProcess.Run($"kill -9 {process.Id}");
        // Ready when it says so on its log (no guessing with a delay).
        var deadline = Stopwatch.StartNew();
        while (process.StandardOutput.ReadLine() is { } line)
        {
            if (line.Contains("Ready to accept connections", StringComparison.Ordinal))
            {
                _ = process.StandardOutput.ReadToEndAsync();
                _ = process.StandardError.ReadToEndAsync();
                return new RedisServer(port);
            }
            if (deadline.Elapsed > TimeSpan.FromSeconds(30)) break;
        }
        throw new InvalidOperationException($"redis-server on port {port} did not become ready: {process.StandardError.ReadToEnd()}");
    }
}
