using System.Net.Http.Json;
using ElectionSystem.Domain.Records;
using ElectionSystem.Server.Features.Elections;
using ElectionSystem.Server.Features.PaperEntry;
using ElectionSystem.Server.Tests.Elections;

namespace ElectionSystem.Server.Tests.PaperEntry;

/// <summary>The stations' rules: own entries only, three different people per bundle, typos refused at once; a mixed round adds up.</summary>
public sealed class EntryStationTests(PaperHall hall) : IClassFixture<PaperHall>
{
    private static readonly string[] Names = ["Vũ Văn Hải", "Đào Thị Hoa", "Lương Văn Kiên", "Mạc Thị Liên", "Quách Văn Nam", "Tôn Thị Oanh"];

    /// <summary>A closed round (5 seats, 6 names) with paper entry open: one bundle of <paramref name="size"/>.</summary>
    private async Task<(ElectionDto Election, Guid RoundId)> ClosedPaperRoundAsync(int size)
    {
        await hall.RegisterAsync(5);
        var e = await hall.ElectionAsync(ElectionKinds.ExecutiveCommittee, hall.Unique("Bầu Ban Chấp hành thử "), 5, Names);
        var round = await hall.OpenNextRoundAsync(e.Id);
        var counter = await hall.CounterAsync();
        await ElectionsHall.OkAsync<PaperStatusDto>(counter.PostAsJsonAsync($"/api/paper/rounds/{round.Id}/open", new OpenPaperRequest(size, true, 1, size)));
        await ElectionsHall.OkAsync<CommitteeRoundDto>(counter.PostAsync($"/api/committee/rounds/{round.Id}/close", null));
        return (e, round.Id);
    }

    [Fact]
    public async Task A_station_sees_only_its_own_entries_and_one_operator_cannot_be_two_stations_of_a_bundle()
    {
        var (_, roundId) = await ClosedPaperRoundAsync(3);
        var one = await hall.OperatorAsync();
        var two = await hall.OperatorAsync();

        await ElectionsHall.OkAsync<MyBundleEntriesDto>(PaperHall.StartAsync(one, roundId, 1, 1));
        var twice = await PaperHall.ProblemAsync(PaperHall.StartAsync(one, roundId, 1, 2), 409);
        Assert.Contains("ba người khác nhau", twice, StringComparison.Ordinal);
        await PaperHall.ProblemAsync(PaperHall.StartAsync(two, roundId, 1, 1), 409);
        await PaperHall.ProblemAsync(PaperHall.StartAsync(two, roundId, 1, 4), 400);
        await ElectionsHall.OkAsync<MyBundleEntriesDto>(PaperHall.StartAsync(two, roundId, 1, 2));

        await ElectionsHall.OkAsync<EnteredDto>(PaperHall.EnterAsync(one, roundId, 1, 1, "2"));
        await ElectionsHall.OkAsync<EnteredDto>(PaperHall.EnterAsync(two, roundId, 1, 1, "3"));
        var mine = await ElectionsHall.OkAsync<MyBundleEntriesDto>(two.GetAsync($"/api/entry/rounds/{roundId}/bundles/1"));
        Assert.Equal(2, mine.Station);
        Assert.Equal(["3"], mine.Entries.Select(x => x.Text));
        var body = await two.GetStringAsync($"/api/entry/rounds/{roundId}/bundles/1");
        Assert.DoesNotContain("\"2\"", body, StringComparison.Ordinal);
        var rounds = await ElectionsHall.OkAsync<List<EntryRoundDto>>(two.GetAsync("/api/entry/rounds"));
        Assert.Equal(1, rounds.Single(r => r.RoundId == roundId).Bundles.Single().Entered);

        // The committee's side (all three entries) is not for operators.
        await PaperHall.ProblemAsync(two.GetAsync($"/api/paper/rounds/{roundId}"), 403);
        await PaperHall.ProblemAsync(PaperHall.RuleAsync(two, roundId, 1, 1, "2", "tự sửa"), 403);
    }

    [Fact]
    public async Task A_number_not_on_the_ballot_is_refused_at_the_station_and_entries_go_in_order()
    {
        var (_, roundId) = await ClosedPaperRoundAsync(3);
        var op = await hall.OperatorAsync();
        await ElectionsHall.OkAsync<MyBundleEntriesDto>(PaperHall.StartAsync(op, roundId, 1, 3));

        var outOfRange = await PaperHall.ProblemAsync(PaperHall.EnterAsync(op, roundId, 1, 1, "2 7"), 400);
        Assert.Contains("Số 7 không có trên phiếu: phiếu có 6 tên", outOfRange, StringComparison.Ordinal);
        await PaperHall.ProblemAsync(PaperHall.EnterAsync(op, roundId, 1, 1, "2 x"), 400);
        await PaperHall.ProblemAsync(PaperHall.EnterAsync(op, roundId, 1, 1, ""), 400);
        await PaperHall.ProblemAsync(PaperHall.EnterAsync(op, roundId, 1, 1, "/x"), 400);
        await PaperHall.ProblemAsync(PaperHall.EnterAsync(op, roundId, 1, 2, "1"), 400);

        var entered = await ElectionsHall.OkAsync<EnteredDto>(PaperHall.EnterAsync(op, roundId, 1, 1, "4, 2 4"));
        Assert.Equal("2 4", entered.Text);
        Assert.Null(entered.NoteVi);
        await ElectionsHall.OkAsync<EnteredDto>(PaperHall.EnterAsync(op, roundId, 1, 2, "/t"));
        await PaperHall.ProblemAsync(PaperHall.FinishAsync(op, roundId, 1), 409);
        // Nothing struck keeps 6 names for 5 seats: saved as typed, with the Domain's verdict as a hint to look again.
        var untouched = await ElectionsHall.OkAsync<EnteredDto>(PaperHall.EnterAsync(op, roundId, 1, 3, "0"));
        Assert.Contains("nhiều tên hơn số lượng", untouched.NoteVi, StringComparison.Ordinal);
        var done = await ElectionsHall.OkAsync<MyBundleEntriesDto>(PaperHall.FinishAsync(op, roundId, 1));
        Assert.True(done.Finished);
        Assert.Equal(["2 4", "/t", "0"], done.Entries.Select(x => x.Text));
        await PaperHall.ProblemAsync(PaperHall.EnterAsync(op, roundId, 1, 3, "1"), 409);
    }

    [Fact]
    public async Task A_mixed_round_issues_one_ballot_per_delegate_present_and_refuses_paper_beyond_them()
    {
        var seated = await hall.SeatAsync(3, "Đại biểu phát phiếu");
        var e = await hall.ElectionAsync(ElectionKinds.ExecutiveCommittee, hall.Unique("Bầu phát một lần "), 5, Names);
        var round = await hall.OpenNextRoundAsync(e.Id);
        await ElectionsHall.OkAsync<CastReceipt>(ElectionsHall.CastAsync(seated[0].Tablet, round.Id, ElectionsHall.NewKey(), ["c1"]));
        var counter = await hall.CounterAsync();
        var present = (await ElectionsHall.OkAsync<System.Text.Json.JsonElement>(counter.GetAsync("/api/attendance"))).GetProperty("present").GetInt32();
        var withoutTabletBallot = present - 1;

        // One more paper ballot than delegates present who have not cast on a tablet: someone would hold two.
        var beyond = await PaperHall.ProblemAsync(counter.PostAsJsonAsync($"/api/paper/rounds/{round.Id}/open", new OpenPaperRequest(withoutTabletBallot + 1, false, 0, 3)), 400);
        Assert.Contains("mỗi đại biểu chỉ nhận một phiếu", System.Text.Json.JsonDocument.Parse(beyond).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await ElectionsHall.OkAsync<PaperStatusDto>(counter.PostAsJsonAsync($"/api/paper/rounds/{round.Id}/open", new OpenPaperRequest(withoutTabletBallot, false, 0, 3)));
        await PaperHall.ProblemAsync(counter.PutAsJsonAsync($"/api/paper/rounds/{round.Id}/issued", new SetIssuedRequest(withoutTabletBallot + 1)), 400);

        var open = await ElectionsHall.OkAsync<ElectionTurnout>(counter.GetAsync("/api/elections/turnout"));
        Assert.Equal(present, open.Rounds.Single(r => r.RoundId == round.Id).Issued);
        var closed = await ElectionsHall.OkAsync<CommitteeRoundDto>(counter.PostAsync($"/api/committee/rounds/{round.Id}/close", null));
        Assert.Equal(present, closed.Issued);
    }

    [Fact]
    public async Task A_mixed_round_adds_tablet_and_paper_ballots_and_an_agreed_ballot_can_be_ruled_invalid()
    {
        var seated = await hall.SeatAsync(6, "Đại biểu máy tính bảng");
        var e = await hall.ElectionAsync(ElectionKinds.ExecutiveCommittee, hall.Unique("Bầu hỗn hợp "), 5, Names);
        var round = await hall.OpenNextRoundAsync(e.Id);
        foreach (var d in seated.Take(2))
        {
            await ElectionsHall.OkAsync<CastReceipt>(ElectionsHall.CastAsync(d.Tablet, round.Id, ElectionsHall.NewKey(), ["c1"]));
        }
        var counter = await hall.CounterAsync();
        var closed = await ElectionsHall.OkAsync<CommitteeRoundDto>(counter.PostAsync($"/api/committee/rounds/{round.Id}/close", null));
        Assert.Equal(2, closed.Collected);
        var tabletIssued = closed.Issued;
        var present = (await ElectionsHall.OkAsync<System.Text.Json.JsonElement>(counter.GetAsync("/api/attendance"))).GetProperty("present").GetInt32();
        Assert.Equal(present, tabletIssued);

        await ElectionsHall.OkAsync<PaperStatusDto>(counter.PostAsJsonAsync($"/api/paper/rounds/{round.Id}/open", new OpenPaperRequest(4, false, 1, 3)));
        HttpClient[] ops = [await hall.OperatorAsync(), await hall.OperatorAsync(), await hall.OperatorAsync()];
        for (var s = 0; s < 3; s++)
        {
            await ElectionsHall.OkAsync<MyBundleEntriesDto>(PaperHall.StartAsync(ops[s], round.Id, 1, s + 1));
            foreach (var (text, i) in new[] { "2", "1 3", "6" }.Select((t, i) => (t, i + 1)))
            {
                await ElectionsHall.OkAsync<EnteredDto>(PaperHall.EnterAsync(ops[s], round.Id, 1, i, text));
            }
            if (s < 2) await ElectionsHall.OkAsync<MyBundleEntriesDto>(PaperHall.FinishAsync(ops[s], round.Id, 1));
        }
        var waiting = await hall.StatusAsync(round.Id);
        Assert.Contains(waiting.BlockersVi, b => b.Contains("Tập 1: mới 2/3 trạm nhập xong", StringComparison.Ordinal));
        await PaperHall.ProblemAsync(counter.PostAsync($"/api/committee/rounds/{round.Id}/confirm", null), 409);
        await ElectionsHall.OkAsync<MyBundleEntriesDto>(PaperHall.FinishAsync(ops[2], round.Id, 1));

        // All three agree; the committee still rules ballot 3 invalid for what the marks don't show.
        var agreed = await hall.StatusAsync(round.Id);
        Assert.Empty(agreed.Disagreements);
        Assert.Empty(agreed.BlockersVi);
        await PaperHall.ProblemAsync(PaperHall.RuleAsync(counter, round.Id, 1, 3, "4", "đổi ý"), 409);
        await PaperHall.ProblemAsync(PaperHall.RuleAsync(counter, round.Id, 1, 3, "/x", " "), 400);
        var ruled = await ElectionsHall.OkAsync<PaperStatusDto>(PaperHall.RuleAsync(counter, round.Id, 1, 3, "/x", "Phiếu bị rách mất một phần"));
        Assert.Equal("/x", Assert.Single(ruled.Overrides).Resolution.Text);

        var done = await ElectionsHall.OkAsync<PaperStatusDto>(counter.PostAsync($"/api/paper/rounds/{round.Id}/complete", null));
        Assert.Equal(3, done.Counted);
        var view = await ElectionsHall.OkAsync<CommitteeRoundDto>(counter.GetAsync($"/api/committee/rounds/{round.Id}"));
        // Issue 11: the four paper ballots went to delegates present who had no tablet ballot: each counted once.
        Assert.Equal(tabletIssued, view.Issued);
        Assert.Equal(tabletIssued, view.Result!.Issued);
        Assert.Equal(5, view.Result.Collected);
        Assert.Equal(1, view.Result.InvalidByReason.Single(i => i.Reason == "other").Count);

        var record = ElectionRecordReader.Read(await counter.GetStringAsync($"/api/committee/rounds/{round.Id}/record.json")).Record!;
        Assert.Equal(2, record.Ballots.Count(b => b.Source == Domain.Elections.BallotSource.Tablet));
        Assert.Equal(3, record.Ballots.Count(b => b.Source == Domain.Elections.BallotSource.Paper));
        Assert.Equal(tabletIssued, record.Election.Issued);

        // The printed ballot: seal area, title, names in ballot order with their numbers, nothing that identifies a ballot.
        var sheet = System.Net.WebUtility.HtmlDecode(await counter.GetStringAsync($"/entry/rounds/{round.Id}/ballot-print"));
        Assert.Contains("Dấu của Ban Kiểm phiếu", sheet, StringComparison.Ordinal);
        Assert.Contains("PHIẾU BẦU", sheet, StringComparison.Ordinal);
        Assert.Contains("Số lượng cần bầu: 5", sheet, StringComparison.Ordinal);
        var positions = record.ToRound().InBallotOrder.Select(c => sheet.IndexOf(c.FullName, StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p > 0));
        Assert.Equal(positions.Order().ToList(), positions);
        Assert.DoesNotContain(round.Id.ToString(), sheet.Replace($"/entry/rounds/{round.Id}", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);

        // The entry log, filed with the minutes: stations, operators, the committee's ruling and its reason.
        var log = System.Net.WebUtility.HtmlDecode(await counter.GetStringAsync($"/entry/rounds/{round.Id}/log"));
        Assert.Contains("NHẬT KÝ NHẬP PHIẾU", log, StringComparison.Ordinal);
        Assert.Contains("Phiếu bị rách mất một phần", log, StringComparison.Ordinal);
        Assert.Contains("3 phiếu giấy đưa vào kiểm phiếu", log, StringComparison.Ordinal);

        var minutes = MinutesText.Lines(await counter.GetByteArrayAsync($"/api/minutes/rounds/{round.Id}.docx"));
        Assert.Contains(minutes, l => l.Contains("Số phiếu thu vào: 5", StringComparison.Ordinal));
    }
}
