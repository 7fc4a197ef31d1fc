using Npgsql;

namespace ElectionSystem.Server.Data;

/// <summary>
/// Why PostgreSQL refused the server at start, in one Vietnamese line naming the host, port and
/// database of ConnectionStrings:Election (never its password) and what to do (Hall/StartupGuard
/// prints it). A wrong password (28P01), a user the server does not let in (28000) and a missing
/// database (3D000) are the configuration's: retrying cannot help. A refused or lost connection is
/// the database server's absence (<see cref="StorageFailure.IsUnreachable"/>): it may come back.
/// </summary>
public static class PostgresStartFailures
{
    /// <summary>SQLSTATE invalid_password.</summary>
    public const string InvalidPassword = "28P01";

    /// <summary>SQLSTATE invalid_authorization_specification (no pg_hba.conf entry, no such role).</summary>
    public const string NotAuthorised = "28000";

    /// <summary>SQLSTATE invalid_catalog_name: the database does not exist.</summary>
    public const string NoSuchDatabase = "3D000";

    /// <summary>The line for a refusal the settings must fix (wrong password, user, database), or null.</summary>
    public static string? ConfigurationLine(Exception e, string connectionString)
    {
        var (where, database, user) = Describe(connectionString);
        return PostgresSetup.SqlState(e) switch
        {
            InvalidPassword =>
                $"Không khởi động được: PostgreSQL tại {where} không nhận mật khẩu của người dùng “{user}” cho cơ sở dữ liệu “{database}” (28P01). " +
                "Hãy sửa Password trong ConnectionStrings:Election (hoặc đặt lại mật khẩu của người dùng đó trên PostgreSQL: ALTER ROLE … PASSWORD), rồi khởi động lại.",
            NotAuthorised =>
                $"Không khởi động được: PostgreSQL tại {where} không cho người dùng “{user}” vào cơ sở dữ liệu “{database}” (28000: {Message(e)}). " +
                "Hãy tạo người dùng đó hoặc thêm một dòng cho nó trong pg_hba.conf, hoặc sửa Username trong ConnectionStrings:Election, rồi khởi động lại.",
            NoSuchDatabase =>
                $"Không khởi động được: PostgreSQL tại {where} không có cơ sở dữ liệu “{database}” (3D000). " +
                $"Hãy tạo nó (createdb -O {user} {database}) hoặc sửa Database trong ConnectionStrings:Election, rồi khởi động lại.",
            _ => null,
        };
    }

    /// <summary>The line for a database server that does not answer (refused, timed out, shutting down).</summary>
    public static string UnreachableLine(Exception e, string connectionString)
    {
        var (where, database, _) = Describe(connectionString);
        return $"Không khởi động được: không kết nối được PostgreSQL tại {where} (cơ sở dữ liệu “{database}”: {Message(e)}). " +
            "Hãy kiểm tra máy chủ PostgreSQL đang chạy và nhận kết nối ở địa chỉ và cổng đó (listen_addresses, pg_hba.conf, tường lửa) " +
            "và Host, Port trong ConnectionStrings:Election, rồi khởi động lại.";
    }

    private static (string Where, string Database, string User) Describe(string connectionString)
    {
        try
        {
            var b = new NpgsqlConnectionStringBuilder(connectionString);
            var port = b.Port;
            // Several hosts (Host=db1,db2:5433): each with its port, as Npgsql tries them.
            var where = string.Join(", ", (b.Host ?? "localhost").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(h => h.Contains(':', StringComparison.Ordinal) && !h.StartsWith('/') ? h : $"{h}:{port}"));
            return (where, b.Database ?? b.Username ?? "?", b.Username ?? Environment.UserName);
        }
        catch (ArgumentException)
        {
            return ("?", "?", "?");
        }
    }

    private static string Message(Exception e)
    {
        var text = (e is PostgresException pg ? pg.MessageText : e.InnerException?.Message ?? e.Message).ReplaceLineEndings(" ");
        return text.Length <= 200 ? text : text[..200] + "…";
    }
}
