using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ElectionSystem.Server.Data;

/// <summary>
/// PostgreSQL's counterpart of SQLite's quick_check and integrity_check. At start: the server
/// answers and the database is readable. Before a round is counted: amcheck's heap and B-tree
/// checks on this database's tables and indexes, when the DBA has installed the extension
/// (<c>CREATE EXTENSION amcheck</c> needs a superuser; without it only the connection is checked).
/// A damaged page found here stops the count, as on SQLite.
/// </summary>
public static class PostgresHealth
{
    private const int MaxReported = 5;

    public static async Task<IReadOnlyList<string>> QuickProblemsAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT 1", connection);
        await command.ExecuteScalarAsync(ct);
        return [];
    }

    public static async Task<IReadOnlyList<string>> IntegrityProblemsAsync(ElectionDbContext db, CancellationToken ct)
    {
        var installed = await db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM pg_extension WHERE extname = 'amcheck'").SingleAsync(ct);
        if (installed == 0)
        {
            await db.Database.SqlQueryRaw<int>("SELECT 1 AS \"Value\"").SingleAsync(ct);
            return [];
        }
        try
        {
            // verify_heapam: a row per damaged tuple or page; bt_index_check: raises XX002 on a damaged index.
            var problems = await db.Database.SqlQueryRaw<string>("""
                SELECT c.relname || ': ' || v.msg AS "Value"
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace, LATERAL verify_heapam(c.oid) v
                WHERE c.relkind = 'r' AND n.nspname = current_schema()
                """).Take(MaxReported).ToListAsync(ct);
            await db.Database.SqlQueryRaw<int>("""
                SELECT count(bt_index_check(c.oid, true))::int AS "Value"
                FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam
                    JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE a.amname = 'btree' AND n.nspname = current_schema()
                """).SingleAsync(ct);
            return problems;
        }
        catch (PostgresException e) when (StorageFailure.IsDamaged(e))
        {
            return [e.MessageText];
        }
    }
}
