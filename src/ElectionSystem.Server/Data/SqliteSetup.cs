using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ElectionSystem.Server.Data;

/// <summary>
/// SQLite as the hall needs it: every commit durable before it is acknowledged (synchronous=FULL),
/// concurrent writers wait rather than fail (busy_timeout), readers never block the writer (WAL).
/// </summary>
public static class SqliteSetup
{
    public static IServiceCollection AddElectionData(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton<AuditChainGate>();
        services.AddSingleton<SqlitePragmas>();
        services.AddExceptionHandler<StorageFailureHandler>();
        services.AddScoped<DatabaseHealth>();
        services.AddDbContext<ElectionDbContext>((sp, options) => options
            .UseSqlite(connectionString)
            .AddInterceptors(sp.GetRequiredService<SqlitePragmas>()));
        return services;
    }

    /// <summary>Applies migrations and switches the file to WAL (a persistent property of the file).</summary>
    public static async Task MigrateAsync(this ElectionDbContext db, CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }
}

/// <summary>Per-connection pragmas, set on every open (they are not stored in the file).</summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    // secure_delete: a page freed or a cell overwritten is zeroed, so what an anonymous vote's close
    // clears, or a deleted draft, does not stay readable in the file's free space.
    private const string Pragmas = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000; PRAGMA secure_delete=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
