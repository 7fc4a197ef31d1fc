using System.Net;
using System.Net.Http.Json;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Elections;
using CreateOpenVoteRequest = ElectionSystem.Server.Features.OpenVotes.CreateOpenVoteRequest;
using OpenVoteSummary = ElectionSystem.Server.Features.OpenVotes.OpenVoteSummary;
using ShowOfHandsRequest = ElectionSystem.Server.Features.OpenVotes.ShowOfHandsRequest;
using Microsoft.AspNetCore.Mvc;

namespace ElectionSystem.Server.Tests.Elections;

/// <summary>DOMAIN.md §4.3–§4.4 through the setup API: list surplus, withdrawals, floor nominations, another round.</summary>
public class ElectionSetupTests(ElectionsHall hall) : IClassFixture<ElectionsHall>
{
    private static string[] Names(int n, string prefix) => Enumerable.Range(1, n).Select(i => $"{prefix} Văn {(char)('A' + i)}").ToArray();

    [Fact]
    public async Task An_executive_committee_list_over_the_surplus_limit_cannot_become_a_round()
    {
        // Issue 11 "one list, one ballot": the rule is applied when the ballot is made, not only at opening.
        var e = await hall.ElectionAsync(ElectionKinds.ExecutiveCommittee, "Bầu Ban Chấp hành thử", 9, Names(12, "Trần"));
        var presidium = await hall.PresidiumAsync();
        var created = await presidium.PostAsJsonAsync($"/api/elections/{e.Id}/rounds", new CreateRoundRequest());
        Assert.Equal(HttpStatusCode.Conflict, created.StatusCode);
        Assert.Equal("Số dư 3 người vượt quá mức cho phép: tối đa 30% số ủy viên (2 người).", (await created.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
        Assert.Empty((await ElectionsHall.OkAsync<ElectionDto>(presidium.GetAsync($"/api/elections/{e.Id}"))).Rounds);
    }

    [Fact]
    public async Task Once_a_round_is_created_the_list_is_fixed_until_its_draft_is_deleted()
    {
        var e = await hall.ElectionAsync(ElectionKinds.ExecutiveCommittee, hall.Unique("Bầu danh sách chốt "), 10, Names(11, "Lê"));
        var presidium = await hall.PresidiumAsync();
        var round = await ElectionsHall.OkAsync<RoundSummaryDto>(presidium.PostAsJsonAsync($"/api/elections/{e.Id}/rounds", new CreateRoundRequest()));

        var added = await presidium.PostAsJsonAsync($"/api/elections/{e.Id}/candidates", new AddCandidateRequest("Người Thêm Sau"));
        Assert.Equal(HttpStatusCode.Conflict, added.StatusCode);
        Assert.Contains("xóa lần bầu (nháp)", (await added.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail, StringComparison.Ordinal);
        var vote = await hall.DecisionAsync(hall.Unique("Cho rút "), 1000);
        var target = e.Candidates[0];
        var withdrawn = await presidium.PostAsJsonAsync($"/api/elections/{e.Id}/candidates/{target.Id}/withdraw", new WithdrawRequest(vote));
        Assert.Equal(HttpStatusCode.Conflict, withdrawn.StatusCode);

        // Deleting the draft (audited) frees the list; the new round's ballot is the new list.
        var afterDelete = await ElectionsHall.OkAsync<ElectionDto>(presidium.DeleteAsync($"/api/elections/rounds/{round.Id}"));
        Assert.Empty(afterDelete.Rounds);
        var longer = await ElectionsHall.OkAsync<ElectionDto>(presidium.PostAsJsonAsync($"/api/elections/{e.Id}/candidates", new AddCandidateRequest("Người Thêm Sau")));
        Assert.Equal(12, longer.List!.InBallotOrder.Count);
        var again = await ElectionsHall.OkAsync<RoundSummaryDto>(presidium.PostAsJsonAsync($"/api/elections/{e.Id}/rounds", new CreateRoundRequest()));
        var ballot = await hall.DbAsync(db => Task.FromResult(db.Set<RoundCandidate>().Count(c => c.RoundId == again.Id)));
        Assert.Equal(12, ballot);
        Assert.True(await hall.DbAsync(db => Task.FromResult(db.AuditEntries.Any(a => a.Action == "election.round.deleted" && a.Subject == $"round:{round.Id}"))));
    }

    [Fact]
    public async Task The_election_shows_its_list_in_ballot_order_with_the_surplus_verdict_before_any_round()
    {
        var over = await hall.ElectionAsync(ElectionKinds.ExecutiveCommittee, "Bầu Ban Chấp hành: danh sách dài", 9, Names(12, "Đỗ"));
        Assert.False(over.List!.SurplusAllowed);
        Assert.EndsWith("Số dư 3 người vượt quá mức cho phép: tối đa 30% số ủy viên (2 người).", over.List.MessageVi);

        // Added out of order: the list comes back in ballot order (by given name: An, Bình, Cường).
        var fine = await hall.ElectionAsync(ElectionKinds.ExecutiveCommittee, "Bầu Ban Chấp hành: ba cho hai", 2,
            ["Lê Văn Cường", "Trần Thị Bình", "Nguyễn Văn An"]);
        Assert.True(fine.List!.SurplusAllowed, fine.List.MessageVi);
        Assert.Equal(["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"], fine.List.InBallotOrder.Select(n => n.FullName));
        Assert.Equal([1, 2, 3], fine.List.InBallotOrder.Select(n => n.Stt));

        // Only the executive committee's list has the surplus limit.
        var other = await hall.ElectionAsync(ElectionKinds.Other, "Bầu khác", 2, Names(2, "Phan"));
        Assert.Null(other.List!.SurplusAllowed);
    }

    [Fact]
    public async Task A_withdrawal_takes_effect_only_when_the_open_vote_passed()
    {
        await hall.SeatAsync(10);
        var e = await hall.ElectionAsync(ElectionKinds.Other, "Bầu thử rút tên", 2, Names(4, "Lê"));
        var presidium = await hall.PresidiumAsync();
        var target = e.Candidates[0];
        // Half of Base is not more than half: the vote did not pass, the name stays.
        var attendance = await ElectionsHall.OkAsync<System.Text.Json.JsonElement>(presidium.GetAsync("/api/attendance"));
        var half = attendance.GetProperty("baseValue").GetInt32() / 2;
        var notPassed = await hall.DecisionAsync("Cho đồng chí rút khỏi danh sách (lần 1)", half);
        var failed = await presidium.PostAsJsonAsync($"/api/elections/{e.Id}/candidates/{target.Id}/withdraw", new WithdrawRequest(notPassed));
        Assert.Equal(HttpStatusCode.Conflict, failed.StatusCode);
        Assert.Contains("không thông qua", (await failed.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
        // A vote not yet closed decides nothing either.
        var draft = await ElectionsHall.OkAsync<OpenVoteSummary>(presidium.PostAsJsonAsync("/api/openvotes", new CreateOpenVoteRequest("Chưa biểu quyết", null, false)));
        var undecided = await presidium.PostAsJsonAsync($"/api/elections/{e.Id}/candidates/{target.Id}/withdraw", new WithdrawRequest(draft.Id));
        Assert.Equal(HttpStatusCode.Conflict, undecided.StatusCode);

        var passedVote = await hall.DecisionAsync("Cho đồng chí rút khỏi danh sách (lần 2)", half + 1);
        var passed = await ElectionsHall.OkAsync<ElectionDto>(presidium.PostAsJsonAsync($"/api/elections/{e.Id}/candidates/{target.Id}/withdraw", new WithdrawRequest(passedVote)));
        Assert.Contains("Cho đồng chí rút khỏi danh sách (lần 2)", passed.Candidates[0].DecidedBy);
        Assert.Equal(CandidateStatus.Withdrawn, passed.Candidates[0].Status);
        var step = await ElectionsHall.OkAsync<NextStepDto>(presidium.GetAsync($"/api/elections/{e.Id}/next-step"));
        Assert.DoesNotContain(step.Candidates, c => c.Id == target.BallotId);
    }

    [Fact]
    public async Task A_floor_nominee_enters_the_list_only_when_the_poll_gave_more_than_30_percent_of_those_present()
    {
        var seated = await hall.SeatAsync(10);
        var main = await hall.ElectionAsync(ElectionKinds.ExecutiveCommittee, "Bầu Ban Chấp hành có đề cử", 5, Names(5, "Phạm"));
        var poll = await hall.ElectionAsync(ElectionKinds.NominationPoll, "Lấy phiếu xin ý kiến giới thiệu người ứng cử", 0, ["Ngô Thị Hoa", "Đinh Văn Sáng"]);
        var round = await hall.OpenNextRoundAsync(poll.Id);
        var present = (await ElectionsHall.OkAsync<ElectionTurnout>((await hall.CounterAsync()).GetAsync("/api/elections/turnout"))).Rounds[0].Issued;
        // c1 agreed by every seated delegate (well over 30% of those present); c2 by one.
        for (var i = 0; i < seated.Count; i++)
        {
            var marks = new Dictionary<string, string> { ["c1"] = "agree", ["c2"] = i == 0 ? "agree" : "disagree" };
            await ElectionsHall.OkAsync<CastReceipt>(ElectionsHall.CastAsync(seated[i].Tablet, round.Id, ElectionsHall.NewKey(), null, marks));
        }
        var result = (await hall.CountAndAnnounceAsync(round.Id)).Result;
        Assert.Equal("Ngô Thị Hoa", Assert.Single(result.Elected).FullName);
        Assert.True(present >= seated.Count);

        var presidium = await hall.PresidiumAsync();
        var refused = await presidium.PostAsJsonAsync($"/api/elections/{main.Id}/candidates/admit", new AdmitNomineeRequest(round.Id, "c2"));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var admitted = await ElectionsHall.OkAsync<ElectionDto>(presidium.PostAsJsonAsync($"/api/elections/{main.Id}/candidates/admit", new AdmitNomineeRequest(round.Id, "c1")));
        var added = Assert.Single(admitted.Candidates, c => c.Status == CandidateStatus.Admitted);
        Assert.Equal("Ngô Thị Hoa", added.FullName);
    }

    [Fact]
    public async Task Vacancies_lead_to_another_round_only_with_the_open_vote_that_decided_it()
    {
        var seated = await hall.SeatAsync(4);
        var e = await hall.ElectionAsync(ElectionKinds.Other, "Bầu thử thiếu người", 2, Names(3, "Vũ"));
        var r1 = await hall.OpenNextRoundAsync(e.Id);
        // One of four votes, keeping c3 only: one vote is not more than half of Base (≥ 4), so nobody is elected.
        await ElectionsHall.OkAsync<CastReceipt>(ElectionsHall.CastAsync(seated[0].Tablet, r1.Id, ElectionsHall.NewKey(), ["c1", "c2"]));
        var result = (await hall.CountAndAnnounceAsync(r1.Id)).Result;
        Assert.Equal(2, result.Vacant);
        Assert.Equal("Còn thiếu 2 người", result.VacancyStatementVi);

        var presidium = await hall.PresidiumAsync();
        var step = await ElectionsHall.OkAsync<NextStepDto>(presidium.GetAsync($"/api/elections/{e.Id}/next-step"));
        Assert.Equal("another-round", step.Step);
        Assert.True(step.NeedsDecision);
        var undecided = await presidium.PostAsJsonAsync($"/api/elections/{e.Id}/rounds", new CreateRoundRequest());
        Assert.Equal(HttpStatusCode.Conflict, undecided.StatusCode);
        var r2 = await hall.OpenNextRoundAsync(e.Id, decidingVoteId: await hall.DecisionAsync("Bầu tiếp cho đủ số lượng", 1000));
        Assert.Equal(RoundPurposes.AnotherRound, r2.Purpose);
        Assert.Equal(2, r2.Seats);
        await hall.CountAndAnnounceAsync(r2.Id);
    }

    [Fact]
    public async Task Each_role_reaches_only_its_own_part_of_the_election()
    {
        var seated = await hall.SeatAsync(1);
        var e = await hall.ElectionAsync(ElectionKinds.Other, "Bầu thử quyền", 1, Names(2, "Hồ"));
        var round = await hall.OpenNextRoundAsync(e.Id);
        var tablet = seated[0].Tablet;
        var display = hall.AnonymousClient();
        display.DefaultRequestHeaders.Authorization = new("Bearer", await hall.DisplayKeyAsync());
        var presidium = await hall.PresidiumAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await tablet.PostAsync($"/api/committee/rounds/{round.Id}/close", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await presidium.PostAsync($"/api/committee/rounds/{round.Id}/close", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await display.GetAsync($"/api/committee/rounds/{round.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await tablet.PostAsJsonAsync("/api/elections", new CreateElectionRequest("other", "x", 1))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await presidium.PostAsJsonAsync($"/api/elections/rounds/{round.Id}/ballot",
            new CastRequest(ElectionsHall.NewKey(), ["c1"], null))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await hall.AnonymousClient().GetAsync("/api/elections/projector")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await display.GetAsync("/api/elections/projector")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await hall.ClientAsync(Roles.CheckInStaff)).GetAsync($"/api/minutes/rounds/{round.Id}.docx")).StatusCode);

        var state = await ElectionsHall.OkAsync<TabletBallotState>(tablet.GetAsync("/api/elections/ballot"));
        Assert.Equal(round.Id, state.Ballot!.RoundId);
        Assert.Equal("with-surplus", state.Ballot.ListKind);
        Assert.Equal(["Hồ Văn B", "Hồ Văn C"], state.Ballot.Names.Select(n => n.FullName).ToList());
        await ElectionsHall.OkAsync<CastReceipt>(ElectionsHall.CastAsync(tablet, round.Id, ElectionsHall.NewKey(), ["c2"]));
        Assert.True((await ElectionsHall.OkAsync<TabletBallotState>(tablet.GetAsync("/api/elections/ballot"))).Ballot!.Voted);
        await hall.CountAndAnnounceAsync(round.Id);
    }
}
