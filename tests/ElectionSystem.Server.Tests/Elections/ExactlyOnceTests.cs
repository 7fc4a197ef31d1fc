using System.Net;
using System.Net.Http.Json;
using ElectionSystem.Server.Features.Elections;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Tests.Elections;

/// <summary>ARCHITECTURE.md invariant 3: a tablet resends until acknowledged; each ballot counts once, one per delegate per round.</summary>
public class ExactlyOnceTests(ElectionsHall hall) : IClassFixture<ElectionsHall>
{
    private async Task<(ElectionDto Election, RoundSummaryDto Round, List<SeatedDelegate> Delegates)> OpenRoundAsync(int delegates)
    {
        var seated = await hall.SeatAsync(delegates);
        var e = await hall.ElectionAsync(ElectionKinds.Other, "Bầu Bí thư thử nghiệm " + hall.Unique(""), 2,
            ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"]);
        var round = await hall.OpenNextRoundAsync(e.Id);
        return (e, round, seated);
    }

    [Fact]
    public async Task The_same_ballot_sent_three_times_counts_once_and_gets_the_same_receipt()
    {
        var (_, round, seated) = await OpenRoundAsync(2);
        var key = ElectionsHall.NewKey();
        var tablet = seated[0].Tablet;

        // Three sends at once, as a tablet retrying after time-outs would.
        var sends = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => ElectionsHall.CastAsync(tablet, round.Id, key, ["c1"])));
        var receipts = new List<CastReceipt>();
        foreach (var s in sends)
        {
            Assert.Equal(HttpStatusCode.OK, s.StatusCode);
            receipts.Add((await s.Content.ReadFromJsonAsync<CastReceipt>())!);
        }
        Assert.Single(receipts.Select(r => r.Receipt).Distinct());
        Assert.Single(receipts, r => !r.AlreadyRecorded);
        Assert.Matches("^[0-9A-Z]{4}-[0-9A-Z]{4}$", receipts[0].Receipt);

        var (ballots, participations, codes) = await hall.DbAsync(async db => (
            await db.Set<StoredBallot>().CountAsync(b => b.RoundId == round.Id),
            await db.Set<Participation>().CountAsync(p => p.RoundId == round.Id),
            await db.Set<Receipt>().CountAsync(r => r.RoundId == round.Id)));
        Assert.Equal((1, 1, 1), (ballots, participations, codes));

        var counted = await hall.CountAndAnnounceAsync(round.Id);
        Assert.Equal(1, counted.Result.Collected);
        Assert.Equal([receipts[0].Receipt], counted.Receipts);
    }

    [Fact]
    public async Task Two_ballots_whose_receipt_codes_collide_are_both_stored_and_published()
    {
        var (_, round, seated) = await OpenRoundAsync(2);
        var secret = await hall.DbAsync(db => db.Set<ElectionRoundRow>().Where(r => r.Id == round.Id).Select(r => r.RoundSecret).SingleAsync());
        // Receipt codes are 40 bits: a birthday search finds two submission keys that share one.
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        string first, second;
        for (var i = 0; ; i++)
        {
            var key = "collide-" + i.ToString("D12", System.Globalization.CultureInfo.InvariantCulture);
            if (seen.TryGetValue(ReceiptCodes.For(secret, key), out var earlier))
            {
                (first, second) = (earlier, key);
                break;
            }
            seen[ReceiptCodes.For(secret, key)] = key;
        }

        var a = await ElectionsHall.CastAsync(seated[0].Tablet, round.Id, first, ["c1"]);
        var b = await ElectionsHall.CastAsync(seated[1].Tablet, round.Id, second, ["c2"]);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (a.StatusCode, b.StatusCode));
        var code = (await a.Content.ReadFromJsonAsync<CastReceipt>())!.Receipt;
        Assert.Equal(code, (await b.Content.ReadFromJsonAsync<CastReceipt>())!.Receipt);
        var counted = await hall.CountAndAnnounceAsync(round.Id);
        Assert.Equal(2, counted.Result.Collected);
        Assert.Equal([code, code], counted.Receipts);
    }

    [Fact]
    public async Task A_second_different_ballot_from_the_same_delegate_is_refused()
    {
        var (_, round, seated) = await OpenRoundAsync(1);
        var tablet = seated[0].Tablet;
        Assert.Equal(HttpStatusCode.OK, (await ElectionsHall.CastAsync(tablet, round.Id, ElectionsHall.NewKey(), ["c1"])).StatusCode);

        var second = await ElectionsHall.CastAsync(tablet, round.Id, ElectionsHall.NewKey(), ["c2"]);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(BallotCasting.AlreadyVoted, (await second.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
        Assert.Equal(1, await hall.DbAsync(db => db.Set<StoredBallot>().CountAsync(b => b.RoundId == round.Id)));
        await hall.CountAndAnnounceAsync(round.Id);
    }

    [Fact]
    public async Task A_ballot_after_close_is_refused_but_a_resend_of_a_recorded_one_gets_its_receipt()
    {
        var (_, round, seated) = await OpenRoundAsync(2);
        var key = ElectionsHall.NewKey();
        var first = await ElectionsHall.OkAsync<CastReceipt>(ElectionsHall.CastAsync(seated[0].Tablet, round.Id, key, ["c3"]));

        var counter = await hall.CounterAsync();
        await ElectionsHall.OkAsync<CommitteeRoundDto>(counter.PostAsync($"/api/committee/rounds/{round.Id}/close", null));

        var late = await ElectionsHall.CastAsync(seated[1].Tablet, round.Id, ElectionsHall.NewKey(), ["c3"]);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.StartsWith(BallotCasting.RoundNotOpen, (await late.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);

        var resend = await ElectionsHall.OkAsync<CastReceipt>(ElectionsHall.CastAsync(seated[0].Tablet, round.Id, key, ["c3"]));
        Assert.Equal(first.Receipt, resend.Receipt);
        Assert.True(resend.AlreadyRecorded);
        Assert.Equal(1, await hall.DbAsync(db => db.Set<StoredBallot>().CountAsync(b => b.RoundId == round.Id)));

        var second = await hall.SecondCounterAsync();
        await ElectionsHall.OkAsync<CommitteeRoundDto>(counter.PostAsync($"/api/committee/rounds/{round.Id}/confirm", null));
        await ElectionsHall.OkAsync<CommitteeRoundDto>(second.PostAsync($"/api/committee/rounds/{round.Id}/confirm", null));
        await ElectionsHall.OkAsync<ResultsAnnounced>(counter.PostAsJsonAsync($"/api/committee/rounds/{round.Id}/announce", new AnnounceRequest()));
    }

    [Fact]
    public async Task An_invalid_ballot_is_cast_only_with_an_explicit_confirmation_naming_the_rule()
    {
        var (_, round, seated) = await OpenRoundAsync(1);
        var tablet = seated[0].Tablet;

        var check = await ElectionsHall.OkAsync<BallotCheck>(tablet.PostAsJsonAsync($"/api/elections/rounds/{round.Id}/ballot/check", new BallotRequest([], null)));
        Assert.False(check.Valid);
        Assert.Equal("over-seats", check.Reason);
        Assert.Equal("Phiếu giữ lại 3 người, nhiều hơn số lượng cần bầu (2): phiếu sẽ không hợp lệ. Đồng chí vẫn muốn gửi?", check.MessageVi);

        var unconfirmed = await ElectionsHall.CastAsync(tablet, round.Id, ElectionsHall.NewKey(), []);
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.Equal(check.MessageVi, (await unconfirmed.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
        Assert.Equal(0, await hall.DbAsync(db => db.Set<StoredBallot>().CountAsync(b => b.RoundId == round.Id)));

        Assert.Equal(HttpStatusCode.OK, (await ElectionsHall.CastAsync(tablet, round.Id, ElectionsHall.NewKey(), [], acceptInvalid: "over-seats")).StatusCode);
        var announced = await hall.CountAndAnnounceAsync(round.Id);
        Assert.Equal(1, announced.Result.Invalid);
        Assert.Equal("over-seats", Assert.Single(announced.Result.InvalidByReason).Reason);
    }

    [Fact]
    public async Task Nothing_of_the_tally_is_visible_while_the_round_is_open()
    {
        var (_, round, seated) = await OpenRoundAsync(2);
        await ElectionsHall.OkAsync<CastReceipt>(ElectionsHall.CastAsync(seated[0].Tablet, round.Id, ElectionsHall.NewKey(), ["c1"]));

        var counter = await hall.CounterAsync();
        var view = await ElectionsHall.OkAsync<CommitteeRoundDto>(counter.GetAsync($"/api/committee/rounds/{round.Id}"));
        Assert.Null(view.Result);
        Assert.Equal(1, view.Collected);
        Assert.Equal([seated[0].Delegate.FullName], view.Voters);
        Assert.Equal(HttpStatusCode.Conflict, (await counter.GetAsync($"/api/committee/rounds/{round.Id}/record.json")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await seated[1].Tablet.GetAsync($"/api/elections/rounds/{round.Id}/results")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await counter.PostAsync($"/api/committee/rounds/{round.Id}/confirm", null)).StatusCode);

        var turnout = await ElectionsHall.OkAsync<ElectionTurnout>(counter.GetAsync("/api/elections/turnout"));
        var row = Assert.Single(turnout.Rounds);
        Assert.Equal(1, row.Collected);
        Assert.True(row.Issued >= 2);

        await ElectionsHall.OkAsync<CommitteeRoundDto>(counter.PostAsync($"/api/committee/rounds/{round.Id}/close", null));
        // After the close the committee sees the tally; delegates still do not until it is announced.
        Assert.NotNull((await ElectionsHall.OkAsync<CommitteeRoundDto>(counter.GetAsync($"/api/committee/rounds/{round.Id}"))).Result);
        Assert.Equal(HttpStatusCode.Conflict, (await seated[1].Tablet.GetAsync($"/api/elections/rounds/{round.Id}/results")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await counter.PostAsJsonAsync($"/api/committee/rounds/{round.Id}/announce", new AnnounceRequest())).StatusCode);

        // The same member twice is not two confirmations.
        await ElectionsHall.OkAsync<CommitteeRoundDto>(counter.PostAsync($"/api/committee/rounds/{round.Id}/confirm", null));
        var twice = await counter.PostAsync($"/api/committee/rounds/{round.Id}/confirm", null);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await counter.PostAsJsonAsync($"/api/committee/rounds/{round.Id}/announce", new AnnounceRequest())).StatusCode);
        var second = await hall.SecondCounterAsync();
        await ElectionsHall.OkAsync<CommitteeRoundDto>(second.PostAsync($"/api/committee/rounds/{round.Id}/confirm", null));
        await ElectionsHall.OkAsync<ResultsAnnounced>(counter.PostAsJsonAsync($"/api/committee/rounds/{round.Id}/announce", new AnnounceRequest()));
    }
}
