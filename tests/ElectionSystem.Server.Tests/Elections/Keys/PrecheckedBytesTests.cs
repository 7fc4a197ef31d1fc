using System.Net.Http.Json;
using ElectionSystem.Domain.Elections;
using ElectionSystem.Server.Features.Elections;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WireBallot = ElectionSystem.Crypto.BallotJson;

namespace ElectionSystem.Server.Tests.Elections.Keys;

/// <summary>
/// A cast whose bytes are exactly those this node pre-checked (the tablet sends the ballot twice, the same way)
/// needs no parse: the node remembers the digest of those bytes when they were the canonical wire form.
/// Any other bytes are parsed as before (<see cref="ProofCheckGate.Admitted"/> counts the parses).
/// </summary>
public class PrecheckedBytesTests(ElectionsHall hall) : IClassFixture<ElectionsHall>
{
    [Fact]
    public async Task Only_the_very_bytes_prechecked_skip_the_parse_and_other_spacing_is_parsed_and_stored_in_the_canonical_form()
    {
        var members = await Trustees.SignInAsync(hall, 5);
        await Trustees.CeremonyAsync(hall, members, 3);
        var seated = await hall.SeatAsync(3);
        var election = await hall.ElectionAsync(ElectionKinds.Other, "Bầu thử khoảng trắng", 1, ["Nguyễn Văn An", "Trần Thị Bình"]);
        var round = await hall.OpenNextRoundAsync(election.Id);
        var (view, layout) = await EncryptedCasting.OpenAsync(seated[0], round.Id, ElectionKind.Other);
        var ids = layout.Rows;
        var ballots = EncryptedCasting.Encrypt(view, layout, [
            (0, new BallotContent.Struck([ids[0]])), (1, new BallotContent.Struck([ids[1]])), (2, new BallotContent.Struck([ids[0]]))]);
        var gate = hall.Services.GetRequiredService<ProofCheckGate>();
        var (verified, admitted) = (gate.Verified, gate.Admitted);

        // Seat 0 pre-checks its ballot with spaces: checked and remembered by its tracker; the cast of the compact
        // bytes is the same ballot, parsed (its bytes were never seen) but not checked again.
        var spaced = await ElectionsHall.OkAsync<EncryptedBallotCheck>(seated[0].Tablet.PostAsync($"/api/elections/rounds/{round.Id}/ballot/check",
            Raw($"{{ \"encrypted\" : {Spaced(ballots[0].Json)} }}")));
        Assert.Equal((ballots[0].Tracker, true), (spaced.Tracker, spaced.Remembered));
        Assert.Equal(ballots[0].Tracker, (await ElectionsHall.OkAsync<CastReceipt>(EncryptedPrecheckTests.Cast(seated[0], round.Id, ballots[0].Json))).Receipt);
        Assert.Equal((verified + 1, admitted + 2), (gate.Verified, gate.Admitted));

        // Seat 1 pre-checks the compact bytes and casts them spaced: other bytes, parsed; the tracker is known, no check.
        await ElectionsHall.OkAsync<EncryptedBallotCheck>(EncryptedPrecheckTests.Precheck(seated[1], round.Id, ballots[1].Json));
        Assert.Equal(ballots[1].Tracker, (await ElectionsHall.OkAsync<CastReceipt>(seated[1].Tablet.PostAsync($"/api/elections/rounds/{round.Id}/ballot",
            Raw($"{{\"key\":\"{ElectionsHall.NewKey()}\",\"encrypted\":{Spaced(ballots[1].Json)}}}")))).Receipt);
        Assert.Equal((verified + 2, admitted + 4), (gate.Verified, gate.Admitted));

        // Seat 2 pre-checks and casts the same compact bytes: parsed once, at the check.
        await ElectionsHall.OkAsync<EncryptedBallotCheck>(EncryptedPrecheckTests.Precheck(seated[2], round.Id, ballots[2].Json));
        Assert.Equal(ballots[2].Tracker, (await ElectionsHall.OkAsync<CastReceipt>(EncryptedPrecheckTests.Cast(seated[2], round.Id, ballots[2].Json))).Receipt);
        Assert.Equal((verified + 3, admitted + 5), (gate.Verified, gate.Admitted));

        // Whatever the spacing that came, every stored ballot is its canonical wire form.
        var stored = await hall.DbAsync(db => db.Set<StoredBallot>().Where(b => b.RoundId == round.Id).ToDictionaryAsync(b => b.Id, b => b.Content));
        Assert.Equal(ballots.ToDictionary(b => b.Tracker, b => WireBallot.Write(WireBallot.Parse(b.Json))), stored);
        Assert.Equal(ballots.Select(b => b.Json), ballots.Select(b => WireBallot.Write(WireBallot.Parse(b.Json))));

        await EncryptedCasting.CloseAndDecryptAsync(round.Id, [members[0], members[2], members[4]]);
        await EncryptedCasting.AnnounceAndVerifyAsync(members[0], seated[0], round.Id, ElectionKind.Other, view, ballots);
    }

    /// <summary>The same JSON with a space after every comma and colon (still valid, not the canonical bytes).</summary>
    private static string Spaced(string json)
    {
        var spaced = json.Replace(",", ", ", StringComparison.Ordinal).Replace(":", ": ", StringComparison.Ordinal);
        Assert.NotEqual(json, spaced);
        return spaced;
    }

    private static StringContent Raw(string body) => new(body, System.Text.Encoding.UTF8, "application/json");
}
