namespace ElectionSystem.Server.Hosting;

/// <summary>
/// The values of <c>Database:Provider</c>: the embedded SQLite file (the default: the README's
/// <c>--demo</c> needs no service) or a PostgreSQL server (the two-server hall, issue 15; ADR 0011).
/// </summary>
public static class DatabaseProviders
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public static bool IsKnown(string? value) => value is not null && (IsPostgres(value) || string.Equals(value.Trim(), Sqlite, StringComparison.OrdinalIgnoreCase));

    public static bool IsPostgres(string? value) => string.Equals(value?.Trim(), Postgres, StringComparison.OrdinalIgnoreCase);
}
