using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ElectionSystem.Domain.Elections;
using ElectionSystem.Server.Features.Elections;
using Microsoft.Extensions.DependencyInjection;
using WireBallot = ElectionSystem.Crypto.BallotJson;

namespace ElectionSystem.Server.Tests.Elections.Keys;

/// <summary>
/// An encrypted ballot's proofs checked while the delegate reviews it (POST …/ballot/check with
/// <c>{ encrypted }</c>), so its cast only writes; anything else is checked at the cast as before. The
/// node's count of proof checks (<see cref="ProofCheckGate.Verified"/>) tells a skipped check from one that ran.
/// </summary>
public class EncryptedPrecheckTests(ElectionsHall hall) : IClassFixture<ElectionsHall>
{
    [Fact]
    public async Task A_prechecked_ballot_is_cast_without_a_second_check_and_anything_else_is_checked_at_the_cast()
    {
        var members = await Trustees.SignInAsync(hall, 5);
        await Trustees.CeremonyAsync(hall, members, 3);
        var seated = await hall.SeatAsync(6);
        var election = await hall.ElectionAsync(ElectionKinds.Other, "Bầu thử kiểm tra trước", 2, ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung"]);
        var round = await hall.OpenNextRoundAsync(election.Id);
        var (view, layout) = await EncryptedCasting.OpenAsync(seated[0], round.Id, ElectionKind.Other);
        var ids = layout.Rows;
        var ballots = EncryptedCasting.Encrypt(view, layout, [
            (0, new BallotContent.Struck([ids[0], ids[1]])),
            (1, new BallotContent.Struck([ids[2], ids[3]])),
            (2, new BallotContent.Struck([ids[0]])),          // invalid: keeps 3 of 2 seats, proved as such
            (3, new BallotContent.Struck([ids[1], ids[2]])),
        ]);
        var gate = hall.Services.GetRequiredService<ProofCheckGate>();
        var prechecks = hall.Services.GetRequiredService<ProofPrechecks>();

        // Seat 0 reviews: every proof checked once, the tracker remembered; the cast checks nothing more.
        var before = gate.Verified;
        var check = await ElectionsHall.OkAsync<EncryptedBallotCheck>(Precheck(seated[0], round.Id, ballots[0].Json));
        Assert.Equal((ballots[0].Tracker, true, true), (check.Tracker, check.ProofsValid, check.Remembered));
        Assert.Equal((before + 1, 1), (gate.Verified, prechecks.Count(round.Id)));
        var admitted = gate.Admitted;
        Assert.Equal(ballots[0].Tracker, (await ElectionsHall.OkAsync<CastReceipt>(Cast(seated[0], round.Id, ballots[0].Json))).Receipt);
        Assert.Equal((before + 1, admitted), (gate.Verified, gate.Admitted)); // the very bytes checked: not even parsed again

        // Seat 1 did not pre-check: its cast checks every proof, as before.
        Assert.Equal(ballots[1].Tracker, (await ElectionsHall.OkAsync<CastReceipt>(Cast(seated[1], round.Id, ballots[1].Json))).Receipt);
        Assert.Equal(before + 2, gate.Verified);

        // Seat 2 pre-checks its ballot, then casts a sibling: the same ciphertexts, one proof altered. Its
        // tracker is not the pre-checked one, so it is checked, and refused; the true ballot then goes in unchecked.
        await ElectionsHall.OkAsync<EncryptedBallotCheck>(Precheck(seated[2], round.Id, ballots[2].Json));
        var sibling = EncryptedRoundTests.Forge(ballots[2].Json);
        Assert.Equal(WireBallot.Parse(ballots[2].Json).Rows.Select(r => r.Ciphertext), WireBallot.Parse(sibling).Rows.Select(r => r.Ciphertext));
        await EncryptedRoundTests.RefusedAsync(Cast(seated[2], round.Id, sibling), HttpStatusCode.BadRequest, "không qua kiểm tra chứng minh");
        Assert.Equal(before + 4, gate.Verified);
        Assert.Equal(ballots[2].Tracker, (await ElectionsHall.OkAsync<CastReceipt>(Cast(seated[2], round.Id, ballots[2].Json))).Receipt);
        Assert.Equal(before + 4, gate.Verified);

        // A pre-check with a false proof: 400, nothing remembered, and its cast is checked and refused too.
        var forged = EncryptedRoundTests.Forge(ballots[3].Json);
        await EncryptedRoundTests.RefusedAsync(Precheck(seated[3], round.Id, forged), HttpStatusCode.BadRequest, "không qua kiểm tra chứng minh");
        Assert.Equal((before + 5, 2), (gate.Verified, prechecks.Count(round.Id)));
        Assert.False(prechecks.IsVerified(round.Id, ElectionSystem.Crypto.BallotEncryption.Tracker(WireBallot.Parse(forged))));
        await EncryptedRoundTests.RefusedAsync(Cast(seated[3], round.Id, forged), HttpStatusCode.BadRequest, "không qua kiểm tra chứng minh");
        Assert.Equal(before + 6, gate.Verified);
        Assert.Equal(ballots[3].Tracker, (await ElectionsHall.OkAsync<CastReceipt>(Cast(seated[3], round.Id, ballots[3].Json))).Receipt);

        // The choice never goes to the check in the clear, nor beside the ciphertexts; a broken ballot is named.
        await EncryptedRoundTests.RefusedAsync(seated[4].Tablet.PostAsJsonAsync($"/api/elections/rounds/{round.Id}/ballot/check",
            new BallotRequest([ids[0], ids[1]], null)), HttpStatusCode.BadRequest, "không gửi lựa chọn chưa mã hóa");
        await EncryptedRoundTests.RefusedAsync(seated[4].Tablet.PostAsJsonAsync($"/api/elections/rounds/{round.Id}/ballot/check",
            new BallotRequest([ids[0]], null, Element(ballots[3].Json))), HttpStatusCode.BadRequest, "không gửi kèm struck");
        await EncryptedRoundTests.RefusedAsync(Precheck(seated[4], round.Id, "{\"rows\":[]}"), HttpStatusCode.BadRequest, "sai định dạng");
        Assert.Equal(2, prechecks.Count(round.Id));

        // The close forgets the round's trackers; a pre-check after it is refused and remembers nothing.
        var late = EncryptedCasting.Encrypt(view, layout, [(5, new BallotContent.Struck([ids[0], ids[3]]))])[0];
        await EncryptedCasting.CloseAndDecryptAsync(round.Id, [members[0], members[2], members[4]]);
        Assert.Equal(0, prechecks.Count(round.Id));
        await EncryptedRoundTests.RefusedAsync(Precheck(seated[5], round.Id, late.Json), HttpStatusCode.Conflict, "không mở");
        Assert.False(prechecks.Remember(round.Id, late.Tracker));
        Assert.Equal(0, prechecks.Count(round.Id));

        // Every accepted ballot, checked before or at its cast, is counted: the Domain's count and the verifier's.
        await EncryptedCasting.AnnounceAndVerifyAsync(members[0], seated[0], round.Id, ElectionKind.Other, view, ballots);
    }

    internal static Task<HttpResponseMessage> Precheck(SeatedDelegate d, Guid roundId, string json) =>
        d.Tablet.PostAsJsonAsync($"/api/elections/rounds/{roundId}/ballot/check", new BallotRequest(null, null, Element(json)));

    internal static Task<HttpResponseMessage> Cast(SeatedDelegate d, Guid roundId, string json) =>
        EncryptedRoundTests.Cast(d, roundId, ElectionsHall.NewKey(), json);

    internal static JsonElement Element(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
