using System.Net;
using ElectionSystem.Server.Features.Badges;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ElectionSystem.Browser.Tests;

/// <summary>
/// The real server with the demo congress, on Kestrel at 127.0.0.1 and a free port, on a fresh
/// temporary data folder: what a browser (or a real SignalR client) talks to.
/// </summary>
public sealed class KestrelHall : WebApplicationFactory<Program>
{
    private readonly bool _keepData;

    /// <param name="dataFolder">Reuse a data folder (a restarted server); default a fresh one.</param>
    /// <param name="port">A fixed port (a restarted server at the same address); default any free one.</param>
    /// <param name="keepData">Leave the data folder on dispose, for the next server.</param>
    public KestrelHall(string? dataFolder = null, int port = 0, bool keepData = false)
    {
        _keepData = keepData;
        DataFolder = dataFolder ?? Path.Combine(Path.GetTempPath(), "es-browser-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataFolder);
        UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        var credentials = File.ReadAllLines(Path.Combine(DataFolder, "demo-credentials.txt"));
        string Field(string role, int index) => credentials.Single(l => l.StartsWith(role + " ", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[index];
        OrganiserUser = Field("organiser", 1);
        OrganiserPassword = Field("organiser", 2);
        CheckInUser = Field("checkin-staff", 1);
        CheckInPassword = Field("checkin-staff", 2);
        ProjectorKey = Field("projector", 1).Split("key=")[1];
    }

    public string DataFolder { get; }
    public string BaseUrl { get; }
    public string OrganiserUser { get; }
    public string OrganiserPassword { get; }
    public string CheckInUser { get; }
    public string CheckInPassword { get; }
    public string ProjectorKey { get; }

    public int Port => new Uri(BaseUrl).Port;

    /// <summary>A port free right now on 127.0.0.1.</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public BadgeTokens Badges => Services.GetRequiredService<BadgeSigning>().Tokens;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("DataFolder", DataFolder);
        builder.UseSetting("Demo", "true");
        builder.UseEnvironment("Development");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (_keepData)
        {
            return;
        }
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
