using System.Data.Common;
using System.Text;
using ElectionSystem.Server.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace ElectionSystem.Server.Tests.Elections.Keys;

/// <summary>A stored ballot row as a copy of the data holds it.</summary>
public sealed record CopiedBallot(string Id, string Source, string Content);

/// <summary>
/// What an attacker with a copy of the data gets (issue 14). SQLite: the data folder's election.db,
/// -wal and -shm copied byte for byte while the server runs, <see cref="Bytes"/> = those files, and
/// the rows read back from the copy itself (SQLite replays the copied WAL). PostgreSQL: the cluster's
/// files are shared by every test's database, so, as in EncryptedRoundTests, <see cref="Bytes"/> is
/// every row of every table of the hall's database as text (what a dump gives) and the rows are read
/// from the database at that moment.
/// </summary>
public sealed class DataFolderCopy
{
    public required byte[] Bytes { get; init; }
    public required List<string> Files { get; init; }
    public required List<Guid> Participants { get; init; }
    public required List<CopiedBallot> Ballots { get; init; }

    public bool Contains(string needle) => Bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle)) >= 0;

    public static async Task<DataFolderCopy> TakeAsync(ElectionsHall hall, Guid roundId, string into)
    {
        if (TestDatabase.IsPostgres)
        {
            await using var pg = new Npgsql.NpgsqlConnection(PostgresCluster.Instance.ConnectionString(hall.PostgresDatabase!));
            await pg.OpenAsync();
            var tables = await ReadAsync(pg, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'", null, r => r.GetString(0));
            var text = new StringBuilder();
            foreach (var table in tables)
            {
                foreach (var row in await ReadAsync(pg, $"SELECT t::text FROM \"{table}\" t", null, r => r.GetString(0))) text.AppendLine(row);
            }
            return await RowsAsync(pg, Encoding.UTF8.GetBytes(text.ToString()), [.. tables], "@round", roundId);
        }
        Directory.CreateDirectory(into);
        var files = new List<string>();
        var bytes = new List<byte>();
        // The three files, each read whole, one after another: what a copy (or a backup tool) would take.
        foreach (var name in new[] { "election.db", "election.db-wal", "election.db-shm" })
        {
            var source = Path.Combine(hall.DataFolder, name);
            if (!File.Exists(source)) continue;
            var content = await File.ReadAllBytesAsync(source);
            await File.WriteAllBytesAsync(Path.Combine(into, name), content);
            files.Add(name);
            bytes.AddRange(content);
        }
        var builder = new SqliteConnectionStringBuilder { DataSource = Path.Combine(into, "election.db"), Pooling = false };
        await using var copy = new SqliteConnection(builder.ToString());
        await copy.OpenAsync();
        // EF Core's SQLite provider stores a Guid as upper-case text.
        return await RowsAsync(copy, [.. bytes], files, "$round", roundId.ToString().ToUpperInvariant());
    }

    private static async Task<DataFolderCopy> RowsAsync(DbConnection connection, byte[] bytes, List<string> files, string parameter, object round)
    {
        var participants = await ReadAsync(connection, $"SELECT \"DelegateId\" FROM \"Participations\" WHERE \"RoundId\" = {parameter}", (parameter, round),
            r => Guid.Parse(r.GetValue(0).ToString()!));
        var ballots = await ReadAsync(connection, $"SELECT \"Id\", \"Source\", \"Content\" FROM \"Ballots\" WHERE \"RoundId\" = {parameter}", (parameter, round),
            r => new CopiedBallot(r.GetString(0), r.GetString(1), r.GetString(2)));
        return new DataFolderCopy { Bytes = bytes, Files = files, Participants = participants, Ballots = ballots };
    }

    private static async Task<List<T>> ReadAsync<T>(DbConnection connection, string sql, (string Name, object Value)? parameter, Func<DbDataReader, T> read)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (parameter is { } p)
        {
            var dbp = command.CreateParameter();
            dbp.ParameterName = p.Name;
            dbp.Value = p.Value;
            command.Parameters.Add(dbp);
        }
        await using var reader = await command.ExecuteReaderAsync();
        var list = new List<T>();
        while (await reader.ReadAsync()) list.Add(read(reader));
        return list;
    }
}
