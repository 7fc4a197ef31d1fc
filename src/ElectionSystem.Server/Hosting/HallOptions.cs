namespace ElectionSystem.Server.Hosting;

/// <summary>
/// Where this hall server keeps its state (database, signing keys, credentials files) and whether it
/// runs the demo congress. Read once at start-up from configuration: <c>DataFolder</c>, <c>Demo</c>
/// (or the <c>--demo</c> switch), <c>ConnectionStrings:Election</c>.
/// </summary>
public sealed record HallOptions(string DataFolder, bool Demo, string ConnectionString)
{
    public static HallOptions From(IConfiguration configuration, string contentRoot)
    {
        var demo = configuration.GetValue<bool>("Demo");
        var folder = configuration["DataFolder"];
        if (string.IsNullOrWhiteSpace(folder))
        {
            folder = demo ? Path.Combine("data", "demo") : "data";
        }
        folder = Path.GetFullPath(Path.IsPathRooted(folder) ? folder : Path.Combine(contentRoot, folder));
        Directory.CreateDirectory(folder);
        var connection = configuration.GetConnectionString("Election");
        if (string.IsNullOrWhiteSpace(connection))
        {
            connection = $"Data Source={Path.Combine(folder, "election.db")}";
        }
        return new HallOptions(folder, demo, connection);
    }

    /// <summary>Writes a secret file readable by the service user only (0600 on Unix).</summary>
    public void WriteSecretFile(string fileName, string contents)
    {
        var path = Path.Combine(DataFolder, fileName);
        File.WriteAllText(path, contents);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
