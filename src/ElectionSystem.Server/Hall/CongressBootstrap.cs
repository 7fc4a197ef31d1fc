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
/// <c>--demo</c>, otherwise an empty one with a first organiser "admin" and a first presidium
/// account "chutich", each with its own random temporary password written once to its own file in
/// {DataFolder} (0600) and printed on the console — and load the badge key. The organiser never
/// makes a presidium account (ADR 0010): the operator hands "chutich"'s password to the presidium
/// in a sealed envelope, and the presidium makes any further presidium accounts itself.
/// On PostgreSQL all of it runs under a database lock (<see cref="DatabaseLocks.Bootstrap"/>): two hall
/// servers starting together on an empty database migrate it once and make one congress, one
/// admin and one chutich (the second finds them; its data folder then has no password files).
/// </summary>
public static class CongressBootstrap
{
    public const string InitialPasswordFile = "initial-organiser-password.txt";
    public const string InitialPresidiumPasswordFile = "initial-presidium-password.txt";
    public const string FirstPresidium = "chutich";

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
            await FirstAccountAsync(db, hall, audit, clock, "admin", "Ban Tổ chức", Roles.Organiser, InitialPasswordFile);
            await FirstAccountAsync(db, hall, audit, clock, FirstPresidium, "Đoàn Chủ tịch", Roles.Presidium, InitialPresidiumPasswordFile);
        }
        await db.SaveChangesAsync();
        return congress;
    }

    /// <summary>
    /// A first account with a random password, written to its file (0600) and the console; it is
    /// temporary: the first sign-in sets a password of one's own.
    /// </summary>
    private static async Task FirstAccountAsync(
        ElectionDbContext db, HallOptions hall, AuditLog audit, HallClock clock, string userName, string displayName, string role, string file)
    {
        var password = PasswordHasher.NewPassword();
        db.Accounts.Add(new Account
        {
            Id = Guid.NewGuid(),
            UserName = userName,
            DisplayName = displayName,
            Role = role,
            PasswordHash = PasswordHasher.Hash(password),
            MustChangePassword = true,
            CreatedAt = clock.UtcNow,
        });
        await audit.AppendAsync("system", "account.created", $"account:{userName}", new { role });
        hall.WriteSecretFile(file, $"{userName}\n{password}\n");
        Console.WriteLine($"""

            First run: {Roles.DisplayNameVi(role)} account "{userName}" ({role}), password: {password}
            (also written to {Path.Combine(hall.DataFolder, file)}; the first sign-in asks for a new one, then delete that file)

            """);
    }
}
