using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ElectionSystem.Crypto;
using ElectionSystem.Domain.Elections;
using ElectionSystem.Server.Features.Elections;
using ElectionSystem.Server.Tests.Infrastructure;
using Xunit.Abstractions;
using PlainBallotJson = ElectionSystem.Server.Features.Elections.BallotJson;
using WireBallot = ElectionSystem.Crypto.BallotJson;

namespace ElectionSystem.Server.Tests.Elections.Keys;

/// <summary>
/// Issue 14, "Done means" (first bullet): 300 encrypted ballots, a third cast one after another, a third
/// in bursts of 8 and a third in bursts of 32; a copy of the data taken while the round is open and
/// again after the close and the decryption links no delegate to a ballot's content: the scan sees
/// every ballot (its tracker), the delegates' participations are there, and beside them only
/// ciphertexts — no plaintext of any ballot the test chose in any form it could take. With fewer than
/// k shares the totals cannot be decrypted and the server counts nothing.
/// </summary>
public class EncryptedDataFolderTests(ElectionsHall hall, ITestOutputHelper output) : IClassFixture<ElectionsHall>
{
    private const int Delegates = 300;

    [Fact]
    public async Task A_copy_of_the_data_during_and_after_an_encrypted_round_of_300_holds_only_ciphertexts_beside_the_participations()
    {
        var members = await Trustees.SignInAsync(hall, 5);
        Assert.Equal(CeremonyStates.Ready, (await Trustees.CeremonyAsync(hall, members, 3)).State);
        var seated = await hall.SeatAsync(Delegates);
        string[] names = ["Nguyễn Văn Bảo", "Trần Thị Cúc", "Lê Văn Đạt", "Phạm Thị Hạnh", "Võ Văn Kiên"];
        var e = await hall.ElectionAsync(ElectionKinds.Other, "Bầu thử kho dữ liệu (phiếu mã hóa)", 3, names);
        var round = await hall.OpenNextRoundAsync(e.Id);
        var (view, layout) = await EncryptedCasting.OpenAsync(seated[0], round.Id, ElectionKind.Other);
        var ids = layout.Rows;
        // Every subset of the five struck by some delegates: valid (keeps 1–3), over the seats (keeps 4 or 5), all struck.
        var chosen = Enumerable.Range(0, Delegates)
            .Select(i => (Seat: i, Choice: (BallotContent)new BallotContent.Struck([.. ids.Where((_, b) => ((i * 7 + i / 32) % 32 & (1 << b)) != 0)])))
            .ToList();
        var ballots = EncryptedCasting.Encrypt(view, layout, chosen);
        await EncryptedCasting.CastAsync(seated, round.Id, ballots[..100], 1);
        await EncryptedCasting.CastAsync(seated, round.Id, ballots[100..200], 8);
        await EncryptedCasting.CastAsync(seated, round.Id, ballots[200..], 32);

        var during = await DataFolderCopy.TakeAsync(hall, round.Id, Path.Combine(hall.DataFolder + "-copies", "during"));
        output.WriteLine($"during the round: {string.Join(", ", during.Files)}, {during.Bytes.Length:N0} bytes");
        AssertOnlyCiphertexts(during, seated, layout, ballots, published: []);

        // Closed, and two of the three shares needed: nothing is decrypted, the server counts nothing.
        await ElectionsHall.OkAsync<CommitteeRoundDto>(members[0].Client.PostAsync($"/api/committee/rounds/{round.Id}/close", null));
        var totals = await ElectionsHall.OkAsync<RoundTotalsDto>(members[0].Client.GetAsync($"/api/committee/rounds/{round.Id}/totals"));
        Assert.Equal(Delegates, totals.Ballots);
        Assert.False((await EncryptedRoundTests.PostPartialsAsync(members[0], round.Id)).Decrypted);
        Assert.False((await EncryptedRoundTests.PostPartialsAsync(members[3], round.Id)).Decrypted);
        var two = await ElectionsHall.OkAsync<CommitteeRoundDto>(members[0].Client.GetAsync($"/api/committee/rounds/{round.Id}"));
        Assert.Equal((RoundStates.Closed, (RoundResultDto?)null), (two.State, two.Result));
        var announce = await members[0].Client.PostAsJsonAsync($"/api/committee/rounds/{round.Id}/announce", new AnnounceRequest("ballot"));
        Assert.False(announce.IsSuccessStatusCode, "A round decrypted by 2 of 3 members was announced.");
        await EncryptedRoundTests.RefusedAsync(members[0].Client.PostAsync($"/api/committee/rounds/{round.Id}/confirm", null), HttpStatusCode.Conflict, "phần giải mã");
        // The same from the outside: Lagrange over 2 shares gives no discrete log up to the number of ballots
        // (nor the Crypto's bound), while a third share gives every total exactly.
        var expected = Expected(layout, ballots);
        var partials = members.Select(m => (m, Decrypt(m, totals))).ToDictionary(x => x.m.Index, x => x.Item2);
        var rowTotals = totals.Rows.Concat(totals.Options).Select(t => new Ciphertext(Group.DecodeElement(t.A), Group.DecodeElement(t.B))).ToList();
        for (var i = 0; i < rowTotals.Count; i++)
        {
            Assert.Null(ThresholdDecryption.CombineToCount(rowTotals[i], [partials[members[0].Index][i], partials[members[3].Index][i]]));
            Assert.Null(ThresholdDecryption.CombineToCount(rowTotals[i], [partials[members[1].Index][i], partials[members[4].Index][i]], Delegates));
            Assert.Equal(expected[i], ThresholdDecryption.CombineToCount(rowTotals[i], [.. new[] { 0, 3, 4 }.Select(m => partials[members[m].Index][i])]));
        }

        Assert.True((await EncryptedRoundTests.PostPartialsAsync(members[4], round.Id)).Decrypted);
        var result = await EncryptedCasting.AnnounceAndVerifyAsync(members[4], seated[0], round.Id, ElectionKind.Other, view, ballots);
        var after = await DataFolderCopy.TakeAsync(hall, round.Id, Path.Combine(hall.DataFolder + "-copies", "after"));
        output.WriteLine($"after the decryption: {string.Join(", ", after.Files)}, {after.Bytes.Length:N0} bytes");
        // The announced result is public: its list of the elected is no ballot's leak.
        AssertOnlyCiphertexts(after, seated, layout, ballots, published: [Ids(result.Elected.Select(x => x.Id))]);
        if (Directory.Exists(hall.DataFolder + "-copies")) Directory.Delete(hall.DataFolder + "-copies", recursive: true);
    }

    private static void AssertOnlyCiphertexts(DataFolderCopy copy, List<SeatedDelegate> seated, BallotLayout layout, List<ChosenBallot> ballots, HashSet<string> published)
    {
        // The participations are there: every delegate who voted, each once.
        Assert.Equal(seated.Select(s => s.Delegate.Id).Order(), copy.Participants.Order());
        // Beside them only ciphertexts: every ballot row is an encrypted ballot whose id is its tracker and whose
        // content is its wire form (proofs and all), nothing else.
        Assert.Equal(ballots.Select(b => b.Tracker).Order(StringComparer.Ordinal), copy.Ballots.Select(b => b.Id).Order(StringComparer.Ordinal));
        foreach (var b in copy.Ballots)
        {
            Assert.Equal("encrypted", b.Source);
            Assert.Equal(b.Id, BallotEncryption.Tracker(WireBallot.Parse(b.Content)));
        }
        // The scan sees the ballots: every tracker is in the bytes.
        foreach (var b in ballots) Assert.True(copy.Contains(b.Tracker), $"tracker {b.Tracker} not found: the scan does not see the ballots");
        // No plaintext in any form: the server's ballot JSON, the plaintext cast request's fields, the candidate ids
        // struck or kept as a JSON list (in the order chosen and sorted), the 0/1 rows and options as numbers.
        string[] fields = ["\"struck\"", "\"marks\"", "\"acceptInvalid\"", "\"agree\"", "\"kept\""];
        foreach (var f in fields) Assert.False(copy.Contains(f), $"{f} found in the copy");
        var needles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var b in ballots)
        {
            var struck = ((BallotContent.Struck)b.Choice).Ids;
            needles.Add(PlainBallotJson.ToJson(b.Choice));
            needles.Add(JsonSerializer.Serialize(new { struck }, ElectionsHall.Json));
            if (struck.Count > 0)
            {
                needles.Add(Ids(struck));
                needles.Add(Ids(struck.Order(StringComparer.Ordinal)));
            }
            var kept = layout.Rows.Except(struck).ToList();
            if (kept.Count > 0) needles.Add(Ids(kept));
            needles.Add(JsonSerializer.Serialize(layout.Encode(b.Choice).Rows));
        }
        // A dump writes JSON with a space after each comma: those forms too.
        // The round's list is public (the ballot paper itself): the all-struck ballot's list of ids is no leak.
        published = [.. published, Ids(layout.Rows), Ids(layout.Rows.Order(StringComparer.Ordinal))];
        foreach (var needle in needles.Except(published).SelectMany(n => new[] { n, n.Replace(",", ", ", StringComparison.Ordinal) }))
        {
            Assert.False(copy.Contains(needle), $"plaintext {needle} found in the copy ({string.Join(", ", copy.Files)})");
        }
    }

    private static string Ids(IEnumerable<string> ids) => JsonSerializer.Serialize(ids.ToArray());

    /// <summary>Votes per row and ballots per option, from the plaintexts the test chose (the Domain's encoding).</summary>
    private static long[] Expected(BallotLayout layout, List<ChosenBallot> ballots)
    {
        var encoded = ballots.Select(b => layout.Encode(b.Choice)).ToList();
        return [.. Enumerable.Range(0, layout.Rows.Count).Select(r => (long)encoded.Sum(p => p.Rows[r]))
            .Concat(Enumerable.Range(0, encoded[0].Options.Count).Select(o => (long)encoded.Sum(p => p.Options[o])))];
    }

    /// <summary>A member's partial decryption of every total (rows then options), as their browser computes it.</summary>
    private static List<PartialDecryption> Decrypt(Trustee m, RoundTotalsDto totals)
    {
        var k = Group.GPow(m.Share);
        return [.. totals.Rows.Select((t, i) => (t, EncryptedRounds.PartialContext(totals.Context, "row", i, m.Index)))
            .Concat(totals.Options.Select((t, i) => (t, EncryptedRounds.PartialContext(totals.Context, "option", i, m.Index))))
            .Select(x => ThresholdDecryption.Decrypt(x.Item2, m.Index, m.Share, k, new Ciphertext(Group.DecodeElement(x.t.A), Group.DecodeElement(x.t.B))))];
    }
}
