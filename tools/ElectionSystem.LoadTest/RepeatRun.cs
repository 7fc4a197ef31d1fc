using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ElectionSystem.LoadTest;

/// <summary>
/// <c>--repeat N --kill X</c>: N kill runs, each this tool once more without <c>--repeat</c> (so each on a
/// fresh layout: up.sh, set-up, the burst with its own random kill time, down.sh). Each run's 'kill:' line
/// is printed as it comes, then 'kill-repeat:' with every failover_s and their median (issue 15: "median of
/// three, each kill time random"). Exit 1 when a run failed, lost or duplicated a ballot, or a node's final turnout differed.
/// </summary>
internal static partial class RepeatRun
{
    public static async Task<int> RunAsync(Options options, string[] args, CancellationToken ct)
    {
        var once = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--repeat") i++;
            else once.Add(args[i]);
        }
        var self = Environment.ProcessPath!;
        var prefix = Path.GetFileNameWithoutExtension(self) == "dotnet" ? new[] { typeof(RepeatRun).Assembly.Location } : [];
        var failovers = new List<double>();
        var lastResent = new List<double>();
        var failed = 0;
        for (var run = 1; run <= options.Repeat; run++)
        {
            Log.Info($"repeat {run}/{options.Repeat}: {string.Join(' ', once)}");
            var start = new ProcessStartInfo(self, [.. prefix, .. once]) { RedirectStandardOutput = true };
            using var child = Process.Start(start)!;
            var output = await child.StandardOutput.ReadToEndAsync(ct);
            await child.WaitForExitAsync(ct);
            var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(l => l.StartsWith("kill:", StringComparison.Ordinal));
            Console.WriteLine(line ?? $"kill: run={run} failed (exit {child.ExitCode})");
            if (child.ExitCode != 0 || line is null || !Clean(line)) failed++;
            if (line is not null && FailoverPattern().Match(line) is { Success: true } m
                && double.TryParse(m.Groups[1].Value, CultureInfo.InvariantCulture, out var f) && !double.IsNaN(f))
            {
                failovers.Add(f);
            }
            if (line is not null && LastResentPattern().Match(line) is { Success: true } r
                && double.TryParse(r.Groups[1].Value, CultureInfo.InvariantCulture, out var l))
            {
                lastResent.Add(l);
            }
        }
        var median = Median(failovers);
        Console.WriteLine($"kill-repeat: part={options.Kill} runs={options.Repeat} failover_s={string.Join(',', failovers.Select(Log.F2))} "
                          + $"median_failover_s={(double.IsNaN(median) ? "n/a" : Log.F2(median))} "
                          + $"last_resent_ack_s={string.Join(',', lastResent.Select(Log.F2))} median_last_resent_ack_s={(lastResent.Count == 0 ? "n/a" : Log.F2(Median(lastResent)))} "
                          + $"failed_runs={failed}");
        return failed == 0 ? 0 : 1;
    }

    private static bool Clean(string line) => line.Contains(" lost=0 ", StringComparison.Ordinal) && line.Contains(" duplicated=0 ", StringComparison.Ordinal);

    public static double Median(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    [GeneratedRegex(@" failover_s=([0-9.]+|NaN)")]
    private static partial Regex FailoverPattern();

    [GeneratedRegex(@" last_resent_ack_s=([0-9.]+)")]
    private static partial Regex LastResentPattern();
}
