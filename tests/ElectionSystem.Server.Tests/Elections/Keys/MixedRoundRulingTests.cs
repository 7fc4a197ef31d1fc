using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ElectionSystem.Board;
using ElectionSystem.Domain.Elections;
using ElectionSystem.Server.Features.Elections;
using ElectionSystem.Server.Features.PaperEntry;
using ElectionSystem.Server.Tests.PaperEntry;
using ElectionSystem.Verify;

namespace ElectionSystem.Server.Tests.Elections.Keys;

/// <summary>
/// A mixed round whose paper ballots include the counting committee's rulings (issue 14 leftover): the
/// round's board carries them as counts per reason and is verified to the announced result.
/// </summary>
public class MixedRoundRulingTests(PaperHall hall) : IClassFixture<PaperHall>
{
    /// <summary>
    /// A congress's mixed round as it happens: paper ballots the counting committee rules invalid (an added
    /// name, identifying marks at all three stations; a disputed ballot the committee rules "other") next to
    /// encrypted tablet ballots. The board exports (it used to answer 409), the verifier run on it exits 0 with
    /// the announced result — the Domain's count of every ballot — and a board whose ruled count was changed
    /// exits 2 naming the difference.
    /// </summary>
    [Fact]
    public async Task A_mixed_round_with_committee_rulings_on_paper_exports_a_board_the_verifier_counts_to_the_announced_result()
    {
        var members = await Trustees.SignInAsync(hall, 3);
        Assert.Equal(CeremonyStates.Ready, (await Trustees.CeremonyAsync(hall, members, 2)).State);
        var seated = await hall.SeatAsync(6);
        var e = await hall.ElectionAsync(ElectionKinds.Other, "Bầu thử hỗn hợp có phiếu giấy bị loại", 2, ["Vũ Văn Giang", "Đỗ Thị Hoa", "Bùi Văn Khánh"]);
        var round = await hall.OpenNextRoundAsync(e.Id);
        var view = await EncryptedRoundTests.Tablet(seated[0], round.Id);
        var layout = BallotLayout.Of(EncryptedRoundTests.DomainRound(view, ElectionKind.Other));
        var ids = layout.Rows;
        var committee = members[0].Client;
        await ElectionsHall.OkAsync<PaperStatusDto>(committee.PostAsJsonAsync($"/api/paper/rounds/{round.Id}/open", new OpenPaperRequest(5, false, 1, 5)));

        List<BallotContent> choices = [new BallotContent.Struck([ids[0]]), new BallotContent.Struck([ids[2]]), new BallotContent.Struck([.. ids])];
        for (var i = 0; i < choices.Count; i++)
        {
            await ElectionsHall.OkAsync<CastReceipt>(EncryptedRoundTests.Cast(seated[i], round.Id, ElectionsHall.NewKey(), EncryptedRoundTests.Encrypt(view.Encryption!, layout, choices[i])));
        }
        await ElectionsHall.OkAsync<CommitteeRoundDto>(committee.PostAsync($"/api/committee/rounds/{round.Id}/close", null));

        // Paper: STT 1 struck; a name added (/t); identifying marks twice (/d); the fifth keyed differently at
        // station 3, then ruled by the committee as invalid for another reason (/x).
        foreach (var station in Enumerable.Range(1, PaperRounds.Stations))
        {
            string[] paper = ["1", "/t", "/d", "/d", station == 3 ? "2" : "1"];
            var op = await hall.OperatorAsync();
            await ElectionsHall.OkAsync<MyBundleEntriesDto>(PaperHall.StartAsync(op, round.Id, 1, station));
            for (var i = 0; i < paper.Length; i++) await ElectionsHall.OkAsync<EnteredDto>(PaperHall.EnterAsync(op, round.Id, 1, i + 1, paper[i]));
            await ElectionsHall.OkAsync<MyBundleEntriesDto>(PaperHall.FinishAsync(op, round.Id, 1));
        }
        await ElectionsHall.OkAsync<PaperStatusDto>(PaperHall.RuleAsync(committee, round.Id, 1, 5, "/x", "Phiếu rách, Ban Kiểm phiếu kết luận không hợp lệ"));
        await ElectionsHall.OkAsync<PaperStatusDto>(committee.PostAsync($"/api/paper/rounds/{round.Id}/complete", null));
        Assert.False((await EncryptedRoundTests.PostPartialsAsync(members[0], round.Id)).Decrypted);
        Assert.True((await EncryptedRoundTests.PostPartialsAsync(members[1], round.Id)).Decrypted);
        var announced = await ElectionsHall.OkAsync<ResultsAnnounced>(committee.PostAsJsonAsync($"/api/committee/rounds/{round.Id}/announce", new AnnounceRequest("ballot")));
        choices.AddRange([new BallotContent.Struck([ids[0]]), new BallotContent.PaperInvalid(InvalidReason.AddedName),
            new BallotContent.PaperInvalid(InvalidReason.IdentifyingMark), new BallotContent.PaperInvalid(InvalidReason.IdentifyingMark),
            new BallotContent.PaperInvalid(InvalidReason.Other)]);
        EncryptedRoundTests.AssertDomainCount(announced.Result, ElectionKind.Other, view, choices);
        Assert.Equal((8, 3, 5), (announced.Result.Collected, announced.Result.Valid, announced.Result.Invalid));

        // The board exports, the same bytes each time, as the writer writes it.
        var response = await seated[0].Tablet.GetAsync($"/api/elections/rounds/{round.Id}/board");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(bytes, await seated[1].Tablet.GetByteArrayAsync($"/api/elections/rounds/{round.Id}/board"));
        var boardJson = Encoding.UTF8.GetString(bytes);
        Assert.Equal(BoardWriter.ToJson(BoardReader.Read(boardJson)), boardJson);
        var paperTotals = BoardReader.Read(boardJson).Paper!;
        Assert.Equal([(InvalidReason.AddedName, 1), (InvalidReason.IdentifyingMark, 2), (InvalidReason.Other, 1)], paperTotals.Invalid.Select(c => (c.Reason, c.Ballots)));

        // The verifier, run on the exported file, gives the announced result, which is the Domain's count.
        var (code, stdout, stderr) = Verify(boardJson);
        Assert.True(code == VerifyCommand.Ok, stderr);
        var counted = JsonNode.Parse(stdout)!;
        Assert.True(JsonNode.DeepEquals(counted, JsonNode.Parse(boardJson)!["result"]), "The board's result is not the verifier's count.");
        Assert.Equal((announced.Result.Collected, announced.Result.Valid), (counted["collected"]!.GetValue<int>(), counted["valid"]!.GetValue<int>()));
        Assert.Equal(announced.Result.Candidates.ToDictionary(c => c.Id, c => c.Votes),
            counted["candidates"]!.AsArray().ToDictionary(c => c!["id"]!.GetValue<string>(), c => c!["votes"]!.GetValue<int>()));
        Assert.Contains("3 phiếu điện tử + 5 phiếu giấy", stderr, StringComparison.Ordinal);

        // Tampered: one more ballot ruled "added name" (paper.ballots raised to match) → exit 2, naming the count.
        var tampered = JsonNode.Parse(boardJson)!;
        tampered["paper"]!["ballots"] = 6;
        tampered["paper"]!["invalid"]![0]!["ballots"] = 2;
        var (badCode, _, badErr) = Verify(tampered.ToJsonString());
        Assert.Equal(VerifyCommand.Refused, badCode);
        Assert.Equal("verify: board.json: FAILED: result.collected: the board announces 8; the count gives 9", badErr.TrimEnd());
    }

    private static (int Code, string Stdout, string Stderr) Verify(string json)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = VerifyCommand.RunOnText(json, "board.json", stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
