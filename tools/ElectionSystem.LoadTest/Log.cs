using System.Diagnostics;
using System.Globalization;

namespace ElectionSystem.LoadTest;

/// <summary>Progress on stderr with the time since start; the result line alone goes to stdout.</summary>
internal static class Log
{
    private static readonly long Start = Stopwatch.GetTimestamp();

    public static void Info(string message) =>
        Console.Error.WriteLine($"[{Stopwatch.GetElapsedTime(Start).TotalSeconds,7:0.0}s] {message}");

    public static string LoadAverage()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return $"{parts[0]} {parts[1]} {parts[2]}";
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    public static string F(double v) => v.ToString("0", CultureInfo.InvariantCulture);
    public static string F1(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);
    public static string F2(double v) => v.ToString("0.00", CultureInfo.InvariantCulture);
}

/// <summary>Percentiles of a set of milliseconds (nearest rank).</summary>
internal static class Stats
{
    public static double Percentile(IReadOnlyCollection<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public static double Ms(long fromTimestamp, long toTimestamp) =>
        (toTimestamp - fromTimestamp) * 1000.0 / Stopwatch.Frequency;
}

/// <summary>CPU seconds of a process (this one, or the server from /proc/PID/stat) for "is the client the bottleneck?".</summary>
internal static class Cpu
{
    public static double SelfSeconds() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    public static double ProcessSeconds(int? pid)
    {
        if (pid is null)
        {
            return double.NaN;
        }
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // utime and stime are fields 14 and 15 of the whole line: 12 and 13 after "pid (comm) ".
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return ticks / 100.0;
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }

    /// <summary>
    /// Waits until the process has used less than a fifth of one core over 300 ms (or <paramref name="atMost"/> has passed):
    /// the work a phase left behind (a collection after the pre-checks, say) is not counted in the next. Returns the seconds waited.
    /// </summary>
    public static async Task<double> UntilIdleAsync(int? pid, TimeSpan atMost, CancellationToken ct)
    {
        var start = Stopwatch.GetTimestamp();
        while (pid is not null && Stopwatch.GetElapsedTime(start) < atMost)
        {
            var before = ProcessSeconds(pid);
            await Task.Delay(300, ct); // the window the CPU is measured over: the measurement itself, not a wait for an event
            if (!(ProcessSeconds(pid) - before >= 0.06)) break;
        }
        return Stopwatch.GetElapsedTime(start).TotalSeconds;
    }
}
