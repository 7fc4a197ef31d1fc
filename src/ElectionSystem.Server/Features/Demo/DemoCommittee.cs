using System.Globalization;
using System.Text;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Elections;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.Demo;

/// <summary>
/// The demo's counting committee: two delegates with PINs, already activated. A real committee is
/// recorded by the presidium, whose one-time codes let each member set their own passphrase; the
/// demo's members have random passphrases, written with the other demo credentials
/// (<c>committee-member DB046 xxxx-xxxx-xxxx-xxxx</c>).
/// </summary>
internal static class DemoCommittee
{
    public const string Label = "committee-member";

    public static async Task AddAsync(ElectionDbContext db, IReadOnlyList<Guid> members, StringBuilder credentials, CancellationToken ct)
    {
        var delegates = await db.Delegates.Where(d => members.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
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
        }
    }
}
