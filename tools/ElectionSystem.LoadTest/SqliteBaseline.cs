using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace ElectionSystem.LoadTest;

/// <summary>
/// What the disk allows: single-row durable inserts into a SQLite file beside the server's (same
/// disk), with the server's settings (Data/SqliteSetup.cs: journal_mode=WAL, synchronous=FULL,
/// busy_timeout=5000), one transaction per row, the row shaped like a ballot (random 32-hex key in a
/// WITHOUT ROWID table, round id, source, JSON content). One writer, back to back, for the period.
/// </summary>
internal static class SqliteBaseline
{
    public static double Run(string path, TimeSpan period)
    {
        foreach (var f in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(f);
        }
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        Exec(connection, "PRAGMA journal_mode=WAL;");
        Exec(connection, "PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;");
        Exec(connection, """
            CREATE TABLE "Ballots" ("Id" TEXT NOT NULL PRIMARY KEY, "RoundId" TEXT NOT NULL, "Source" TEXT NOT NULL, "Content" TEXT NOT NULL) WITHOUT ROWID;
            CREATE INDEX "IX_Ballots_RoundId" ON "Ballots" ("RoundId");
            """);
        using var insert = connection.CreateCommand();
        insert.CommandText = """INSERT INTO "Ballots" ("Id", "RoundId", "Source", "Content") VALUES ($id, $round, 'tablet', $content)""";
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        insert.Parameters.AddWithValue("$round", Guid.NewGuid().ToString().ToUpperInvariant());
        insert.Parameters.AddWithValue("$content", """{"struck":["c3","c7"]}""");
        var rows = 0;
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed < period)
        {
            using var tx = connection.BeginTransaction();
            insert.Transaction = tx;
            id.Value = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            insert.ExecuteNonQuery();
            tx.Commit();
            rows++;
        }
        return rows / sw.Elapsed.TotalSeconds;
    }

    private static void Exec(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
