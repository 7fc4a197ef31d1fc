using ElectionSystem.Server.Data;
using ElectionSystem.Server.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ElectionSystem.Server.Tests.Elections;

/// <summary>
/// The BallotsClusteredByRound migration on a data folder made before it: the ballots stay, the table
/// becomes clustered on (RoundId, Id) (WITHOUT ROWID, no rowid to keep a casting order), the round's
/// separate index goes, and a round's ballots are read through the primary key. Down puts it back.
/// </summary>
[Trait(TestDatabase.Category, TestDatabase.SqliteFile)]
public sealed class BallotsClusteredByRoundTests : IDisposable
{
    private const string Before = "20261130065912_CredentialsSecretsAndSlips";
    private const string Migration = "20261130100000_BallotsClusteredByRound";
    private readonly string _folder = Directory.CreateTempSubdirectory("es-ballots-pk-").FullName;

    private static readonly (string Id, string Round, string Source, string Content)[] Rows =
    [
        ("b-1", "AAAAAAAA-0000-0000-0000-000000000001", "tablet", """{"struck":["c1"]}"""),
        ("b-2", "AAAAAAAA-0000-0000-0000-000000000001", "paper", """{"struck":[]}"""),
        ("b-3", "BBBBBBBB-0000-0000-0000-000000000002", "encrypted", """{"rows":[]}"""),
    ];

    [Fact]
    public async Task A_data_folder_from_before_keeps_its_ballots_now_clustered_by_round()
    {
        await using var db = Context();
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(Before);
        foreach (var (id, round, source, content) in Rows)
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"INSERT INTO \"Ballots\" (\"Id\", \"RoundId\", \"Source\", \"Content\") VALUES ({id}, {round}, {source}, {content})");
        }
        Assert.Equal([("Id", 1)], await KeyAsync(db));
        Assert.Contains("IX_Ballots_RoundId", await IndexesAsync(db));

        await migrator.MigrateAsync(Migration);

        Assert.Equal([("RoundId", 1), ("Id", 2)], await KeyAsync(db));
        Assert.DoesNotContain("IX_Ballots_RoundId", await IndexesAsync(db));
        Assert.Contains("WITHOUT ROWID", await SqlAsync(db), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(Rows.OrderBy(r => r.Id), await BallotsAsync(db));
        var plan = string.Join(" | ", await Query(db, "EXPLAIN QUERY PLAN SELECT \"Content\" FROM \"Ballots\" WHERE \"RoundId\" = 'x'", r => r.GetString(3)));
        Assert.Contains("PRIMARY KEY", plan, StringComparison.Ordinal);

        await migrator.MigrateAsync(Before);
        Assert.Equal([("Id", 1)], await KeyAsync(db));
        Assert.Contains("IX_Ballots_RoundId", await IndexesAsync(db));
        Assert.Equal(Rows.OrderBy(r => r.Id), await BallotsAsync(db));
    }

    private ElectionDbContext Context()
    {
        var options = new DbContextOptionsBuilder<ElectionDbContext>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder, "election.db"), Pooling = false }.ToString()).Options;
        return new ElectionDbContext(options, new AuditChainGate());
    }

    private static async Task<List<(string, long)>> KeyAsync(ElectionDbContext db) =>
        [.. (await Query(db, "SELECT name, pk FROM pragma_table_info('Ballots') WHERE pk > 0 ORDER BY pk", r => (r.GetString(0), r.GetInt64(1))))];

    private static Task<List<string>> IndexesAsync(ElectionDbContext db) =>
        Query(db, "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'Ballots'", r => r.GetString(0));

    private static async Task<string> SqlAsync(ElectionDbContext db) =>
        (await Query(db, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'Ballots'", r => r.GetString(0))).Single();

    private static Task<List<(string, string, string, string)>> BallotsAsync(ElectionDbContext db) =>
        Query(db, "SELECT \"Id\", \"RoundId\", \"Source\", \"Content\" FROM \"Ballots\" ORDER BY \"Id\"", r => (r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3)));

    private static async Task<List<T>> Query<T>(ElectionDbContext db, string sql, Func<System.Data.Common.DbDataReader, T> read)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync()) rows.Add(read(reader));
        return rows;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
