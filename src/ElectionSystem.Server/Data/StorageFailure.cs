using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.Sqlite;

namespace ElectionSystem.Server.Data;

/// <summary>
/// The storage itself failing — the data folder's disk full, the database file damaged — as
/// opposed to a request that is wrong. Nothing of the request was saved (SQLite and PostgreSQL
/// roll the transaction back), and the person must be told so, in Vietnamese, with what to do.
/// SQLite's result codes and PostgreSQL's SQLSTATEs (<see cref="PostgresSetup"/>) map to the same answers.
/// </summary>
public static class StorageFailure
{
    /// <summary>SQLITE_FULL: "database or disk is full".</summary>
    public const int SqliteFull = 13;

    /// <summary>SQLITE_CORRUPT and SQLITE_NOTADB: the file is damaged or not a database.</summary>
    public const int SqliteCorrupt = 11;
    public const int SqliteNotADatabase = 26;

    public const string DiskFullTitle = "Ổ đĩa đầy";

    public const string DiskFullDetail =
        "Ổ đĩa chứa thư mục dữ liệu của máy chủ đã đầy: thao tác này chưa được lưu, không có gì thay đổi. " +
        "Hãy báo kỹ thuật viên giải phóng dung lượng ổ đĩa, rồi thực hiện lại.";

    public const string DamagedTitle = "Cơ sở dữ liệu bị hỏng";

    public const string DamagedDetail =
        "Tệp cơ sở dữ liệu của máy chủ bị hỏng: thao tác này chưa được lưu. " +
        "Hãy báo kỹ thuật viên dừng máy chủ, giữ nguyên thư mục dữ liệu và khôi phục từ bản sao lưu.";

    /// <summary>The SQLite error code behind an exception (EF wraps it in DbUpdateException), or null.</summary>
    public static int? SqliteCode(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is SqliteException sqlite)
            {
                return sqlite.SqliteErrorCode;
            }
        }
        return null;
    }

    public static bool IsDiskFull(Exception e) => SqliteCode(e) == SqliteFull || PostgresSetup.SqlState(e) == PostgresSetup.DiskFull;

    public static bool IsDamaged(Exception e) =>
        SqliteCode(e) is SqliteCorrupt or SqliteNotADatabase || PostgresSetup.SqlState(e) is PostgresSetup.DataCorrupted or PostgresSetup.IndexCorrupted;

    /// <summary>
    /// A unique or primary-key constraint refused the row (SQLite's SQLITE_CONSTRAINT, PostgreSQL's
    /// 23505): another writer — another app node — stored it first. The database, not a process,
    /// is what keeps "one ballot per delegate".
    /// </summary>
    public static bool IsDuplicate(Exception e) => SqliteCode(e) == SqliteConstraint || PostgresSetup.SqlState(e) == PostgresSetup.UniqueViolation;

    /// <summary>SQLITE_CONSTRAINT (a UNIQUE or PRIMARY KEY among them).</summary>
    public const int SqliteConstraint = 19;

    /// <summary>PostgreSQL does not answer (refused, timed out, shutting down): not damage, not a full disk.</summary>
    public static bool IsUnreachable(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            if (x is Npgsql.NpgsqlException npgsql && !IsDiskFull(npgsql) && !IsDamaged(npgsql))
            {
                return npgsql is not Npgsql.PostgresException pg || pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState.StartsWith("57P", StringComparison.Ordinal);
            }
        }
        return false;
    }

    /// <summary>True when the failure is the storage's, not the request's (use to let it reach the handler).</summary>
    public static bool IsStorage(Exception e) => IsDiskFull(e) || IsDamaged(e);
}

/// <summary>
/// Turns a storage failure thrown anywhere into one ProblemDetails: 507 for a full disk, 503 for
/// a damaged database. Other exceptions go on to the default handler.
/// </summary>
public sealed class StorageFailureHandler(IProblemDetailsService problems, ILogger<StorageFailureHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        int status;
        string title, detail;
        if (StorageFailure.IsDiskFull(exception))
        {
            (status, title, detail) = (StatusCodes.Status507InsufficientStorage, StorageFailure.DiskFullTitle, StorageFailure.DiskFullDetail);
            logger.LogCritical("The data folder's disk is full: {Method} {Path} was not saved", httpContext.Request.Method, httpContext.Request.Path);
        }
        else if (StorageFailure.IsDamaged(exception))
        {
            (status, title, detail) = (StatusCodes.Status503ServiceUnavailable, StorageFailure.DamagedTitle, StorageFailure.DamagedDetail);
            logger.LogCritical(exception, "The database file is damaged: {Method} {Path} failed", httpContext.Request.Method, httpContext.Request.Path);
        }
        else
        {
            return false;
        }
        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
