using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ElectionSystem.LoadTest;

/// <summary>
/// The hall server as a separate process on loopback: <c>dotnet ElectionSystem.Server.dll --urls
/// http://127.0.0.1:PORT</c> with its own DataFolder. Start, stop (SIGTERM), kill (SIGKILL, the crash
/// trials) and restart on the same folder; its peak RSS is read from /proc/PID/status (VmHWM) before
/// each end, so a restarted server's peak counts too.
/// </summary>
internal sealed class ServerProcess(string dll, string dataFolder, int port, IReadOnlyDictionary<string, string>? environment = null) : IAsyncDisposable
{
    private Process? _process;
    private readonly object _logLock = new();
    private StreamWriter? _log;

    public Uri BaseAddress { get; } = new($"http://127.0.0.1:{port}/");
    public string DataFolder => dataFolder;
    public int? Pid => _process is { HasExited: false } p ? p.Id : null;
    public long PeakRssKb { get; private set; }
    public int Starts { get; private set; }

    /// <summary>
    /// The login and tablet sign-in limits per address are raised for the run: in the hall every tablet
    /// has its own address, here all 1,600 (and every crash trial's sign-ins again) come from 127.0.0.1
    /// (configuration keys Auth:LoginAttemptsPerMinutePerAddress and Auth:TabletSignInsPerMinutePerAddress).
    /// </summary>
    public static readonly string[] ServerSettings =
    [
        "--Auth:LoginAttemptsPerMinutePerAddress=1000000",
        "--Auth:TabletSignInsPerMinutePerAddress=1000000",
        "--Logging:LogLevel:Default=Warning",
        "--Logging:LogLevel:Microsoft.AspNetCore=Warning",
    ];

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task StartAsync(CancellationToken ct)
    {
        if (_process is { HasExited: false })
        {
            throw new InvalidOperationException("server already running");
        }
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(BaseAddress.ToString().TrimEnd('/'));
        info.ArgumentList.Add($"--DataFolder={dataFolder}");
        foreach (var s in ServerSettings)
        {
            info.ArgumentList.Add(s);
        }
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (k, v) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[k] = v;
        }
        _log ??= new StreamWriter(Path.Combine(dataFolder, "..", Path.GetFileName(dataFolder) + "-server.log"), append: true) { AutoFlush = true };
        var p = new Process { StartInfo = info };
        p.OutputDataReceived += (_, e) => Write(e.Data);
        p.ErrorDataReceived += (_, e) => Write(e.Data);
        p.Start();
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        _process = p;
        Starts++;

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed < TimeSpan.FromSeconds(90))
        {
            ct.ThrowIfCancellationRequested();
            if (p.HasExited)
            {
                throw new InvalidOperationException($"server exited with code {p.ExitCode} at start (see its log beside the data folder)");
            }
            try
            {
                using var r = await http.GetAsync(new Uri(BaseAddress, "health"), ct);
                if (r.IsSuccessStatusCode)
                {
                    Log.Info($"server up (pid {p.Id}, start #{Starts}) in {sw.ElapsedMilliseconds} ms");
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
            }
            // The server process gives no signal when it is ready: poll /health.
            await Task.Delay(100, ct);
        }
        throw new TimeoutException("server did not answer /health within 90 s");
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_logLock)
        {
            _log?.WriteLine(line);
        }
    }

    /// <summary>SIGKILL: no shutdown, no flush — what a power cut or an OOM kill does to the process.</summary>
    public void Kill()
    {
        if (_process is not { HasExited: false } p)
        {
            return;
        }
        SampleRss();
        p.Kill();
        p.WaitForExit(10_000);
    }

    /// <summary>A clean stop (SIGTERM, as systemd does), then SIGKILL if it has not ended in 15 s.</summary>
    public async Task StopAsync()
    {
        if (_process is not { HasExited: false } p)
        {
            return;
        }
        SampleRss();
        using (var kill = Process.Start("kill", ["-TERM", p.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await p.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            p.Kill();
            p.WaitForExit(10_000);
        }
    }

    public void SampleRss()
    {
        if (Pid is { } pid && ReadHwmKb(pid) is { } kb)
        {
            PeakRssKb = Math.Max(PeakRssKb, kb);
        }
    }

    /// <summary>"RSS now / peak" of the running server, for the progress log.</summary>
    public string RssNow() => Pid is { } pid
        ? $"server RSS {ReadStatusKb(pid, "VmRSS:") / 1024} MB now, {ReadStatusKb(pid, "VmHWM:") / 1024} MB peak, {ReadStatusKb(pid, "Threads:")} threads"
        : "server not running";

    public static long? ReadHwmKb(int pid) => ReadStatusKb(pid, "VmHWM:");

    private static long? ReadStatusKb(int pid, string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith(field, StringComparison.Ordinal))
                {
                    return long.Parse(line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
        }
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process?.Dispose();
        lock (_logLock)
        {
            _log?.Dispose();
            _log = null;
        }
    }

    /// <summary>The repository this tool was built in (the folder with ElectionSystem.sln), or null.</summary>
    private static DirectoryInfo? Repository()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ElectionSystem.sln")))
        {
            dir = dir.Parent;
        }
        return dir;
    }

    /// <summary>
    /// The runtime settings the hall server is deployed with: every <c>Environment=DOTNET_…</c> line of
    /// deploy/electionsystem.service (the GC's young-generation size), so the run measures the server
    /// as the hall runs it and the two cannot drift apart. --server-env overrides them.
    /// </summary>
    public static Dictionary<string, string> DeployedRuntimeSettings()
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Repository() is not { } repo || !File.Exists(Path.Combine(repo.FullName, "deploy", "electionsystem.service")))
        {
            return settings;
        }
        foreach (var line in File.ReadLines(Path.Combine(repo.FullName, "deploy", "electionsystem.service")))
        {
            const string prefix = "Environment=";
            if (line.StartsWith(prefix + "DOTNET_", StringComparison.Ordinal) && line.IndexOf('=', prefix.Length) is var eq and > 0
                && !line.StartsWith(prefix + "DOTNET_CLI_", StringComparison.Ordinal))
            {
                settings[line[prefix.Length..eq]] = line[(eq + 1)..].Trim();
            }
        }
        return settings;
    }

    /// <summary>The server's Release build in this repository, built once if missing.</summary>
    public static async Task<string> LocateOrBuildAsync(string? explicitDll)
    {
        if (explicitDll is not null)
        {
            return File.Exists(explicitDll) ? Path.GetFullPath(explicitDll) : throw new FileNotFoundException("--server-dll not found", explicitDll);
        }
        var dir = Repository()
            ?? throw new FileNotFoundException("cannot find the repository (ElectionSystem.sln) above the tool; pass --server-dll");
        var project = Path.Combine(dir.FullName, "src", "ElectionSystem.Server", "ElectionSystem.Server.csproj");
        var path = Path.Combine(dir.FullName, "src", "ElectionSystem.Server", "bin", "Release", "net10.0", "ElectionSystem.Server.dll");
        if (!File.Exists(path))
        {
            Log.Info($"building the server in Release: {project}");
            using var build = Process.Start("dotnet", ["build", "-c", "Release", project, "-v", "q", "-nologo"]);
            await build.WaitForExitAsync();
            if (build.ExitCode != 0 || !File.Exists(path))
            {
                throw new InvalidOperationException("the server's Release build failed");
            }
        }
        return path;
    }
}
