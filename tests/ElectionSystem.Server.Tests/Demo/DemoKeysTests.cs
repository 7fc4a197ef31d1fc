using System.Net.Http.Json;
using ElectionSystem.Crypto;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Demo;
using ElectionSystem.Server.Features.Elections;
using ElectionSystem.Server.Tests.Infrastructure;

namespace ElectionSystem.Server.Tests.Demo;

/// <summary>
/// Issue 14 in the demo: its committee of two holds a ready 2-of-2 key, so the README walk's secret
/// round is encrypted; each member's share file is in the data folder, opens with the committee
/// passphrase printed for that member (and no other), matches the member's published K_j, and the two
/// files together hold the key's secret (Lagrange at 0 gives g^sk = pk).
/// </summary>
public class DemoKeysTests(DemoHallFactory hall) : IClassFixture<DemoHallFactory>
{
    [Fact]
    public async Task The_demo_committee_has_a_ready_two_of_two_key_and_each_member_a_share_file_under_their_printed_passphrase()
    {
        _ = hall.Services;
        var lines = (await File.ReadAllLinesAsync(Path.Combine(hall.DataFolder, DemoSeeder.CredentialsFile)))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(p => p.Length == 3).ToList();
        var passphrases = lines.Where(p => p[0] == DemoCommittee.Label).ToDictionary(p => p[1], p => p[2]);
        var files = lines.Where(p => p[0] == "share-file").ToDictionary(p => p[1], p => p[2]);
        Assert.Equal(2, passphrases.Count);
        Assert.Equal(passphrases.Keys.Order(), files.Keys.Order());

        using var presidium = await hall.ClientAsync(Roles.Presidium);
        var ceremony = (await presidium.GetFromJsonAsync<CeremonyDto>("/api/ceremony"))!;
        Assert.Equal((CeremonyStates.Ready, 2, 2), (ceremony.State, ceremony.K, ceremony.N));
        Assert.Equal(passphrases.Keys.Order(), ceremony.Members.Select(m => m.Code).Order());
        Assert.All(ceremony.Members, m => Assert.True(m.KeyPosted && m.Dealt && m.Verified));

        var shares = new Dictionary<int, Scalar>();
        foreach (var m in ceremony.Members)
        {
            var text = await File.ReadAllTextAsync(files[m.Code]);
            Assert.Equal(Path.Combine(hall.DataFolder, DemoKeys.FileName(m.Code)), files[m.Code]);
            Assert.Null(ShareFile.Open(text, passphrases.First(p => p.Key != m.Code).Value));
            var share = ShareFile.Open(text, passphrases[m.Code]);
            Assert.NotNull(share);
            Assert.Equal((m.Index, 2, 2), (share.Index, share.Threshold, share.Members));
            Assert.Equal(ceremony.PublicKey, Group.EncodeElement(share.PublicKey));
            Assert.Equal(m.VerificationKey, Group.EncodeElement(share.VerificationKey));
            shares[m.Index] = share.Secret;
        }
        // Members 1 and 2: λ_1 = 2/(2−1) = 2, λ_2 = 1/(1−2) = −1; sk = 2·x_1 − x_2. Neither file alone is sk.
        var sk = Scalar.FromInteger(2) * shares[1] + Scalar.FromInteger(-1) * shares[2];
        Assert.NotEqual(ceremony.PublicKey, Group.EncodeElement(Group.GPow(shares[1])));
        Assert.Equal(ceremony.PublicKey, Group.EncodeElement(Group.GPow(sk)));
    }
}
