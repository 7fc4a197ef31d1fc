using System.Diagnostics;

namespace ElectionSystem.Server.Tests.Deploy;

/// <summary>
/// deploy/two-nodes/systemd/pg-promote-watch.sh, run by bash with a bare environment: without
/// PGDATA, or without pg_ctl on PATH, it refuses at once with one line on stderr and exit 64 (which
/// its unit does not restart on) instead of watching and failing only when it must promote. With
/// both (tools faked: the primary does not answer, this server is not in recovery) it runs its loop
/// and exits 0 with "nothing to do".
/// </summary>
public sealed class PgPromoteWatchTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "es-promote-watch-" + Guid.NewGuid().ToString("N"));

    public PgPromoteWatchTests()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "data"));
        File.WriteAllText(Path.Combine(_folder, "data", "PG_VERSION"), "15\n");
        Directory.CreateDirectory(Path.Combine(_folder, "bin"));
        Directory.CreateDirectory(Path.Combine(_folder, "empty"));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Data => Path.Combine(_folder, "data");

    private static string Script()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ElectionSystem.sln"))) dir = dir.Parent;
        return Path.Combine(dir!.FullName, "deploy", "two-nodes", "systemd", "pg-promote-watch.sh");
    }

    private void Fake(string tool, string body)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The deploy scripts run on Linux.");
        }
        var path = Path.Combine(_folder, "bin", tool);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("/bin/bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Script());
        start.Environment.Clear();
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("pg-promote-watch.sh did not stop by itself: " + await stdout + await stderr);
        }
        return (process.ExitCode, await stdout, await stderr);
    }

    private static void AssertOneLineRefusal((int Code, string Stdout, string Stderr) run, string names)
    {
        Assert.Equal(64, run.Code);
        var lines = run.Stderr.TrimEnd('\n').Split('\n');
        Assert.True(lines.Length == 1, run.Stderr);
        Assert.StartsWith("pg-promote-watch: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(names, lines[0], StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void The_script_parses()
    {
        using var process = Process.Start(new ProcessStartInfo("/bin/bash", ["-n", Script()]) { RedirectStandardError = true })!;
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, stderr);
    }

    [Fact]
    public async Task Without_PGDATA_it_refuses_with_one_line_and_exit_64()
    {
        Fake("pg_ctl", "exit 0");
        AssertOneLineRefusal(await RunAsync(new Dictionary<string, string> { ["PATH"] = Path.Combine(_folder, "bin") }), "PGDATA");
        AssertOneLineRefusal(await RunAsync(new Dictionary<string, string> { ["PATH"] = Path.Combine(_folder, "bin"), ["PGDATA"] = "" }), "PGDATA");
        // Set, but not a data directory.
        AssertOneLineRefusal(await RunAsync(new Dictionary<string, string> { ["PATH"] = Path.Combine(_folder, "bin"), ["PGDATA"] = Path.Combine(_folder, "empty") }),
            "PG_VERSION");
    }

    [Fact]
    public async Task Without_pg_ctl_on_the_path_it_refuses_with_one_line_and_exit_64()
    {
        AssertOneLineRefusal(await RunAsync(new Dictionary<string, string> { ["PATH"] = Path.Combine(_folder, "empty"), ["PGDATA"] = Data }), "pg_ctl");
    }

    [Fact]
    public async Task With_PGDATA_and_the_tools_it_watches_and_finds_nothing_to_do()
    {
        Fake("pg_ctl", "echo promoted >&2; exit 1");
        Fake("pg_isready", "exit 2");
        Fake("psql", "echo f");
        var run = await RunAsync(new Dictionary<string, string>
        {
            ["PATH"] = Path.Combine(_folder, "bin"), ["PGDATA"] = Data, ["FAILURES"] = "1", ["PRIMARY_HOST"] = "192.0.2.1",
        });

        Assert.True(run.Code == 0, run.Stderr);
        Assert.Contains("already a primary; nothing to do", run.Stdout, StringComparison.Ordinal);
        Assert.Equal("", run.Stderr);
    }
}
