using System.Net;
using System.Net.Sockets;
using ElectionSystem.Server.Tests.Infrastructure;
using Npgsql;

namespace ElectionSystem.Server.Tests.Hardening;

/// <summary>
/// StartupRefusalTests on PostgreSQL (Database:Provider=postgres), always on the throw-away
/// cluster: a wrong password (28P01) and a missing database (3D000) stop the start with one
/// Vietnamese line naming host, port and database and what to fix, and EX_CONFIG (78), which the
/// systemd units do not restart on; a refused connection says the same where, with 69 (restarted:
/// the database may come back). No stack trace, never the password.
/// </summary>
[Trait(TestDatabase.Category, "Postgres")]
public sealed class PostgresStartupRefusalTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "es-pg-startup-" + Guid.NewGuid().ToString("N"));

    public PostgresStartupRefusalTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static NpgsqlConnectionStringBuilder Cluster(string database) => new(PostgresCluster.Instance.ConnectionString(database));

    private Task<(int Code, string Stderr)> StartOnAsync(NpgsqlConnectionStringBuilder connection) =>
        StartupRefusalTests.RunServerAsync(_folder, "--Database:Provider", "postgres", "--ConnectionStrings:Election", connection.ConnectionString);

    private static void AssertNamesWhere(string stderr, NpgsqlConnectionStringBuilder connection)
    {
        Assert.Contains($"{connection.Host}:{connection.Port}", stderr, StringComparison.Ordinal);
        Assert.Contains($"“{connection.Database}”", stderr, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings:Election", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_stops_the_start_with_one_line_and_exit_78()
    {
        var connection = Cluster("postgres");
        connection.Username = PostgresCluster.PasswordUser;
        connection.Password = "mat-khau-sai-7";

        var (code, stderr) = await StartOnAsync(connection);

        Assert.Equal(StartupGuard.DatabaseMisconfigured, code);
        StartupRefusalTests.AssertOneVietnameseLine(stderr, "28P01");
        AssertNamesWhere(stderr, connection);
        Assert.Contains($"“{PostgresCluster.PasswordUser}”", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("mat-khau-sai-7", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_database_stops_the_start_with_one_line_and_exit_78()
    {
        var connection = Cluster("es_khong_co_" + Guid.NewGuid().ToString("N")[..8]);

        var (code, stderr) = await StartOnAsync(connection);

        Assert.Equal(StartupGuard.DatabaseMisconfigured, code);
        StartupRefusalTests.AssertOneVietnameseLine(stderr, "3D000");
        AssertNamesWhere(stderr, connection);
        Assert.Contains("createdb", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_connection_stops_the_start_with_one_line_naming_where_and_exit_69()
    {
        // A loopback port nobody listens on any more: the connection is refused at once.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var connection = new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = port, Database = "election", Username = "election", Timeout = 5 };

        var (code, stderr) = await StartOnAsync(connection);

        Assert.Equal(StartupGuard.DatabaseUnreachable, code);
        StartupRefusalTests.AssertOneVietnameseLine(stderr, "không kết nối được PostgreSQL");
        AssertNamesWhere(stderr, connection);
    }
}
