using System.Globalization;
using System.Text;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Audit;
using ElectionSystem.Server.Features.Elections;
using ElectionSystem.Server.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.Demo;

/// <summary>
/// The demo's counting committee: two delegates with PINs, already activated. A real committee is
/// recorded by the presidium, whose one-time codes let each member set their own passphrase; the
/// demo's members have random passphrases, written with the other demo credentials
/// (<c>committee-member DB046 xxxx-xxxx-xxxx-xxxx</c>). Their key (2 of 2: both decrypt, as both confirmed before) is made at once
/// (<see cref="DemoKeys"/>), each member's share file sealed with that same passphrase.
/// </summary>
internal static class DemoCommittee
{
    public const string Label = "committee-member";
    public const int Members = 2;

    public static async Task AddAsync(ElectionDbContext db, IReadOnlyList<Guid> members, StringBuilder credentials, IServiceProvider services, CancellationToken ct)
    {
        var delegates = await db.Delegates.Where(d => members.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        var keyHolders = new List<(Guid, string, string, string)>();
        for (var i = 0; i < members.Count; i++)
        {
            var d = delegates[members[i]];
            var passphrase = PasswordHasher.NewPassword();
            db.Add(new CountingCommitteeMember
            {
                Id = Guid.NewGuid(), Order = i, IsChair = i == 0, DelegateId = d.Id, FullName = d.FullName,
                PassphraseHash = PasswordHasher.Hash(passphrase),
            });
            credentials.Append(CultureInfo.InvariantCulture, $"{Label,-20} {d.Code,-14} {passphrase}\n");
            keyHolders.Add((d.Id, d.Code, d.FullName, passphrase));
        }
        var hall = services.GetRequiredService<IOptions<HallOptions>>().Value;
        await DemoKeys.AddAsync(db, hall, services.GetRequiredService<AuditLog>(), keyHolders, credentials, ct);
    }
}
