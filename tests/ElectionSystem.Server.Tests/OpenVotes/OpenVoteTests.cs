using System.Net;
using System.Net.Http.Json;
using ElectionSystem.Domain.Congress;
using ElectionSystem.Server.Features.Attendance;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.OpenVotes;
using ElectionSystem.Server.Features.Live;
using ElectionSystem.Server.Features.Tablet;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Tests.OpenVotes;

public class OpenVoteTests(OpenVotesHall hall) : IClassFixture<OpenVotesHall>
{
    private async Task<OpenVoteSummary> OpenNewVoteAsync(string title, bool anonymous = false)
    {
        using var presidium = await hall.ClientAsync(Roles.Presidium);
        // Tests share the hall; only one vote may be open at a time.
        var agenda = (await presidium.GetFromJsonAsync<OpenVoteAgenda>("/api/openvotes"))!;
        foreach (var open in agenda.Votes.Where(v => v.State == OpenVoteState.Open))
        {
            (await presidium.PostAsync($"/api/openvotes/{open.Id}/close", null)).EnsureSuccessStatusCode();
        }
        var created = await presidium.PostAsJsonAsync("/api/openvotes", new CreateOpenVoteRequest(title, null, anonymous));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var vote = (await created.Content.ReadFromJsonAsync<OpenVoteSummary>())!;
        var opened = await presidium.PostAsync($"/api/openvotes/{vote.Id}/open", null);
        opened.EnsureSuccessStatusCode();
        return (await opened.Content.ReadFromJsonAsync<OpenVoteSummary>())!;
    }

    private async Task<OpenVoteSummary> CloseAsync(Guid id)
    {
        using var presidium = await hall.ClientAsync(Roles.Presidium);
        var closed = await presidium.PostAsync($"/api/openvotes/{id}/close", null);
        closed.EnsureSuccessStatusCode();
        return (await closed.Content.ReadFromJsonAsync<OpenVoteSummary>())!;
    }

    private static Task<HttpResponseMessage> CastAsync(HttpClient tablet, Guid vote, VoteChoice choice) =>
        tablet.PostAsJsonAsync($"/api/tablet/openvotes/{vote}/choice", new CastRequest(choice));

    [Fact]
    public async Task A_changed_choice_replaces_the_first_and_the_tablet_sees_the_latest_after_reconnect()
    {
        await hall.EnsureCurrentSessionAsync();
        var d = await hall.DelegateAsync("Bùi Văn Lâm");
        using var tablet = hall.TabletClient(await hall.TabletTokenAsync(d));
        var vote = await OpenNewVoteAsync("Thông qua chương trình đại hội");

        var first = await CastAsync(tablet, vote.Id, VoteChoice.Against);
        Assert.Equal("Đã ghi nhận: Không tán thành", (await first.Content.ReadFromJsonAsync<CastResponse>())!.Recorded);
        var second = await CastAsync(tablet, vote.Id, VoteChoice.For);
        Assert.Equal("Đã ghi nhận: Tán thành", (await second.Content.ReadFromJsonAsync<CastResponse>())!.Recorded);

        var rows = await hall.WithDbAsync(db => db.OpenVoteChoices.Where(c => c.VoteId == vote.Id && c.DelegateId == d.Id).ToListAsync());
        Assert.Equal(VoteChoice.For, Assert.Single(rows).Choice);

        var state = (await tablet.GetFromJsonAsync<TabletState>("/api/tablet/state"))!;
        Assert.Equal(vote.Id, state.OpenVote!.Id);
        Assert.Equal(VoteChoice.For, state.OpenVote.MyChoice);

        var closed = await CloseAsync(vote.Id);
        Assert.True(closed.Result!.For >= 1);
        // The earlier "against" left no trace in the count.
        Assert.Equal(0, closed.Result.Against);
    }

    [Fact]
    public async Task A_vote_after_close_is_refused_with_409()
    {
        var d = await hall.DelegateAsync("Đinh Thị Mai");
        using var tablet = hall.TabletClient(await hall.TabletTokenAsync(d));
        var vote = await OpenNewVoteAsync("Thông qua quy chế làm việc");
        await CloseAsync(vote.Id);

        var late = await CastAsync(tablet, vote.Id, VoteChoice.For);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal(OpenVoteService.Ended, (await late.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
        Assert.False(await hall.WithDbAsync(db => db.OpenVoteChoices.AnyAsync(c => c.VoteId == vote.Id && c.DelegateId == d.Id)));
    }

    [Fact]
    public async Task A_delegate_not_checked_in_cannot_vote_and_is_told_why()
    {
        var d = await hall.DelegateAsync("Mai Văn Nam", checkedIn: false);
        using var tablet = hall.TabletClient(await hall.TabletTokenAsync(d));
        var vote = await OpenNewVoteAsync("Thông qua danh sách Đoàn Chủ tịch");

        var refused = await CastAsync(tablet, vote.Id, VoteChoice.For);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(VotingEligibility.NotCheckedIn, (await refused.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
        await CloseAsync(vote.Id);
    }

    [Fact]
    public async Task An_alternate_not_summoned_cannot_vote()
    {
        var d = await hall.DelegateAsync("Lý Thị Oanh", category: DelegateCategory.Alternate);
        using var tablet = hall.TabletClient(await hall.TabletTokenAsync(d));
        var vote = await OpenNewVoteAsync("Thông qua danh sách Ban Kiểm phiếu");

        var refused = await CastAsync(tablet, vote.Id, VoteChoice.For);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(VotingEligibility.AlternateNotSummoned, (await refused.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
        await CloseAsync(vote.Id);
    }

    [Fact]
    public async Task An_anonymous_vote_keeps_counts_and_participation_but_not_who_chose_what()
    {
        var d = await hall.DelegateAsync("Tạ Văn Phúc");
        using var tablet = hall.TabletClient(await hall.TabletTokenAsync(d));
        var vote = await OpenNewVoteAsync("Biểu quyết số lượng Ban Chấp hành", anonymous: true);
        (await CastAsync(tablet, vote.Id, VoteChoice.Against)).EnsureSuccessStatusCode();

        var closed = await CloseAsync(vote.Id);
        Assert.Equal(1, closed.Result!.Against);
        var row = await hall.WithDbAsync(db => db.OpenVoteChoices.SingleAsync(c => c.VoteId == vote.Id && c.DelegateId == d.Id));
        Assert.Null(row.Choice);
        Assert.False(await hall.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "openvote.cast" && e.Subject == $"openvote:{vote.Id}")));
    }

    [Fact]
    public async Task A_show_of_hands_counting_more_hands_than_delegates_present_is_refused_and_changes_nothing()
    {
        await hall.EnsureCurrentSessionAsync();
        await hall.DelegateAsync("Người Giơ Tay");
        using var presidium = await hall.ClientAsync(Roles.Presidium);
        var present = (await presidium.GetFromJsonAsync<AttendanceSnapshot>("/api/attendance"))!.Present;
        var vote = (await (await presidium.PostAsJsonAsync("/api/openvotes", new CreateOpenVoteRequest("Giơ tay quá số có mặt", null, false)))
            .Content.ReadFromJsonAsync<OpenVoteSummary>())!;

        var refused = await presidium.PostAsJsonAsync($"/api/openvotes/{vote.Id}/show-of-hands", new ShowOfHandsRequest(present, 1, 0));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains($"số đại biểu có mặt ({present})", (await refused.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail, StringComparison.Ordinal);
        Assert.Equal(OpenVoteState.Draft, (await presidium.GetFromJsonAsync<OpenVoteAgenda>("/api/openvotes"))!.Votes.Single(v => v.Id == vote.Id).State);

        var accepted = await presidium.PostAsJsonAsync($"/api/openvotes/{vote.Id}/show-of-hands", new ShowOfHandsRequest(present - 1, 1, 0));
        accepted.EnsureSuccessStatusCode();
        Assert.Equal(present, (await accepted.Content.ReadFromJsonAsync<OpenVoteSummary>())!.Result!.Present);
    }

    [Fact]
    public async Task A_show_of_hands_is_corrected_audited_until_its_decision_is_printed_and_not_after()
    {
        await hall.EnsureCurrentSessionAsync();
        using var presidium = await hall.ClientAsync(Roles.Presidium);
        var attendance = (await presidium.GetFromJsonAsync<AttendanceSnapshot>("/api/attendance"))!;
        // More than half of Base present, so a correction can turn the decision.
        for (var i = 0; i <= attendance.BaseValue - 2 * attendance.Present; i++) await hall.DelegateAsync($"Người Có Mặt {i}");
        var present = (await presidium.GetFromJsonAsync<AttendanceSnapshot>("/api/attendance"))!.Present;
        var vote = (await (await presidium.PostAsJsonAsync("/api/openvotes", new CreateOpenVoteRequest("Giơ tay nhập nhầm", null, false)))
            .Content.ReadFromJsonAsync<OpenVoteSummary>())!;
        var typed = (await (await presidium.PostAsJsonAsync($"/api/openvotes/{vote.Id}/show-of-hands", new ShowOfHandsRequest(0, present, 0)))
            .Content.ReadFromJsonAsync<OpenVoteSummary>())!;
        Assert.False(typed.Result!.Passed);

        var over = await presidium.PutAsJsonAsync($"/api/openvotes/{vote.Id}/show-of-hands", new ShowOfHandsRequest(present, 1, 0));
        Assert.Equal(HttpStatusCode.BadRequest, over.StatusCode);
        var corrected = await presidium.PutAsJsonAsync($"/api/openvotes/{vote.Id}/show-of-hands", new ShowOfHandsRequest(present, 0, 0));
        corrected.EnsureSuccessStatusCode();
        var result = (await corrected.Content.ReadFromJsonAsync<OpenVoteSummary>())!.Result!;
        Assert.Equal((present, 0, true), (result.For, result.Against, result.Passed));
        var audit = await hall.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "openvote.show-of-hands.corrected" && e.Subject == $"openvote:{vote.Id}").CountAsync());
        Assert.Equal(1, audit);

        var printed = await presidium.PostAsync($"/api/openvotes/{vote.Id}/printed", null);
        printed.EnsureSuccessStatusCode();
        Assert.NotNull((await printed.Content.ReadFromJsonAsync<OpenVoteSummary>())!.DecisionPrintedAt);
        Assert.True(await hall.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "openvote.decision-printed" && e.Subject == $"openvote:{vote.Id}")));
        var late = await presidium.PutAsJsonAsync($"/api/openvotes/{vote.Id}/show-of-hands", new ShowOfHandsRequest(0, present, 0));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("đã được in", (await late.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail, StringComparison.Ordinal);
        var decisions = (await presidium.GetFromJsonAsync<List<DecisionRow>>("/api/openvotes/decisions"))!;
        Assert.True(decisions.Single(d => d.Title == "Giơ tay nhập nhầm").Result.Passed);
    }

    [Fact]
    public async Task A_show_of_hands_is_recorded_as_such_with_Base_and_listed_among_decisions()
    {
        await hall.EnsureCurrentSessionAsync();
        using var presidium = await hall.ClientAsync(Roles.Presidium);
        var created = (await (await presidium.PostAsJsonAsync("/api/openvotes", new CreateOpenVoteRequest("Thông qua nghị quyết đại hội", "Toàn văn nghị quyết", false)))
            .Content.ReadFromJsonAsync<OpenVoteSummary>())!;
        var response = await presidium.PostAsJsonAsync($"/api/openvotes/{created.Id}/show-of-hands", new ShowOfHandsRequest(1, 0, 0));
        response.EnsureSuccessStatusCode();
        var result = (await response.Content.ReadFromJsonAsync<OpenVoteSummary>())!.Result!;
        Assert.Equal(OpenVoteMethod.ShowOfHands, result.Method);
        Assert.Equal(OpenVoteState.Closed, (await presidium.GetFromJsonAsync<OpenVoteAgenda>("/api/openvotes"))!.Votes.Single(v => v.Id == created.Id).State);
        Assert.Equal(Domain.OpenVotes.OpenVoteRule.Passed(1, result.Base), result.Passed);
        Assert.Contains("đại biểu được triệu tập", result.BaseExplanation);

        var tooMany = (await (await presidium.PostAsJsonAsync("/api/openvotes", new CreateOpenVoteRequest("Quá nhiều", null, false))).Content.ReadFromJsonAsync<OpenVoteSummary>())!;
        var refused = await presidium.PostAsJsonAsync($"/api/openvotes/{tooMany.Id}/show-of-hands", new ShowOfHandsRequest(result.Base + 1, 0, 0));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        var decisions = (await presidium.GetFromJsonAsync<List<DecisionRow>>("/api/openvotes/decisions"))!;
        Assert.Contains(decisions, r => r.Title == "Thông qua nghị quyết đại hội" && r.Result.Method == OpenVoteMethod.ShowOfHands);
        var audit = await hall.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "openvote.show-of-hands" && e.Subject == $"openvote:{created.Id}"));
        Assert.True(audit);
    }

    [Fact]
    public async Task Tablets_are_told_when_a_vote_opens_and_closes()
    {
        var d = await hall.DelegateAsync("Chu Văn Quang");
        await using var hub = hall.HubConnection(await hall.TabletTokenAsync(d));
        var opened = new TaskCompletionSource<TabletOpenVote>(TaskCreationOptions.RunContinuationsAsynchronously);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<TabletOpenVoteMessage>(nameof(ICongressClient.OpenVoteChanged), m =>
        {
            if (m.Vote is { Title: "Thông qua chương trình phiên họp" } v)
            {
                opened.TrySetResult(v);
            }
            else if (m.Vote is null && opened.Task.IsCompleted)
            {
                closed.TrySetResult();
            }
        });
        await hub.StartAsync();
        var vote = await OpenNewVoteAsync("Thông qua chương trình phiên họp");
        Assert.Equal(vote.Id, (await opened.Task.WaitAsync(TimeSpan.FromSeconds(30))).Id);
        await CloseAsync(vote.Id);
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Only_one_vote_is_open_at_a_time()
    {
        var first = await OpenNewVoteAsync("Biểu quyết thứ nhất");
        using var presidium = await hall.ClientAsync(Roles.Presidium);
        var second = (await (await presidium.PostAsJsonAsync("/api/openvotes", new CreateOpenVoteRequest("Biểu quyết thứ hai", null, false))).Content.ReadFromJsonAsync<OpenVoteSummary>())!;
        var refused = await presidium.PostAsync($"/api/openvotes/{second.Id}/open", null);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Biểu quyết thứ nhất", (await refused.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
        await CloseAsync(first.Id);
    }

    [Fact]
    public async Task Delegates_cannot_run_votes()
    {
        var d = await hall.DelegateAsync("Kiều Văn Sơn");
        using var tablet = hall.TabletClient(await hall.TabletTokenAsync(d));
        var response = await tablet.PostAsJsonAsync("/api/openvotes", new CreateOpenVoteRequest("Tự mở", null, false));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData(250, 298, true, "Tán thành 250/298 (83,89%) — Thông qua")]
    [InlineData(149, 298, false, "Tán thành 149/298 (50,00%) — Không thông qua")]
    [InlineData(1000, 1586, true, "Tán thành 1.000/1.586 (63,05%) — Thông qua")]
    public void Decision_text_spells_out_the_rule(int votesFor, int @base, bool passed, string expected)
    {
        Assert.Equal(passed, Domain.OpenVotes.OpenVoteRule.Passed(votesFor, @base));
        Assert.Equal(expected, DecisionText.Summary(votesFor, @base, passed));
    }
}
