using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Data;

/// <summary>
/// Whether the database is whole: the provider's own checks, as a list of what is wrong (empty when
/// it is sound). PostgreSQL: <see cref="PostgresHealth"/> (a connection check at start; amcheck,
/// where the extension is installed, before a count). SQLite: the file's checks. <c>quick_check</c> at start (pages and records, no index cross-check);
/// the full <c>integrity_check</c> before a round is counted, so a damaged ballots page stops the
/// close with a clear message instead of a count of what could be read.
/// </summary>
public sealed class DatabaseHealth(ElectionDbContext db)
{
    private const int MaxReported = 5;

    /// <summary>PRAGMA integrity_check (PostgreSQL: amcheck) on the context's connection.</summary>
    public async Task<IReadOnlyList<string>> IntegrityProblemsAsync(CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            return await PostgresHealth.IntegrityProblemsAsync(db, ct);
        }
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(ct);
        }
        try
        {
            return await CheckAsync(connection, "PRAGMA integrity_check(" + MaxReported + ");", ct);
        }
        catch (SqliteException e) when (StorageFailure.IsDamaged(e))
        {
            return [e.Message];
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    /// <summary>
    /// PRAGMA quick_check on a connection of its own, before EF Core opens the file (so a damaged
    /// file is reported once, by the caller, not logged by EF with a stack trace first).
    /// </summary>
    public static async Task<IReadOnlyList<string>> QuickProblemsAsync(string provider, string connectionString, CancellationToken ct = default)
    {
        if (Hosting.DatabaseProviders.IsPostgres(provider))
        {
            return await PostgresHealth.QuickProblemsAsync(connectionString, ct);
        }
        await using var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(ct);
            return await CheckAsync(connection, "PRAGMA quick_check(" + MaxReported + ");", ct);
        }
        catch (SqliteException e) when (StorageFailure.IsDamaged(e))
        {
            return [e.Message];
        }
        finally
        {
            SqliteConnection.ClearPool(connection);
        }
    }

    private static async Task<IReadOnlyList<string>> CheckAsync(DbConnection connection, string pragma, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = pragma;
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            lines.Add(reader.GetString(0));
        }
        return lines is ["ok"] ? [] : lines;
    }
}
