using ElectionSystem.LoadTest;

// Simulated tablets and projection screens against the hall server (docs/performance.md). Progress on stderr,
// the one result line on stdout; exit 0 when the run completed (the line tells whether targets were
// met), 1 when two nodes showed a final turnout other than accepted (or a repeated kill run failed), 2 on a setup failure.
Options options;
try
{
    options = Options.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(Options.Usage);
    return 2;
}

ThreadPool.SetMinThreads(256, 256);
if (options.Repeat > 1)
{
    using var repeatCts = new CancellationTokenSource(TimeSpan.FromMinutes(30 * options.Repeat));
    return await RepeatRun.RunAsync(options, args, repeatCts.Token);
}
using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(options.CrashTrials > 0 ? 30 + 3 * options.CrashTrials : 30));
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cts.Cancel();
};
var ct = cts.Token;

Log.Info($"machine: {Environment.ProcessorCount} cores, load {Log.LoadAverage()}; seed {options.Seed}");
ServerProcess? server = null;
string dataFolder;
var madeFolder = false;
TwoNodesLayout? layout = null;
var startedLayout = false;
HallApi api;
Staff staff;
List<Tablet> tablets;
try
{
    if (options.TwoNodes)
    {
        layout = TwoNodesLayout.FromEnvironment();
        if (options.Url is null)
        {
            Log.Info($"deploy/two-nodes/up.sh into {layout.Folder}");
            await layout.UpAsync(ct);
            startedLayout = true;
        }
        dataFolder = options.DataFolder ?? layout.DataFolder;
        api = new HallApi(options.Url ?? layout.Url);
    }
    else if (options.Url is null)
    {
        var dll = await ServerProcess.LocateOrBuildAsync(options.ServerDll);
        dataFolder = options.DataFolder ?? Path.Combine(Path.GetTempPath(), "es-load-" + Guid.NewGuid().ToString("N")[..12]);
        madeFolder = options.DataFolder is null;
        Directory.CreateDirectory(dataFolder);
        var environment = ServerProcess.DeployedRuntimeSettings();
        foreach (var (k, v) in options.ServerEnvironment)
        {
            environment[k] = v;
        }
        server = new ServerProcess(dll, Path.GetFullPath(dataFolder), ServerProcess.FreePort(), environment);
        Log.Info($"server {dll}\n           data folder {server.DataFolder}, {server.BaseAddress}; settings: {string.Join(' ', ServerProcess.ServerSettings)}"
            + $"; environment (deploy/electionsystem.service, then --server-env): {string.Join(' ', environment.Select(e => $"{e.Key}={e.Value}"))}");
        // The first start on an empty folder makes the congress and the first organiser; the rest is set up over HTTP.
        await server.StartAsync(ct);
        api = new HallApi(server.BaseAddress);
    }
    else
    {
        dataFolder = options.DataFolder!;
        api = new HallApi(options.Url);
    }
    staff = await HallSetup.SetUpAsync(api, dataFolder, options.Delegates, options.Screens + 1, options.Encrypted ? EncryptedHall.Members : 2, ct);
    Log.Info($"before PINs and sign-in: {server?.RssNow()}");
    tablets = await HallSetup.SignInAllAsync(api, staff, options.Delegates, options.SignInParallelism, ct);
    Log.Info($"after sign-in: {server?.RssNow()}");
}
catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
{
    Console.Error.WriteLine($"setup failed: {e}");
    if (server is not null)
    {
        await server.DisposeAsync();
    }
    if (startedLayout && !options.KeepData)
    {
        await layout!.DownAsync(CancellationToken.None);
    }
    return 2;
}

string line;
// Two nodes: the final turnout is read from each node's screen API; a difference fails the run (exit 1).
var finalTurnout = layout is null ? null : new FinalTurnout(layout, staff.DisplayKeys[0]);
try
{
    line = options.Kill is not null
        ? await new KillRun(options, api, staff, tablets, layout!, finalTurnout!).RunAsync(ct)
        : options.CrashTrials > 0
            ? await new CrashRun(options, api, staff, tablets, server!).RunAsync(ct)
            : await new LoadRun(options, api, staff, tablets, server, options.Encrypted ? new EncryptedHall(api, staff, server?.Pid ?? options.ServerPid) : null, finalTurnout).RunAsync(ct);
}
finally
{
    if (startedLayout && !options.KeepData)
    {
        await layout!.DownAsync(CancellationToken.None);
    }
    if (server is not null)
    {
        await server.DisposeAsync();
    }
    api.Dispose();
    foreach (var t in tablets)
    {
        t.Http.Dispose();
    }
    if (madeFolder && !options.KeepData)
    {
        try
        {
            Directory.Delete(dataFolder, recursive: true);
            File.Delete(dataFolder + "-server.log");
        }
        catch (IOException)
        {
        }
    }
}
Log.Info($"done; load {Log.LoadAverage()}");
Console.WriteLine(line);
return finalTurnout?.Differs == true ? 1 : 0;
