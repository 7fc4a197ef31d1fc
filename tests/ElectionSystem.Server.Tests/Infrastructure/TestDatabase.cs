using System.Diagnostics;
using ElectionSystem.Server.Hosting;
using Npgsql;

namespace ElectionSystem.Server.Tests.Infrastructure;

/// <summary>
/// Which database the server tests run on: SQLite (default) or, with <c>ELECTION_TEST_DB=postgres</c>,
/// PostgreSQL — one throw-away cluster for the whole run (<see cref="PostgresCluster"/>) and a fresh
/// database per test app. Tests of the SQLite file itself carry <c>[Trait(Category, SqliteFile)]</c>
/// and are filtered out of the PostgreSQL run (<c>--filter "Category!=SqliteFile"</c>, .ci/run; ADR 0011).
/// </summary>
public static class TestDatabase
{
    public const string Variable = "ELECTION_TEST_DB";
    public const string Category = "Category";
    public const string SqliteFile = "SqliteFile";

    public static bool IsPostgres => DatabaseProviders.IsPostgres(Environment.GetEnvironmentVariable(Variable));
}

/// <summary>
/// A PostgreSQL cluster in a temporary folder, started on first use and stopped (and removed) when
/// the test process exits: <c>initdb</c>, then <c>pg_ctl start</c> listening on a Unix socket in the
/// same folder only (no TCP port to collide with the other engineers' runs), <c>synchronous_commit=on</c>.
/// As root (initdb refuses root) the cluster runs as the <c>postgres</c> user.
/// </summary>
public sealed class PostgresCluster
{
    private static readonly Lazy<PostgresCluster> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _folder;
    private readonly int _port;

    private PostgresCluster(string folder, int port)
    {
        _folder = folder;
        _port = port;
    }

    public static PostgresCluster Instance => Shared.Value;

    /// <summary>
    /// The one role that must give a password (scram-sha-256 on the socket; every other role is
    /// trusted): for the start-up refusal of a wrong password (28P01, PostgresStartupRefusalTests).
    /// </summary>
    public const string PasswordUser = "es_password_user";

    public const string PasswordUserPassword = "mat-khau-dung-1";

    public string ConnectionString(string database) =>
        $"Host={_folder};Port={_port};Username=postgres;Database={database};Include Error Detail=true;Maximum Pool Size=40";

    /// <summary>A new, empty database (its name is the test app's).</summary>
    public string CreateDatabase()
    {
        var name = "es_" + Guid.NewGuid().ToString("N");
        Execute($"CREATE DATABASE \"{name}\"");
        return name;
    }

    public void DropDatabase(string name)
    {
        using (var connection = new NpgsqlConnection(ConnectionString(name)))
        {
            NpgsqlConnection.ClearPool(connection);
        }
        Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static PostgresCluster Start()
    {
        var folder = Path.Combine(Path.GetTempPath(), "es-pg-" + Guid.NewGuid().ToString("N")[..12]);
        // A port number only names the socket file; nothing listens on TCP.
        var port = 50000 + Random.Shared.Next(10000);
        Run("initdb", $"-D {folder} -U postgres -A trust -E UTF8 --no-locale --no-sync");
        // pg_hba.conf is read top down: the password role's line comes before "local all all trust".
        // Rewritten in place (as root the file stays the postgres user's).
        var hba = Path.Combine(folder, "pg_hba.conf");
        File.WriteAllText(hba, $"local all {PasswordUser} scram-sha-256\n" + File.ReadAllText(hba));
        Run("pg_ctl", $"-D {folder} -l {folder}/server.log -w -t 60 start -o \"-k {folder} -p {port} -c listen_addresses='' " +
            "-c synchronous_commit=on -c max_connections=400 -c shared_buffers=64MB\"");
        var cluster = new PostgresCluster(folder, port);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Stop();
        // The runner may kill the test process before ProcessExit has finished: a detached watcher
        // stops and removes the cluster once this process is gone, whichever way it went.
        var stop = (Environment.UserName == "root" ? "runuser -u postgres -- " : "") + $"{Locate("pg_ctl")} -D {folder} -m immediate -w stop";
        AfterTestProcess.Run($"{stop}; rm -rf {folder}");
        // amcheck in every database made from template1, so the round close's integrity check has it.
        using (var connection = new NpgsqlConnection(cluster.ConnectionString("template1") + ";Pooling=false"))
        {
            connection.Open();
            using var command = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS amcheck", connection);
            command.ExecuteNonQuery();
        }
        cluster.Execute($"CREATE ROLE {PasswordUser} LOGIN PASSWORD '{PasswordUserPassword}'");
        return cluster;
    }

    private void Stop()
    {
        NpgsqlConnection.ClearAllPools();
        Run("pg_ctl", $"-D {_folder} -m immediate -w stop");
        // The postmaster may still be removing its socket and pid file a moment after pg_ctl returns.
        for (var attempt = 0; attempt < 5 && Directory.Exists(_folder); attempt++)
        {
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                Thread.Yield();
            }
        }
    }

    /// <summary>On PATH (this machine: /usr/local/bin), else Debian's /usr/lib/postgresql/VERSION/bin (apt-get install postgresql).</summary>
    private static string Locate(string tool)
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(dir => Path.Combine(dir, tool)).FirstOrDefault(File.Exists);
        if (onPath is not null)
        {
            return onPath;
        }
        return Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", tool)).Where(File.Exists)
                .OrderByDescending(p => p, StringComparer.Ordinal).FirstOrDefault() ?? tool
            : tool;
    }

    private static void Run(string tool, string arguments)
    {
        var binary = Locate(tool);
        var asRoot = Environment.UserName == "root";
        var start = asRoot
            ? new ProcessStartInfo("runuser", $"-u postgres -- {binary} {arguments}")
            : new ProcessStartInfo(binary, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {arguments} failed ({process.ExitCode}): {error.Result} {output.Result}");
        }
    }
}
