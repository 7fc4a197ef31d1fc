using FluentValidation;

namespace ElectionSystem.Server.Hosting;

/// <summary>
/// Where this hall server keeps its state (database, signing keys, credentials files), whether it
/// runs the demo congress, and the hall's time zone. Bound from the configuration's root keys
/// <c>DataFolder</c>, <c>Demo</c> (or the <c>--demo</c> switch), <c>HallTimeZone</c> and
/// <c>ConnectionStrings:Election</c> with <c>Database:Provider</c> (sqlite, the default, or postgres); defaults and meaning in appsettings.json; checked at start
/// by <see cref="HallOptionsValidator"/>.
/// </summary>
public sealed class HallOptions
{
    public const string DefaultTimeZone = "Asia/Ho_Chi_Minh";

    /// <summary>Blank: <c>./data</c> under the content root (<c>./data/demo</c> with demo); relative paths are from the content root.</summary>
    public string DataFolder { get; set; } = "";

    public bool Demo { get; set; }

    /// <summary>IANA id of the time zone for times shown to people.</summary>
    public string HallTimeZone { get; set; } = DefaultTimeZone;

    /// <summary>Blank with sqlite: <c>Data Source={DataFolder}/election.db</c>; required with postgres.</summary>
    [ConfigurationKeyName("ConnectionStrings:Election")]
    public string ConnectionString { get; set; } = "";

    /// <summary><see cref="DatabaseProviders.Sqlite"/> (embedded file, the default) or <see cref="DatabaseProviders.Postgres"/>.</summary>
    [ConfigurationKeyName("Database:Provider")]
    public string DatabaseProvider { get; set; } = DatabaseProviders.Sqlite;

    public bool IsPostgres => DatabaseProviders.IsPostgres(DatabaseProvider);

    /// <summary>
    /// Fills in the defaults that depend on other settings and makes the data folder absolute and
    /// present (a folder that cannot be made is left for the validator to name).
    /// </summary>
    public void Resolve(string contentRoot)
    {
        var folder = string.IsNullOrWhiteSpace(DataFolder) ? (Demo ? Path.Combine("data", "demo") : "data") : DataFolder;
        DataFolder = Path.GetFullPath(Path.IsPathRooted(folder) ? folder : Path.Combine(contentRoot, folder));
        try
        {
            Directory.CreateDirectory(DataFolder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // HallOptionsValidator says "DataFolder: … cannot be created" at start.
        }
        if (string.IsNullOrWhiteSpace(ConnectionString) && !IsPostgres)
        {
            ConnectionString = $"Data Source={Path.Combine(DataFolder, "election.db")}";
        }
    }

    /// <summary>
    /// The same binding as the registered options, for the one registration that needs the folder
    /// before the container exists (AddElectionData takes its connection string as a value).
    /// </summary>
    public static HallOptions BindNow(IConfiguration configuration, string contentRoot)
    {
        var options = new HallOptions();
        configuration.Bind(options);
        options.Resolve(contentRoot);
        return options;
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

/// <summary>Refuses to start with a folder that cannot be made, an unknown time zone or a malformed connection string.</summary>
public sealed class HallOptionsValidator : AbstractValidator<HallOptions>
{
    public HallOptionsValidator()
    {
        RuleFor(o => o.DataFolder).Must(Directory.Exists)
            .WithMessage(o => $"DataFolder: \"{o.DataFolder}\" does not exist and cannot be created.");
        RuleFor(o => o.HallTimeZone).Must(id => HallClock.TryResolveZone(id, out _))
            .WithMessage(o => $"HallTimeZone: \"{o.HallTimeZone}\" is not a known time zone (an IANA id such as {HallOptions.DefaultTimeZone}).");
        RuleFor(o => o.DatabaseProvider).Must(DatabaseProviders.IsKnown)
            .WithMessage(o => $"Database:Provider: \"{o.DatabaseProvider}\" is not a database provider (sqlite or postgres).");
        RuleFor(o => o.ConnectionString).Must(IsConnectionString).When(o => !o.IsPostgres)
            .WithMessage(o => $"ConnectionStrings:Election: \"{o.ConnectionString}\" is not a connection string (e.g. Data Source=/var/lib/electionsystem/election.db).");
        RuleFor(o => o.ConnectionString).Must(IsPostgresConnectionString).When(o => o.IsPostgres)
            .WithMessage(o => $"ConnectionStrings:Election: \"{o.ConnectionString}\" is not a connection string to PostgreSQL naming a Host and a Database (e.g. Host=db1,db2;Database=election;Username=election;Target Session Attributes=read-write).");
    }

    private static bool IsPostgresConnectionString(string value)
    {
        try
        {
            var builder = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = value };
            return builder.ContainsKey("Host") && builder.ContainsKey("Database");
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static bool IsConnectionString(string value)
    {
        try
        {
            return new System.Data.Common.DbConnectionStringBuilder { ConnectionString = value }.Count > 0;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
