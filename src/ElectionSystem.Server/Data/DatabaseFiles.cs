using Microsoft.Data.Sqlite;

namespace ElectionSystem.Server.Data;

/// <summary>
/// The database file readable by the service user only (0600), whatever the umask: SQLite creates
/// the -wal and -shm files with the mode of the database file, so making the database file 0600
/// before SQLite first opens it covers all three. Ballots and participations are in there.
/// </summary>
public static class DatabaseFiles
{
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>The database file's path, or null for an in-memory database.</summary>
    public static string? PathOf(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        return builder.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:"
            ? null
            : Path.GetFullPath(builder.DataSource);
    }

    /// <summary>Creates the file empty (an empty file is an empty SQLite database) or tightens an existing one and its -wal/-shm.</summary>
    public static void MakeOwnerOnly(string connectionString)
    {
        if (OperatingSystem.IsWindows() || PathOf(connectionString) is not { } path)
        {
            return;
        }
        if (!File.Exists(path))
        {
            using var created = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = OwnerOnly,
            });
        }
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
        {
            if (File.Exists(file))
            {
                File.SetUnixFileMode(file, OwnerOnly);
            }
        }
    }
}
