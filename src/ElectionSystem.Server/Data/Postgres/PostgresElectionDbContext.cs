using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ElectionSystem.Server.Data;

/// <summary>
/// The same model on PostgreSQL (<c>Database:Provider=postgres</c>). A type of its own only so that
/// its migrations (Data/PostgresMigrations, generated from this model) are a set apart from SQLite's.
/// Two differences from the SQLite model, made here so no capability names a provider:
/// <list type="bullet">
/// <item>every table is created by the migrations, ballots and receipts too: on SQLite those are
/// hand-written WITHOUT ROWID tables (ADR 0001); PostgreSQL has no rowid, and its answer to the
/// same question is in ADR 0011;</item>
/// <item>SQLite's NOCASE collation is an ICU case-insensitive collation of the same name;</item>
/// <item>a partial index's filter on a boolean column compares with TRUE (SQLite stores 1).</item>
/// </list>
/// </summary>
public sealed class PostgresElectionDbContext(DbContextOptions<PostgresElectionDbContext> options, AuditChainGate chainGate)
    : ElectionDbContext(options, chainGate)
{
    public const string CaseInsensitive = "nocase";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.HasCollation(CaseInsensitive, locale: "und-u-ks-level2", provider: "icu", deterministic: false);
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            entity.SetIsTableExcludedFromMigrations(false);
            foreach (var index in entity.GetIndexes())
            {
                if (index.GetFilter() is { } filter)
                {
                    foreach (var flag in entity.GetProperties().Where(p => p.ClrType == typeof(bool)))
                    {
                        filter = filter.Replace($"\"{flag.GetColumnName()}\" = 1", $"\"{flag.GetColumnName()}\" = TRUE", StringComparison.Ordinal);
                    }
                    index.SetFilter(filter);
                }
            }
            foreach (var property in entity.GetProperties())
            {
                if (string.Equals(property.GetCollation(), "NOCASE", StringComparison.OrdinalIgnoreCase))
                {
                    property.SetCollation(CaseInsensitive);
                }
            }
        }
    }
}

/// <summary>
/// For <c>dotnet ef migrations add NAME --context PostgresElectionDbContext --output-dir Data/PostgresMigrations</c>:
/// the model needs no server (the connection string is never opened while generating).
/// </summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresElectionDbContext>
{
    public PostgresElectionDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresElectionDbContext>();
        options.UseHallPostgres("Host=localhost;Database=election");
        return new PostgresElectionDbContext(options.Options, new AuditChainGate());
    }
}
