using System.Diagnostics;

namespace ElectionSystem.Browser.Tests.Tls;

/// <summary>
/// A throw-away hall CA and server certificate, made by the deploy script itself
/// (<c>deploy/hall-ca.sh</c>, openssl), and a Chromium home whose NSS database
/// (<c>$HOME/.pki/nssdb</c>, made with certutil from libnss3-tools) trusts that CA, as a desk PC
/// set up by the README would. Missing tools fail with the fix, never skip.
/// </summary>
public sealed class HallTrust : IDisposable
{
    public const string HostName = "hall.test";

    private HallTrust(string folder)
    {
        Folder = folder;
        CaCertificate = Path.Combine(folder, "ca", "hall-ca.crt");
        ServerCertificate = Path.Combine(folder, "ca", "server.crt");
        ServerKey = Path.Combine(folder, "ca", "server.key");
        TrustingHome = Path.Combine(folder, "home-trusting");
        UntrustingHome = Path.Combine(folder, "home-untrusting");
    }

    public string Folder { get; }
    public string CaCertificate { get; }
    public string ServerCertificate { get; }
    public string ServerKey { get; }

    /// <summary>HOME for a Chromium that trusts the hall CA.</summary>
    public string TrustingHome { get; }

    /// <summary>HOME for a Chromium that knows nothing of it (an empty NSS database).</summary>
    public string UntrustingHome { get; }

    /// <summary>A certificate for hall.test, localhost and 127.0.0.1 signed by a new CA, and both homes.</summary>
    public static HallTrust Create()
    {
        var trust = new HallTrust(Path.Combine(Path.GetTempPath(), "es-tls-" + Guid.NewGuid().ToString("N")));
        Directory.CreateDirectory(trust.Folder);
        var script = Path.Combine(RepositoryRoot(), "deploy", "hall-ca.sh");
        Run("bash", script, "--dir", Path.Combine(trust.Folder, "ca"), HostName, "localhost", "127.0.0.1");
        foreach (var (home, trusted) in new[] { (trust.TrustingHome, true), (trust.UntrustingHome, false) })
        {
            var nss = Path.Combine(home, ".pki", "nssdb");
            Directory.CreateDirectory(nss);
            Certutil("-N", "-d", "sql:" + nss, "--empty-password");
            if (trusted)
            {
                Certutil("-A", "-d", "sql:" + nss, "-n", "hall-ca", "-t", "C,,", "-i", trust.CaCertificate);
            }
        }
        return trust;
    }

    private static void Certutil(params string[] args)
    {
        if (!File.Exists("/usr/bin/certutil"))
        {
            throw new InvalidOperationException("certutil not found: install it with `apt-get install -y libnss3-tools` (.ci/run does this).");
        }
        Run("/usr/bin/certutil", args);
    }

    private static void Run(string program, params string[] args)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info) ?? throw new InvalidOperationException(program + " could not be started");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed ({process.ExitCode}): {output.Result}{error}");
        }
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ElectionSystem.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root (ElectionSystem.sln) above " + AppContext.BaseDirectory);
    }

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
