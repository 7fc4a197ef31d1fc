using System.Diagnostics;

namespace ElectionSystem.Server.Tests.Infrastructure;

/// <summary>
/// Clean-up of a helper server (PostgreSQL, Redis) that must happen even when the runner kills the
/// test process before ProcessExit has run: a detached watcher (its own session, so it outlives the
/// process group) waits for this process to be gone, then runs the shell command.
/// </summary>
public static class AfterTestProcess
{
    public static void Run(string shellCommand)
    {
        using (Process.Start(new ProcessStartInfo("setsid", ["sh", "-c",
            $"exec >/dev/null 2>&1 </dev/null; while kill -0 {Environment.ProcessId}; do sleep 1; done; {shellCommand}"])))
        {
        }
    }
}
