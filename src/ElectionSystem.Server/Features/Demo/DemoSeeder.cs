using ElectionSystem.Server.Data;
using ElectionSystem.Server.Hosting;

namespace ElectionSystem.Server.Features.Demo;

/// <summary>The reference congress for --demo (filled in after the core lands).</summary>
public sealed class DemoSeeder(HallOptions hall)
{
    public const string CredentialsFile = "demo-credentials.txt";

    public Task<Congress> SeedAsync(ElectionDbContext db)
    {
        _ = db;
        _ = hall;
        throw new NotImplementedException();
    }

    public static void PrintCredentials(HallOptions hall)
    {
        var path = Path.Combine(hall.DataFolder, CredentialsFile);
        if (File.Exists(path))
        {
            Console.WriteLine($"Demo credentials ({path}):\n{File.ReadAllText(path)}");
        }
    }
}
