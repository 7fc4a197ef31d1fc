using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ElectionSystem.Server.Data;

/// <summary>
/// PostgreSQL as the hall needs it. Durability is the server's setting (<c>synchronous_commit=on</c>,
/// its default; with a synchronous standby, on both machines before the commit returns); the
/// connection string may list several hosts with <c>Target Session Attributes=read-write</c>.
/// </summary>
public static class PostgresSetup
{
    /// <summary>SQLSTATE disk_full: the database server's disk (or its WAL's) is full.</summary>
    public const string DiskFull = "53100";

    /// <summary>SQLSTATE unique_violation.</summary>
    public const string UniqueViolation = "23505";

    /// <summary>SQLSTATE data_corrupted and index_corrupted.</summary>
    public const string DataCorrupted = "XX001";
    public const string IndexCorrupted = "XX002";

    public static DbContextOptionsBuilder UseHallPostgres(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString);

    /// <summary>The SQLSTATE of the PostgreSQL error behind an exception (EF wraps it), or null.</summary>
    public static string? SqlState(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is PostgresException postgres)
            {
                return postgres.SqlState;
            }
        }
        return null;
    }
}
