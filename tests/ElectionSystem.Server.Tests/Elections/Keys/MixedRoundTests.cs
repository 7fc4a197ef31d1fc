using System.Net;
using System.Net.Http.Json;
using ElectionSystem.Domain.Elections;
using ElectionSystem.Server.Features.Elections;
using ElectionSystem.Server.Features.PaperEntry;
using ElectionSystem.Server.Tests.PaperEntry;

namespace ElectionSystem.Server.Tests.Elections.Keys;

/// <summary>
/// A mixed round (issue 14): encrypted tablet ballots and paper ballots keyed in three times. The
/// decryption waits for paper entry to complete; the result is the Domain's count of both together.
/// </summary>
public class MixedRoundTests(PaperHall hall) : IClassFixture<PaperHall>
{
    [Fact]
    public async Task Paper_ballots_join_the_decrypted_tablet_totals_and_the_decryption_waits_for_paper_entry()
    {
        var members = await Trustees.SignInAsync(hall, 3);
        Assert.Equal(CeremonyStates.Ready, (await Trustees.CeremonyAsync(hall, members, 2)).State);
        var seated = await hall.SeatAsync(6);
        var e = await hall.ElectionAsync(ElectionKinds.Other, "Bầu thử hỗn hợp", 2, ["Vũ Văn Giang", "Đỗ Thị Hoa", "Bùi Văn Khánh"]);
        var round = await hall.OpenNextRoundAsync(e.Id);
        var view = await EncryptedRoundTests.Tablet(seated[0], round.Id);
        var layout = BallotLayout.Of(EncryptedRoundTests.DomainRound(view, ElectionKind.Other));
        var ids = layout.Rows;
        await ElectionsHall.OkAsync<PaperStatusDto>(members[0].Client.PostAsJsonAsync($"/api/paper/rounds/{round.Id}/open", new OpenPaperRequest(2, false, 1, 2)));

        List<BallotContent> choices = [new BallotContent.Struck([ids[0]]), new BallotContent.Struck([ids[1]]), new BallotContent.Struck([.. ids])];
        for (var i = 0; i < choices.Count; i++)
        {
            await ElectionsHall.OkAsync<CastReceipt>(EncryptedRoundTests.Cast(seated[i], round.Id, ElectionsHall.NewKey(), EncryptedRoundTests.Encrypt(view.Encryption!, layout, choices[i])));
        }
        await ElectionsHall.OkAsync<CommitteeRoundDto>(members[0].Client.PostAsync($"/api/committee/rounds/{round.Id}/close", null));

        // Paper: STT 1 struck; STT 2 and 3 struck — keyed at three stations.
        string[] paper = ["1", "2 3"];
        foreach (var station in Enumerable.Range(1, PaperRounds.Stations))
        {
            var op = await hall.OperatorAsync();
            await ElectionsHall.OkAsync<MyBundleEntriesDto>(PaperHall.StartAsync(op, round.Id, 1, station));
            for (var i = 0; i < paper.Length; i++) await ElectionsHall.OkAsync<EnteredDto>(PaperHall.EnterAsync(op, round.Id, 1, i + 1, paper[i]));
            await ElectionsHall.OkAsync<MyBundleEntriesDto>(PaperHall.FinishAsync(op, round.Id, 1));
        }
        var totals = await ElectionsHall.OkAsync<RoundTotalsDto>(members[0].Client.GetAsync($"/api/committee/rounds/{round.Id}/totals"));
        await EncryptedRoundTests.RefusedAsync(members[0].Client.PostAsJsonAsync($"/api/committee/rounds/{round.Id}/decryption",
            EncryptedRoundTests.Partials(members[0], totals)), HttpStatusCode.Conflict, "Nhập phiếu giấy chưa hoàn tất");
        await ElectionsHall.OkAsync<PaperStatusDto>(members[0].Client.PostAsync($"/api/paper/rounds/{round.Id}/complete", null));

        Assert.False((await EncryptedRoundTests.PostPartialsAsync(members[0], round.Id)).Decrypted);
        Assert.True((await EncryptedRoundTests.PostPartialsAsync(members[2], round.Id)).Decrypted);
        var announced = await ElectionsHall.OkAsync<ResultsAnnounced>(members[0].Client.PostAsJsonAsync($"/api/committee/rounds/{round.Id}/announce", new AnnounceRequest("ballot")));
        choices.Add(new BallotContent.Struck([ids[0]]));
        choices.Add(new BallotContent.Struck([ids[1], ids[2]]));
        EncryptedRoundTests.AssertDomainCount(announced.Result, ElectionKind.Other, view, choices);
        Assert.Equal((5, 4), (announced.Result.Collected, announced.Result.Valid));
        // A mixed round's board carries the paper ballots as public totals, and checks to the same result.
        var verified = ElectionSystem.Board.BoardVerifier.VerifyJson(await seated[0].Tablet.GetStringAsync($"/api/elections/rounds/{round.Id}/board"));
        Assert.True(verified.IsValid, verified.Failure);
        Assert.Equal((3, 2), (verified.Summary!.TabletBallots, verified.Summary.PaperBallots));
    }
}
