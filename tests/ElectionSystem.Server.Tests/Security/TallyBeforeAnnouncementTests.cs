using System.Net;
using System.Net.Http.Json;
using ElectionSystem.Server.Features.Elections;
using ElectionSystem.Server.Features.PaperEntry;
using ElectionSystem.Server.Tests.Elections;
using Microsoft.AspNetCore.Mvc;

namespace ElectionSystem.Server.Tests.Security;

/// <summary>
/// Issue 13, "the tally leaks before announcement": after the close and before the confirmations the
/// presidium read the minutes page and .docx, and the organiser the committee's round (votes per
/// candidate) and record.json. Now only the counting committee's members read them until the announcement;
/// afterwards everyone allowed reads them as before.
/// </summary>
public class TallyBeforeAnnouncementTests(ElectionsHall hall) : IClassFixture<ElectionsHall>
{
    private async Task<Guid> ClosedRoundAsync()
    {
        var seated = await hall.SeatAsync(3);
        var e = await hall.ElectionAsync(ElectionKinds.ExecutiveCommittee, hall.Unique("Bầu chưa công bố "), 2, ["Lê Văn A", "Trần Thị B", "Phạm Văn C"]);
        var round = await hall.OpenNextRoundAsync(e.Id);
        foreach (var d in seated)
        {
            await ElectionsHall.OkAsync<CastReceipt>(ElectionsHall.CastAsync(d.Tablet, round.Id, ElectionsHall.NewKey(), ["c3"]));
        }
        var counter = await hall.CounterAsync();
        await ElectionsHall.OkAsync<CommitteeRoundDto>(counter.PostAsync(new Uri($"/api/committee/rounds/{round.Id}/close", UriKind.Relative), null));
        return round.Id;
    }

    private static string[] TallyUrls(Guid roundId) =>
        [$"/minutes/{roundId}", $"/api/minutes/rounds/{roundId}.docx", $"/api/committee/rounds/{roundId}/record.json"];

    private static async Task AssertRefusedAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{url}: {(int)response.StatusCode}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("chưa được công bố", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Lê Văn A", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Between_close_and_announcement_only_the_committee_reads_the_tally()
    {
        var roundId = await ClosedRoundAsync();
        var counter = await hall.CounterAsync();
        var presidium = await hall.PresidiumAsync();
        var organiser = await hall.ClientAsync(Features.Auth.Roles.Organiser);

        // The committee reads everything: the tally exists.
        foreach (var url in TallyUrls(roundId))
        {
            Assert.Equal(HttpStatusCode.OK, (await counter.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
        }
        Assert.NotNull((await ElectionsHall.OkAsync<CommitteeRoundDto>(counter.GetAsync(new Uri($"/api/committee/rounds/{roundId}", UriKind.Relative)))).Result);

        // The presidium: the minutes page and .docx.
        await AssertRefusedAsync(presidium, $"/minutes/{roundId}");
        await AssertRefusedAsync(presidium, $"/api/minutes/rounds/{roundId}.docx");
        // The organiser: the committee's round without its result, no record, no minutes.
        var view = await ElectionsHall.OkAsync<CommitteeRoundDto>(organiser.GetAsync(new Uri($"/api/committee/rounds/{roundId}", UriKind.Relative)));
        Assert.Equal(RoundStates.Closed, view.State);
        Assert.Equal(3, view.Collected);
        Assert.Null(view.Result);
        foreach (var url in TallyUrls(roundId))
        {
            await AssertRefusedAsync(organiser, url);
        }
        var problem = await (await organiser.GetAsync(new Uri($"/api/committee/rounds/{roundId}/record.json", UriKind.Relative)))
            .Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal(TallyAccess.NotAnnouncedDetail, problem!.Detail);

        // Still so after the two confirmations: the announcement is what makes it public.
        var second = await hall.SecondCounterAsync();
        await ElectionsHall.OkAsync<CommitteeRoundDto>(counter.PostAsync(new Uri($"/api/committee/rounds/{roundId}/confirm", UriKind.Relative), null));
        await ElectionsHall.OkAsync<CommitteeRoundDto>(second.PostAsync(new Uri($"/api/committee/rounds/{roundId}/confirm", UriKind.Relative), null));
        await AssertRefusedAsync(presidium, $"/minutes/{roundId}");
        await AssertRefusedAsync(organiser, $"/api/committee/rounds/{roundId}/record.json");
        Assert.Null((await ElectionsHall.OkAsync<CommitteeRoundDto>(organiser.GetAsync(new Uri($"/api/committee/rounds/{roundId}", UriKind.Relative)))).Result);
    }

    [Fact]
    public async Task After_the_announcement_the_presidium_and_the_organiser_read_as_before()
    {
        var roundId = await ClosedRoundAsync();
        var counter = await hall.CounterAsync();
        var second = await hall.SecondCounterAsync();
        await ElectionsHall.OkAsync<CommitteeRoundDto>(counter.PostAsync(new Uri($"/api/committee/rounds/{roundId}/confirm", UriKind.Relative), null));
        await ElectionsHall.OkAsync<CommitteeRoundDto>(second.PostAsync(new Uri($"/api/committee/rounds/{roundId}/confirm", UriKind.Relative), null));
        await ElectionsHall.OkAsync<ResultsAnnounced>(counter.PostAsJsonAsync($"/api/committee/rounds/{roundId}/announce", new AnnounceRequest("ballot")));

        var presidium = await hall.PresidiumAsync();
        var organiser = await hall.ClientAsync(Features.Auth.Roles.Organiser);
        Assert.Equal(HttpStatusCode.OK, (await presidium.GetAsync(new Uri($"/minutes/{roundId}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await presidium.GetAsync(new Uri($"/api/minutes/rounds/{roundId}.docx", UriKind.Relative))).StatusCode);
        foreach (var url in TallyUrls(roundId))
        {
            Assert.Equal(HttpStatusCode.OK, (await organiser.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
        }
        Assert.NotNull((await ElectionsHall.OkAsync<CommitteeRoundDto>(organiser.GetAsync(new Uri($"/api/committee/rounds/{roundId}", UriKind.Relative)))).Result);
    }

    /// <summary>
    /// A staff account with the counting-committee role is the organiser's making, not a member the
    /// congress elected (ADR 0010): before the announcement it reads no counts anywhere — the
    /// committee's round view comes without its result, the record, the minutes, their .docx and the
    /// results endpoint refuse — while a member's own session reads them; after the announcement the
    /// account reads them like every other role allowed.
    /// </summary>
    [Fact]
    public async Task A_counting_committee_staff_account_the_organiser_made_reads_no_counts_before_the_announcement()
    {
        using var organiser = await hall.ClientAsync(Features.Auth.Roles.Organiser);
        HttpClient staff = null!;
        await hall.BeforeTheCongressAsync(async () =>
            staff = await hall.NewStaffAccountAsync(organiser, hall.Unique("tokythuat-"), Features.Auth.Roles.CountingCommittee));
        using var _ = staff;
        var roundId = await ClosedRoundAsync();
        var member = await hall.CounterAsync();

        async Task AssertNoCountsAsync(HttpClient reader)
        {
            foreach (var url in TallyUrls(roundId))
            {
                await AssertRefusedAsync(reader, url);
            }
            Assert.Null((await ElectionsHall.OkAsync<CommitteeRoundDto>(reader.GetAsync(new Uri($"/api/committee/rounds/{roundId}", UriKind.Relative)))).Result);
            using var results = await reader.GetAsync(new Uri($"/api/elections/rounds/{roundId}/results", UriKind.Relative));
            Assert.False(results.IsSuccessStatusCode);
            Assert.DoesNotContain("Lê Văn A", await results.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Closed: the member reads the counts, the staff account none of them.
        var seen = await ElectionsHall.OkAsync<CommitteeRoundDto>(member.GetAsync(new Uri($"/api/committee/rounds/{roundId}", UriKind.Relative)));
        Assert.Equal(3, seen.Result!.Candidates.Single(c => c.FullName == "Lê Văn A").Votes);
        foreach (var url in TallyUrls(roundId))
        {
            Assert.Equal(HttpStatusCode.OK, (await member.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
        }
        await AssertNoCountsAsync(staff);
        // Nor any other session with the role but no member behind it.
        using var seeded = await hall.ClientAsync(Features.Auth.Roles.CountingCommittee);
        await AssertNoCountsAsync(seeded);

        // Confirmed by two members: still not public, the account still reads nothing.
        var second = await hall.SecondCounterAsync();
        await ElectionsHall.OkAsync<CommitteeRoundDto>(member.PostAsync(new Uri($"/api/committee/rounds/{roundId}/confirm", UriKind.Relative), null));
        var confirmed = await ElectionsHall.OkAsync<CommitteeRoundDto>(second.PostAsync(new Uri($"/api/committee/rounds/{roundId}/confirm", UriKind.Relative), null));
        Assert.NotNull(confirmed.Result);
        await AssertNoCountsAsync(staff);

        // The account may announce (no second person needed); from then on it reads like everyone allowed.
        await ElectionsHall.OkAsync<ResultsAnnounced>(staff.PostAsJsonAsync($"/api/committee/rounds/{roundId}/announce", new AnnounceRequest("ballot")));
        foreach (var url in TallyUrls(roundId))
        {
            Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
        }
        var announced = await ElectionsHall.OkAsync<CommitteeRoundDto>(staff.GetAsync(new Uri($"/api/committee/rounds/{roundId}", UriKind.Relative)));
        Assert.Equal(3, announced.Result!.Candidates.Single(c => c.FullName == "Lê Văn A").Votes);
        Assert.Equal(3, (await ElectionsHall.OkAsync<RoundResultDto>(staff.GetAsync(new Uri($"/api/elections/rounds/{roundId}/results", UriKind.Relative))))
            .Candidates.Single(c => c.FullName == "Lê Văn A").Votes);
    }

    [Fact]
    public async Task The_paper_entry_log_which_shows_ballots_contents_follows_the_same_rule()
    {
        await hall.SeatAsync(2);
        var e = await hall.ElectionAsync(ElectionKinds.ExecutiveCommittee, hall.Unique("Bầu có phiếu giấy "), 1, ["Lê Văn A", "Trần Thị B"]);
        var round = await hall.OpenNextRoundAsync(e.Id);
        var counter = await hall.CounterAsync();
        await ElectionsHall.OkAsync<PaperStatusDto>(counter.PostAsJsonAsync($"/api/paper/rounds/{round.Id}/open", new OpenPaperRequest(4, false, 1, 3)));

        Assert.Equal(HttpStatusCode.OK, (await counter.GetAsync(new Uri($"/api/paper/rounds/{round.Id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await counter.GetAsync(new Uri($"/entry/rounds/{round.Id}/log", UriKind.Relative))).StatusCode);
        foreach (var reader in new[] { await hall.PresidiumAsync(), await hall.ClientAsync(Features.Auth.Roles.Organiser) })
        {
            await AssertRefusedAsync(reader, $"/api/paper/rounds/{round.Id}");
            await AssertRefusedAsync(reader, $"/entry/rounds/{round.Id}/log");
        }
    }
}
