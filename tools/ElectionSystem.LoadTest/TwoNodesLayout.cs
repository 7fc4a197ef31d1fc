using System.Diagnostics;

namespace ElectionSystem.LoadTest;

/// <summary>
/// The rehearsal layout of deploy/two-nodes (up.sh: PostgreSQL primary + synchronous standby, Redis,
/// two app nodes, haproxy) as the load tool drives it: started with <c>--two-nodes</c>, or attached to
/// with <c>--url</c> when it is already up; its parts' process ids come from the layout's folder, their
/// ports from the proxy's as deploy/two-nodes/env.sh derives them.
/// </summary>
internal sealed class TwoNodesLayout(string folder, int proxyPort)
{
    public string Folder => folder;

    public Uri Url => new($"http://127.0.0.1:{proxyPort}");

    /// <summary>Where app1 (the node that made the congress) keeps its first organiser's password.</summary>
    public string DataFolder => Path.Combine(folder, "app1-data");

    public static TwoNodesLayout FromEnvironment() => new(
        Environment.GetEnvironmentVariable("TWO_NODES_DIR") ?? "/tmp/es-two-nodes",
        int.TryParse(Environment.GetEnvironmentVariable("TWO_NODES_PORT"), out var p) ? p : 56000);

    public static string Script(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "deploy", "two-nodes", name);
            if (File.Exists(path)) return path;
        }
        throw new FileNotFoundException($"deploy/two-nodes/{name} not found above {AppContext.BaseDirectory}");
    }

    public Task UpAsync(CancellationToken ct) => RunAsync("up.sh", ct);

    /// <summary>An app node itself, not through haproxy: 1 (app1) or 2 (app2).</summary>
    public Uri NodeUrl(int node) => new($"http://127.0.0.1:{proxyPort + 10 + node}");

    /// <summary>The database, whichever of the two PostgreSQL servers is the primary now (TWO_NODES_DB overrides).</summary>
    public string DatabaseConnection => Environment.GetEnvironmentVariable("TWO_NODES_DB")
        ?? $"Host=127.0.0.1:{proxyPort + 1},127.0.0.1:{proxyPort + 2};Database=election;Username=postgres;Target Session Attributes=read-write";

    /// <summary>Starts a killed app node again (start-app.sh, which waits for its /health).</summary>
    public Task StartAppAsync(string name, CancellationToken ct) => RunAsync("start-app.sh", ct, name);

    public Task DownAsync(CancellationToken ct) => RunAsync("down.sh", ct);

    /// <summary>promote.sh in the background: it promotes the standby once the primary fails its health check.</summary>
    public Process StartPromotionWatch()
    {
        var start = new ProcessStartInfo("bash", [Script("promote.sh")]) { RedirectStandardOutput = true };
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is { } line) Log.Info(line); };
        process.BeginOutputReadLine();
        return process;
    }

    /// <summary>The process to SIGKILL for a part: app (app1, half the tablets' sticky node), db (the primary's postmaster), redis.</summary>
    public int PidOf(string part) => part switch
    {
        "app" => ReadPid(Path.Combine(folder, "app1.pid")),
        "db" => ReadPid(Path.Combine(folder, "pg1", "postmaster.pid")),
        "redis" => ReadPid(Path.Combine(folder, "redis.pid")),
        _ => throw new ArgumentException($"--kill {part}: app, db or redis"),
    };

    private static int ReadPid(string file) => int.Parse(File.ReadLines(file).First().Trim(), System.Globalization.CultureInfo.InvariantCulture);

    private async Task RunAsync(string script, CancellationToken ct, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash", [Script(script), .. arguments]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["TWO_NODES_DIR"] = folder;
        start.Environment["TWO_NODES_PORT"] = proxyPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        foreach (var line in (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries)) Log.Info(line);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} failed ({process.ExitCode}): {await error}");
        }
    }
}
