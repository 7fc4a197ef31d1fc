using System.Globalization;
using System.Text;
using System.Text.Json;
using ElectionSystem.Crypto;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Audit;
using ElectionSystem.Server.Features.Elections;
using ElectionSystem.Server.Hosting;

namespace ElectionSystem.Server.Features.Demo;

/// <summary>
/// The demo committee's key, made at seeding so the README walk's secret round is encrypted end to
/// end (issue 14). A real ceremony runs in each member's own browser on /committee (each secret stays
/// on its member's device); here the seeder plays every member once, with the same protocol
/// (<see cref="ThresholdKey"/>: each deals, seals each share to its recipient's box key, each
/// recipient checks and combines), stores what a real ceremony stores (box keys, commitments, sealed
/// shares, pk, K_j) as ready, and writes each member's share file into the data folder sealed with
/// that member's printed committee passphrase (<see cref="ShareFile"/>, the page's format). The
/// seeder forgets every secret it held; a member opens their file at /committee to decrypt.
/// </summary>
internal static class DemoKeys
{
    public const int Threshold = 2;

    public static string FileName(string code) => $"khoa-ban-kiem-phieu-{code}.json";

    /// <param name="members">(delegate id, code, full name, committee passphrase), in the committee's order.</param>
    public static async Task AddAsync(ElectionDbContext db, HallOptions hall, AuditLog audit,
        IReadOnlyList<(Guid Id, string Code, string FullName, string Passphrase)> members, StringBuilder credentials, CancellationToken ct)
    {
        var n = members.Count;
        var ceremony = new KeyCeremony
        {
            Id = Guid.NewGuid(), Number = 1, Threshold = Threshold, Members = n, StartedAt = DateTime.UtcNow, StartedBy = "system (dữ liệu mẫu)",
            State = CeremonyStates.Ready,
        };
        var boxes = Enumerable.Range(0, n).Select(_ => SealedBox.KeyPair()).ToList();
        var dealings = Enumerable.Range(1, n).Select(i => ThresholdKey.Deal(i, Threshold)).ToList();
        var commitments = dealings.Select(d => d.Commitments).ToList();
        var pk = ThresholdKey.JointPublicKey(commitments);
        ceremony.PublicKey = Group.EncodeElement(pk);
        db.Add(ceremony);
        for (var j = 1; j <= n; j++)
        {
            var (id, code, fullName, passphrase) = members[j - 1];
            var dealing = dealings[j - 1];
            // What member j's browser would have done: seal f_j(m) to every member m's box key …
            var sealedShares = Enumerable.Range(1, n).Select(m => Convert.ToBase64String(
                SealedBox.Seal(Convert.FromHexString(Group.EncodeScalar(dealing.ShareFor(m))), boxes[m - 1].PublicKey))).ToList();
            // … and, as recipient, open and check the shares sealed to it, then keep x_j.
            var received = dealings.Select(d => d.ShareFor(j)).ToList();
            if (dealings.Where((d, i) => !ThresholdKey.VerifyShare(d.Commitments, Threshold, j, received[i])).Any())
                throw new InvalidOperationException("Demo key ceremony: a share failed its Feldman check.");
            var kj = ThresholdKey.VerificationKey(commitments, j);
            db.Add(new CeremonyMember
            {
                CeremonyId = ceremony.Id, Index = j, DelegateId = id, Code = code, FullName = fullName,
                BoxKey = Convert.ToHexStringLower(boxes[j - 1].PublicKey),
                Commitments = JsonSerializer.Serialize(dealing.Commitments.Select(Group.EncodeElement)),
                SealedShares = JsonSerializer.Serialize(sealedShares), Complaints = "[]", VerificationKey = Group.EncodeElement(kj),
            });
            var share = new ShareFile.Share(j, Threshold, n, pk, kj, ThresholdKey.CombineShares(received));
            hall.WriteSecretFile(FileName(code), ShareFile.Seal(share, passphrase));
        }
        await audit.AppendAsync("system", "ceremony.started", $"ceremony:{ceremony.Id}", new { k = Threshold, n, members = members.Select(m => m.Code), demo = true });
        await audit.AppendAsync("system", "ceremony.verified", $"ceremony:{ceremony.Id}", new { state = ceremony.State, ceremony.PublicKey, demo = true });
        credentials.Append(CultureInfo.InvariantCulture,
            $"committee key (issue 14): {Threshold} of {n} members decrypt an encrypted round; each member's share file is in the data folder,\n");
        credentials.Append("  sealed with that member's committee passphrase above; after the close, at /committee choose the file and type the passphrase:\n");
        foreach (var m in members)
        {
            credentials.Append(CultureInfo.InvariantCulture, $"{"share-file",-20} {m.Code,-14} {Path.Combine(hall.DataFolder, FileName(m.Code))}\n");
        }
        _ = ct;
    }
}
