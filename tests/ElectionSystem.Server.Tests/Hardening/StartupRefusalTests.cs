using System.Diagnostics;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace ElectionSystem.Server.Tests.Hardening;

/// <summary>
/// A server that cannot start says why in one Vietnamese line on stderr, with no stack trace, and
/// exits with the code deploy/electionsystem.service tells systemd not to restart on. The server
/// runs as a real process here (`dotnet ElectionSystem.Server.dll`), so the exit code is its own.
/// </summary>
public sealed class StartupRefusalTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "es-startup-" + Guid.NewGuid().ToString("N"));

    public StartupRefusalTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string DatabasePath => Path.Combine(_folder, "election.db");

    [Fact]
    [Trait(TestDatabase.Category, TestDatabase.SqliteFile)]
    public async Task A_truncated_database_stops_the_start_with_one_line_and_exit_65()
    {
        WriteDatabase(DatabasePath);
        var length = new FileInfo(DatabasePath).Length;
        using (var file = new FileStream(DatabasePath, FileMode.Open))
        {
            file.SetLength(length * 2 / 5);
        }

        var (code, stderr) = await RunServerAsync(_folder);

        Assert.Equal(StartupGuard.DatabaseDamaged, code);
        AssertOneVietnameseLine(stderr, "bị hỏng");
    }

    [Fact]
    [Trait(TestDatabase.Category, TestDatabase.SqliteFile)]
    public async Task A_file_that_is_not_a_database_stops_the_start_with_exit_65()
    {
        var junk = new byte[64 * 1024];
        new Random(13).NextBytes(junk);
        await File.WriteAllBytesAsync(DatabasePath, junk);

        var (code, stderr) = await RunServerAsync(_folder);

        Assert.Equal(StartupGuard.DatabaseDamaged, code);
        AssertOneVietnameseLine(stderr, "bị hỏng hoặc không phải cơ sở dữ liệu");
    }

    [Fact]
    public async Task A_data_folder_that_cannot_exist_stops_the_start_with_exit_73()
    {
        var aFile = Path.Combine(_folder, "a-file");
        await File.WriteAllTextAsync(aFile, "not a folder");

        var (code, stderr) = await RunServerAsync(Path.Combine(aFile, "data"));

        Assert.Equal(StartupGuard.DataFolderUnusable, code);
        AssertOneVietnameseLine(stderr, "thư mục dữ liệu");
    }

    [Fact]
    [Trait(TestDatabase.Category, TestDatabase.SqliteFile)]
    public async Task The_database_and_its_wal_and_shm_are_owner_only_whatever_the_umask()
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("Unix file modes are checked on Linux only.");
        }
        await using var hall = new HallFactory();
        using var client = await hall.ClientAsync(Features.Auth.Roles.Organiser);
        var db = Path.Combine(hall.DataFolder, "election.db");

        foreach (var file in new[] { db, db + "-wal", db + "-shm" })
        {
            Assert.True(File.Exists(file), file);
            Assert.Equal(DatabaseFiles.OwnerOnly, File.GetUnixFileMode(file));
        }
    }

    internal static void AssertOneVietnameseLine(string stderr, string expected)
    {
        var lines = stderr.TrimEnd('\n').Split('\n');
        Assert.True(lines.Length == 1, stderr);
        Assert.StartsWith("Không khởi động được", lines[0], StringComparison.Ordinal);
        Assert.Contains(expected, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    /// <summary>A database of a few hundred pages, written whole to the main file (no WAL).</summary>
    private static void WriteDatabase(string path)
    {
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE t(id INTEGER PRIMARY KEY, body BLOB);
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400)
                INSERT INTO t(body) SELECT randomblob(1000) FROM n;
                CREATE INDEX t_body ON t(body);
                """;
            command.ExecuteNonQuery();
        }
    }

    /// <summary>Runs the server on that data folder (and any further settings) until it exits by itself (a minute at most).</summary>
    internal static async Task<(int Code, string Stderr)> RunServerAsync(string dataFolder, params string[] settings)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "ElectionSystem.Server.dll"), "--DataFolder", dataFolder, "--urls", "http://127.0.0.1:0" }.Concat(settings))
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the server did not stop by itself: " + await stdout);
        }
        return (process.ExitCode, await stderr);
    }
}
