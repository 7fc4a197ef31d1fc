using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Audit;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Badges;
using ElectionSystem.Server.Features.Demo;
using ElectionSystem.Server.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ElectionSystem.Server;

/// <summary>
/// Start-up: apply migrations, then make sure there is a congress — the demo congress with
/// <c>--demo</c>, otherwise an empty one with a first organiser "admin" whose random password is
/// written once to {DataFolder}/initial-organiser-password.txt (0600) — and load the badge key.
/// On PostgreSQL all of it runs under a database lock (<see cref="DatabaseLocks.Bootstrap"/>): two hall
/// servers starting together on an empty database migrate it once and make one congress and one
/// admin (the second finds them; its data folder then has no password file).
/// </summary>
public static class CongressBootstrap
{
    public const string InitialPasswordFile = "initial-organiser-password.txt";

    public static async Task PrepareCongressAsync(this WebApplication app)
    {
        var hall = app.Services.GetRequiredService<IOptions<HallOptions>>().Value;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ElectionDbContext>();
        await using var bootstrap = await DatabaseLocks.HoldAsync(db, DatabaseLocks.Bootstrap, app.Lifetime.ApplicationStopping);
        await db.MigrateAsync();

        var congress = await db.Congresses.AsNoTracking().OrderBy(c => c.StartDate).FirstOrDefaultAsync();
        if (congress is null)
        {
            if (hall.Demo)
            {
                congress = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(db, scope.ServiceProvider);
            }
            else
            {
                congress = await CreateEmptyCongressAsync(db, hall, scope.ServiceProvider.GetRequiredService<AuditLog>(),
                    scope.ServiceProvider.GetRequiredService<HallClock>());
            }
        }
        if (hall.Demo)
        {
            // Printed once the server listens, so the URLs are the real ones.
            app.Lifetime.ApplicationStarted.Register(() => DemoSeeder.PrintCredentials(hall, app.Urls));
        }

        // Two hall servers sign and check badges with one key, kept in the database they share (ADR 0012).
        var badgeKey = app.Services.GetRequiredService<IOptions<HallNodesOptions>>().Value.Several
            ? await BadgeKeyStore.LoadOrCreateSharedAsync(db, congress.Id)
            : BadgeKeyStore.LoadOrCreate(hall.DataFolder, congress.Id);
        app.Services.GetRequiredService<BadgeSigning>().Initialize(badgeKey);
    }

    private static async Task<Congress> CreateEmptyCongressAsync(ElectionDbContext db, HallOptions hall, AuditLog audit, HallClock clock)
    {
        var today = DateOnly.FromDateTime(clock.ToHall(clock.UtcNow));
        var congress = new Congress
        {
            Id = Guid.NewGuid(),
            Name = "Đại hội (chưa đặt tên)",
            StartDate = today,
            EndDate = today,
        };
        db.Congresses.Add(congress);
        await audit.AppendAsync("system", "congress.created", $"congress:{congress.Id}", new { congress.Name });

        if (!await db.Accounts.AnyAsync())
        {
            var password = PasswordHasher.NewPassword();
            db.Accounts.Add(new Account
            {
                Id = Guid.NewGuid(),
                UserName = "admin",
                DisplayName = "Ban Tổ chức",
                Role = Roles.Organiser,
                PasswordHash = PasswordHasher.Hash(password),
                // Written to a file and the console: the first sign-in sets a password of one's own.
                MustChangePassword = true,
                CreatedAt = clock.UtcNow,
            });
            await audit.AppendAsync("system", "account.created", "account:admin", new { role = Roles.Organiser });
            hall.WriteSecretFile(InitialPasswordFile, $"admin\n{password}\n");
            Console.WriteLine($"""

                First run: organiser account "admin", password: {password}
                (also written to {Path.Combine(hall.DataFolder, InitialPasswordFile)}; the first sign-in asks for a new one, then delete that file)

                """);
        }
        await db.SaveChangesAsync();
        return congress;
    }
}
