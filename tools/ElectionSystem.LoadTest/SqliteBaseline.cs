using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace ElectionSystem.LoadTest;

/// <summary>
/// What the disk allows: single-row durable inserts into a SQLite file beside the server's (same
/// disk), with the server's settings (Data/SqliteSetup.cs: journal_mode=WAL, synchronous=FULL,
/// busy_timeout=5000), one transaction per row, the row shaped like a ballot (random 32-hex key in a
/// WITHOUT ROWID table, round id, source, JSON content). One writer, back to back. The disk of this
/// shared machine changes speed from minute to minute (other engineers' builds), so the load run
/// measures it in slices right after each capacity round, each as long as that round's casting.
/// </summary>
internal sealed class SqliteBaseline : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _insert;
    private readonly SqliteParameter _id;

    public SqliteBaseline(string path)
    {
        foreach (var f in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(f);
        }
        _connection = new SqliteConnection($"Data Source={path};Pooling=False");
        _connection.Open();
        Exec("PRAGMA journal_mode=WAL;");
        Exec("PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;");
        Exec("""
            CREATE TABLE "Ballots" ("Id" TEXT NOT NULL PRIMARY KEY, "RoundId" TEXT NOT NULL, "Source" TEXT NOT NULL, "Content" TEXT NOT NULL) WITHOUT ROWID;
            CREATE INDEX "IX_Ballots_RoundId" ON "Ballots" ("RoundId");
            """);
        _insert = _connection.CreateCommand();
        _insert.CommandText = """INSERT INTO "Ballots" ("Id", "RoundId", "Source", "Content") VALUES ($id, $round, 'tablet', $content)""";
        _id = _insert.Parameters.Add("$id", SqliteType.Text);
        _insert.Parameters.AddWithValue("$round", Guid.NewGuid().ToString().ToUpperInvariant());
        _insert.Parameters.AddWithValue("$content", """{"struck":["c3","c7"]}""");
    }

    public long Rows { get; private set; }
    public TimeSpan Elapsed { get; private set; }
    public double RowsPerSecond => Rows / Elapsed.TotalSeconds;

    /// <summary>Inserts back to back for the period; returns this slice's rate.</summary>
    public double RunFor(TimeSpan period)
    {
        var rows = 0;
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed < period)
        {
            using var tx = _connection.BeginTransaction();
            _insert.Transaction = tx;
            _id.Value = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            _insert.ExecuteNonQuery();
            tx.Commit();
            rows++;
        }
        Rows += rows;
        Elapsed += sw.Elapsed;
        return rows / sw.Elapsed.TotalSeconds;
    }

    private void Exec(string sql)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _insert.Dispose();
        _connection.Dispose();
    }
}
