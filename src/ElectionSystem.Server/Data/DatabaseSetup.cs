using System.Data.Common;
using ElectionSystem.Server.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ElectionSystem.Server.Data;

/// <summary>
/// The database behind <see cref="ElectionDbContext"/>, chosen by <c>Database:Provider</c>. Each
/// provider's particulars sit in one place per concern: connection setup here (SQLite's pragmas,
/// PostgreSQL's <see cref="PostgresSetup"/>), the storage's errors in <see cref="StorageFailure"/>,
/// its self-check in <see cref="DatabaseHealth"/>, the file's mode in <see cref="DatabaseFiles"/>
/// (SQLite only) and the migrations in a set per provider.
/// </summary>
public static class DatabaseSetup
{
    public static IServiceCollection AddElectionData(this IServiceCollection services, string provider, string connectionString)
    {
        services.AddSingleton<AuditChainGate>();
        services.AddExceptionHandler<StorageFailureHandler>();
        services.AddScoped<DatabaseHealth>();
        if (DatabaseProviders.IsPostgres(provider))
        {
            // Everything asks for ElectionDbContext; on PostgreSQL it is the subclass (its own migrations).
            services.AddDbContext<ElectionDbContext, PostgresElectionDbContext>(options => options.UseHallPostgres(connectionString)
                .AddInterceptors(ExpiredRowsInterceptor.Instance), optionsLifetime: ServiceLifetime.Singleton);
            return services;
        }
        services.AddSingleton<SqlitePragmas>();
        // The options are built once (they depend on nothing scoped), not for every request's context: building and
        // comparing them was ~5 % of the server's CPU in the load tool's capacity rounds.
        services.AddDbContext<ElectionDbContext>((sp, options) => options
            .UseSqlite(connectionString)
            .AddInterceptors(sp.GetRequiredService<SqlitePragmas>(), ExpiredRowsInterceptor.Instance), optionsLifetime: ServiceLifetime.Singleton);
        return services;
    }

    /// <summary>Applies the provider's migrations; SQLite: then switches the file to WAL (a persistent property of the file).</summary>
    public static async Task MigrateAsync(this ElectionDbContext db, CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
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
