using System.Globalization;

namespace ElectionSystem.LoadTest;

/// <summary>Command line of the load tool (every option has a default: the congress).</summary>
internal sealed class Options
{
    public int Delegates { get; private set; } = 1600;
    public int Screens { get; private set; } = 10;
    /// <summary>Hub connections the fan-out is measured on: tablets + screens + extra display connections.</summary>
    public int Connections { get; private set; } = 2000;
    public double WindowSeconds { get; private set; } = 10;
    public double CapacitySeconds { get; private set; } = 10;
    public int CapacityMaxRounds { get; private set; } = 40;
    public double BaselineSeconds { get; private set; } = 10;
    public int CrashTrials { get; private set; }
    public string? ServerDll { get; private set; }
    public Uri? Url { get; private set; }
    public string? DataFolder { get; private set; }
    public int? ServerPid { get; private set; }
    public bool KeepData { get; private set; }
    /// <summary>Start deploy/two-nodes/up.sh (and down.sh at the end) and drive the layout through its proxy.</summary>
    public bool TwoNodes { get; private set; }
    /// <summary>Kill mode: app, db or redis (the two-node layout).</summary>
    public string? Kill { get; private set; }
    public double? KillAtSeconds { get; private set; }
    /// <summary>Kill runs, each on a fresh layout with its own random kill time (--repeat N with --kill).</summary>
    public int Repeat { get; private set; } = 1;
    public int Seed { get; private set; } = Environment.TickCount;
    public int SignInParallelism { get; private set; } = 16;
    /// <summary>Encrypted ballots: a 3-of-5 key ceremony before the burst, ballots encrypted in advance, close = decrypting.</summary>
    public bool Encrypted { get; private set; }
    /// <summary>Names on the burst's list (null: the 11 names of the executive list, 9 seats, as every earlier line).</summary>
    public int? Names { get; private set; }
    /// <summary>Encrypted: every tablet posts its ballot to the round's check before the burst (as at the delegate's review); false: the old way.</summary>
    public bool Precheck { get; private set; } = true;
    /// <summary>Environment of the started server, for experiments (e.g. DOTNET_gcServer=0).</summary>
    public Dictionary<string, string> ServerEnvironment { get; } = new(StringComparer.Ordinal);

    public const string Usage = """
        ElectionSystem.LoadTest — simulated tablets and projection screens against a hall server.

          dotnet run -c Release --project tools/ElectionSystem.LoadTest -- [options]

          --delegates N          simulated tablets (default 1600)
          --screens M            projection screens (default 10)
          --connections C        hub connections for the fan-out figure (default 2000; extra display connections fill up to C)
          --window S             burst window in seconds (default 10)
          --capacity S           seconds of saturated casting for max_ballots_per_s (default 10; 0 skips)
          --capacity-rounds R    at most R capacity rounds (default 40)
          --baseline S           at least S seconds of single-row durable SQLite inserts in all (default 10): a slice after
                                 each capacity round as long as its casting, topped up at the end
          --crash-trials T       crash mode: T trials of SIGKILL during the burst (prints the 'crash:' line)
          --server-dll PATH      server to start (default: src/ElectionSystem.Server/bin/Release/net10.0/ElectionSystem.Server.dll, built if missing)
          --url URL              attach to a running server instead (needs --data-folder; no crash mode)
          --data-folder DIR      the attached server's DataFolder (its initial-organiser- and -presidium-password.txt are read, the
                                 disk baseline's file written there), or where to start one
          --server-pid PID       the attached server's process (for rss_mb)
          --keep-data            keep the temporary data folder (with --two-nodes: leave the layout up)
          --two-nodes            run deploy/two-nodes/up.sh (PostgreSQL primary + sync standby, Redis, two app nodes,
                                 haproxy) and drive it through the proxy; down.sh at the end. With --url, attach to
                                 a layout already up (--url http://127.0.0.1:56000, TWO_NODES_DIR for its folder)
          --kill app|db|redis    kill mode (needs the two-node layout): SIGKILL one part mid-burst — app1 (half the
                                 requests), the primary database (promote.sh promotes the standby) or Redis — and
                                 print the 'kill:' line with failover_s, lost and duplicated (checked in the database)
          --at S                 the kill's moment, seconds into the burst (default: random in the window)
          --repeat N             with --kill: N runs, each on a fresh layout (up.sh … down.sh) with its own random kill
                                 time; prints each run's 'kill:' line, then 'kill-repeat:' with every failover_s and
                                 their median. Exit 1 when a run lost or duplicated a ballot or a node's final turnout differed
          --seed N               random seed
          --server-env K=V       environment variable for the started server (repeatable; for experiments)
          --encrypted            encrypted ballots: a 3-of-5 key ceremony over 5 committee members (C# does what their
                                 browsers do), every tablet's ballot encrypted and proved before the burst (all cores),
                                 close = 3 partial decryptions (close_to_result_ms), the result checked against the
                                 Domain's count of the chosen plaintexts; capacity rounds encrypted too
          --names N              names on the burst's list, seats N - ceil(N/6) (default: the 11-name list, 9 seats)
          --no-precheck          encrypted: skip the pre-burst phase in which every tablet posts its ballot to the round's
                                 check (as its page does at the delegate's review, spread over --window; precheck_s and
                                 precheck_p99_ms on the line), so every proof is checked in the burst, the old way
        Progress goes to stderr; the one final line to stdout. Exit 0 when the run completed, 1 when --two-nodes saw a
        final turnout on a node other than accepted (or a --repeat run failed), 2 on a setup failure.
        """;

    public static Options Parse(string[] args)
    {
        var o = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Int() => int.Parse(Next(), CultureInfo.InvariantCulture);
            double Dbl() => double.Parse(Next(), CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--delegates": o.Delegates = Int(); break;
                case "--screens": o.Screens = Int(); break;
                case "--connections": o.Connections = Int(); break;
                case "--window": o.WindowSeconds = Dbl(); break;
                case "--capacity": o.CapacitySeconds = Dbl(); break;
                case "--capacity-rounds": o.CapacityMaxRounds = Int(); break;
                case "--baseline": o.BaselineSeconds = Dbl(); break;
                case "--crash-trials": o.CrashTrials = Int(); break;
                case "--server-dll": o.ServerDll = Next(); break;
                case "--url": o.Url = new Uri(Next()); break;
                case "--data-folder": o.DataFolder = Next(); break;
                case "--server-pid": o.ServerPid = Int(); break;
                case "--keep-data": o.KeepData = true; break;
                case "--two-nodes": o.TwoNodes = true; break;
                case "--kill": o.Kill = Next(); break;
                case "--at": o.KillAtSeconds = Dbl(); break;
                case "--repeat": o.Repeat = Int(); break;
                case "--seed": o.Seed = Int(); break;
                case "--signin-parallelism": o.SignInParallelism = Int(); break;
                case "--encrypted": o.Encrypted = true; break;
                case "--names": o.Names = Int(); break;
                case "--no-precheck": o.Precheck = false; break;
                case "--server-env":
                    var kv = Next().Split('=', 2);
                    o.ServerEnvironment[kv[0]] = kv.Length > 1 ? kv[1] : "";
                    break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }
        if (o.Delegates < 1 || o.Screens < 1 || o.WindowSeconds <= 0)
        {
            throw new ArgumentException("--delegates and --screens must be at least 1, --window positive");
        }
        if (o.Kill is not null && o.Kill is not ("app" or "db" or "redis"))
        {
            throw new ArgumentException("--kill takes app, db or redis");
        }
        if (o.Kill is not null && !o.TwoNodes)
        {
            throw new ArgumentException("--kill needs the two-node layout: --two-nodes (with --url to attach to one already up)");
        }
        if (o.Repeat < 1 || (o.Repeat > 1 && (o.Kill is null || o.KillAtSeconds is not null || o.Url is not null)))
        {
            throw new ArgumentException("--repeat N (at least 1) needs --kill, picks its own kill times (no --at) and starts the layout each time (no --url)");
        }
        if (o.Url is not null && o.DataFolder is null && !o.TwoNodes)
        {
            throw new ArgumentException("--url needs --data-folder (the first organiser's password is read there, the disk baseline written there: see docs/performance.md)");
        }
        if (o.Names is < 2)
        {
            throw new ArgumentException("--names must be at least 2 (a list with surplus)");
        }
        if (o.Encrypted && o.CrashTrials > 0)
        {
            throw new ArgumentException("--encrypted is for the load line, not the crash trials");
        }
        if (o.Url is not null && o.CrashTrials > 0)
        {
            throw new ArgumentException("crash trials start and kill the server themselves: no --url");
        }
        return o;
    }
}
