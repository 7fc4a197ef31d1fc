using System.Diagnostics;

namespace ElectionSystem.Server.Tests.Infrastructure;

/// <summary>
/// Clean-up of a helper server (PostgreSQL, Redis) that must happen even when the runner kills the
/// test process before ProcessExit has run: a detached watcher (its own session, so it outlives the
/// process group) reads its standard input, a pipe whose only writer is this process, and runs the
/// shell command at end of file — when this process is gone, however it ended (the kernel closes the
/// pipe). The writer is kept open here until then; .NET opens it close-on-exec, so no other child
/// (redis-server, postgres) holds it.
/// </summary>
public static class AfterTestProcess
{
    private static readonly List<Process> Watchers = [];

    public static void Run(string shellCommand)
    {
        var watcher = Process.Start(new ProcessStartInfo("setsid", ["sh", "-c", $"exec >/dev/null 2>&1; cat >/dev/null; {shellCommand}"])
        {
            RedirectStandardInput = true,
        })!;
        lock (Watchers)
        {
            Watchers.Add(watcher);
        }
    }
}
