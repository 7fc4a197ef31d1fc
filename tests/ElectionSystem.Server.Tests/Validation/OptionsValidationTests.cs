using ElectionSystem.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace ElectionSystem.Server.Tests.Validation;

/// <summary>
/// A setting with a bad value stops the server at start, with a message naming the setting,
/// before the database in the data folder is made.
/// </summary>
public class OptionsValidationTests
{
    private sealed class MisconfiguredHall(string key, string value) : HallFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting(key, value);
        }
    }

    [Theory]
    [InlineData("HallTimeZone", "Nowhere/None", "HallTimeZone: \"Nowhere/None\" is not a known time zone")]
    [InlineData("HallTimeZone", "", "HallTimeZone: \"\" is not a known time zone")]
    [InlineData("Auth:LoginAttemptsPerMinutePerAddress", "0", "Auth:LoginAttemptsPerMinutePerAddress: 0 is not a positive number")]
    [InlineData("Auth:LoginAttemptsPerMinutePerAddress", "-5", "Auth:LoginAttemptsPerMinutePerAddress: -5 is not a positive number")]
    [InlineData("Hall:ElectionRequestsInFlight", "0", "Hall:ElectionRequestsInFlight: 0 is not a positive number")]
    [InlineData("Hall:ElectionRequestsInFlight", "many", "'Hall:ElectionRequestsInFlight'")]
    [InlineData("Proxy:KnownProxies:0", "nginx.local", "Proxy:KnownProxies: \"nginx.local\" is not an IP address")]
    [InlineData("ConnectionStrings:Election", "Data Source", "ConnectionStrings:Election: \"Data Source\" is not a connection string")]
    [InlineData("Database:Provider", "mysql", "Database:Provider: \"mysql\" is not a database provider (sqlite or postgres)")]
    [InlineData("Hall:Nodes", "three", "Hall:Nodes: \"three\" is not one or two")]
    [InlineData("Hall:Nodes", "two", "Hall:Nodes: \"two\" needs Redis:Configuration (e.g. 127.0.0.1:6379)")]
    public async Task A_bad_setting_stops_the_start_and_names_the_setting(string key, string value, string expected)
    {
        await using var hall = new MisconfiguredHall(key, value);

        var failure = Record.Exception(() => hall.CreateClient());

        Assert.NotNull(failure);
        Assert.Contains(expected, Messages(failure), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(hall.DataFolder, "election.db")));
    }

    /// <summary>Two nodes with Redis but on SQLite (one machine's file): refused, naming Database:Provider.</summary>
    [Fact]
    public async Task Two_nodes_on_sqlite_stop_the_start()
    {
        await using var hall = new TwoNodesOnSqlite();

        var failure = Record.Exception(() => hall.CreateClient());

        Assert.NotNull(failure);
        Assert.Contains("Hall:Nodes: \"two\" needs Database:Provider=postgres (not \"sqlite\").", Messages(failure), StringComparison.Ordinal);
        Assert.DoesNotContain("needs Redis", Messages(failure), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(hall.DataFolder, "election.db")));
    }

    private sealed class TwoNodesOnSqlite : HallFactory
    {
        protected override bool OnPostgres => false;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Hall:Nodes", "two");
            // Never connected: validation stops the start first (AbortOnConnectFail=false in any case).
            builder.UseSetting("Redis:Configuration", "127.0.0.1:1");
        }
    }

    [Fact]
    public async Task The_defaults_start()
    {
        await using var hall = new HallFactory();
        using var client = hall.AnonymousClient();
        (await client.GetAsync(new Uri("/health", UriKind.Relative))).EnsureSuccessStatusCode();
    }

    /// <summary>The message of the failure and of every exception inside it.</summary>
    private static string Messages(Exception e) => e switch
    {
        AggregateException all => string.Join(" | ", all.InnerExceptions.Select(Messages).Prepend(all.Message)),
        { InnerException: { } inner } => e.Message + " | " + Messages(inner),
        _ => e.Message,
    };
}
