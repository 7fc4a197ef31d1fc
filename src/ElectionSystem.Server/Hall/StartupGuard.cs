using ElectionSystem.Server.Data;
using ElectionSystem.Server.Hosting;
using Microsoft.Extensions.Options;

namespace ElectionSystem.Server;

/// <summary>
/// Start-up that ends, when it must, with one Vietnamese line on stderr and an exit code of its
/// own (no stack trace): deploy/electionsystem.service lists these codes in
/// RestartPreventExitStatus, so systemd does not restart a server that cannot start into a loop.
/// </summary>
public static class StartupGuard
{
    /// <summary>The database file is damaged or not a database (EX_DATAERR).</summary>
    public const int DatabaseDamaged = 65;

    /// <summary>The data folder is missing, not writable or its disk is full (EX_CANTCREAT).</summary>
    public const int DataFolderUnusable = 73;

    /// <summary>PostgreSQL does not answer (EX_UNAVAILABLE): systemd restarts, the database may come back.</summary>
    public const int DatabaseUnreachable = 69;

    /// <summary>PostgreSQL refuses the settings — wrong password or user, no such database (EX_CONFIG): retrying only loops.</summary>
    public const int DatabaseMisconfigured = 78;

    /// <summary>Checks the settings, the data folder and the database, then prepares the congress; an exit code when the server must not start.</summary>
    public static async Task<int?> StartOrRefuseAsync(this WebApplication app)
    {
        var folder = HallOptions.BindNow(app.Configuration, app.Environment.ContentRootPath).DataFolder;
        if (!Directory.Exists(folder))
        {
            return FolderUnusable(folder, "không có thư mục này và không tạo được");
        }
        // A bad setting still throws, naming the key (HallConfiguration; the options tests read that exception).
        app.ValidateOptionsNow();
        var hall = app.Services.GetRequiredService<IOptions<HallOptions>>().Value;

        try
        {
            var probe = Path.Combine(hall.DataFolder, $".write-test-{Environment.ProcessId}");
            await File.WriteAllTextAsync(probe, "ok");
            File.Delete(probe);
            if (!hall.IsPostgres)
            {
                DatabaseFiles.MakeOwnerOnly(hall.ConnectionString);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return FolderUnusable(hall.DataFolder, e.Message);
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        IReadOnlyList<string> problems;
        try
        {
            problems = await DatabaseHealth.QuickProblemsAsync(hall.DatabaseProvider, hall.ConnectionString);
        }
        catch (Exception e) when (hall.IsPostgres && PostgresStartFailures.ConfigurationLine(e, hall.ConnectionString) is { } line)
        {
            return Refuse(line, DatabaseMisconfigured);
        }
        catch (Exception e) when (StorageFailure.IsUnreachable(e))
        {
            return Refuse(PostgresStartFailures.UnreachableLine(e, hall.ConnectionString), DatabaseUnreachable);
        }
        if (problems.Count > 0)
        {
            return Damaged(hall, string.Join("; ", problems));
        }
        app.Logger.LogInformation("Database quick_check ok in {Ms:F0} ms", System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);

        try
        {
            await app.PrepareCongressAsync();
        }
        catch (Exception e) when (StorageFailure.IsDamaged(e))
        {
            return Damaged(hall, e.Message);
        }
        catch (Exception e) when (StorageFailure.IsDiskFull(e))
        {
            // PostgreSQL's 53100 is the database server's disk, not this node's data folder.
            var disk = hall.IsPostgres ? "ổ đĩa của máy chủ cơ sở dữ liệu PostgreSQL" : $"ổ đĩa chứa thư mục dữ liệu “{hall.DataFolder}”";
            return Refuse($"Không khởi động được: {disk} đã đầy. " +
                "Hãy giải phóng dung lượng ổ đĩa rồi khởi động lại.", DataFolderUnusable);
        }
        return null;
    }

    private static int FolderUnusable(string folder, string why) => Refuse(
        $"Không khởi động được: thư mục dữ liệu “{folder}” không dùng được ({why}). " +
        "Hãy tạo thư mục, cấp quyền ghi cho tài khoản chạy máy chủ và kiểm tra dung lượng ổ đĩa, rồi khởi động lại.", DataFolderUnusable);

    private static int Damaged(HallOptions hall, string what) => Refuse(hall.IsPostgres
        // The data folder holds no database on PostgreSQL: what to restore is the database itself.
        ? $"Không khởi động được: cơ sở dữ liệu PostgreSQL bị hỏng ({Shorten(what)}). " +
          "Máy chủ dừng để không ghi thêm vào cơ sở dữ liệu hỏng. Hãy khôi phục cơ sở dữ liệu PostgreSQL từ bản sao lưu rồi khởi động lại."
        : $"Không khởi động được: tệp cơ sở dữ liệu “{DatabaseFiles.PathOf(hall.ConnectionString)}” bị hỏng hoặc không phải cơ sở dữ liệu ({Shorten(what)}). " +
          "Máy chủ dừng để không ghi thêm vào tệp hỏng. Hãy giữ nguyên thư mục dữ liệu, khôi phục election.db từ bản sao lưu rồi khởi động lại.",
        DatabaseDamaged);

    private static int Refuse(string message, int exitCode)
    {
        Console.Error.WriteLine(message.ReplaceLineEndings(" "));
        return exitCode;
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
