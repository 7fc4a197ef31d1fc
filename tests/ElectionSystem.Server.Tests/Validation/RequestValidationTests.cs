using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ElectionSystem.Server.Features.Admin;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Elections;
using ElectionSystem.Server.Features.OpenVotes;
using ElectionSystem.Server.Features.PaperEntry;
using ElectionSystem.Server.Features.Tablet;
using ElectionSystem.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Tests.Validation;

/// <summary>
/// A body of the wrong shape is refused before its endpoint runs, by one filter for every
/// endpoint: 400 ProblemDetails, title "Dữ liệu không hợp lệ", the Vietnamese message as detail,
/// and <c>errors</c> keyed by the JSON field that is wrong. Nothing changes.
/// </summary>
public class RequestValidationTests(HallFactory hall) : IClassFixture<HallFactory>
{
    private sealed record Problem(int Status, string Title, string Detail, Dictionary<string, string[]> Errors);

    private static async Task<Problem> InvalidAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var errors = json.GetProperty("errors").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(m => m.GetString()!).ToArray());
        return new Problem(json.GetProperty("status").GetInt32(), json.GetProperty("title").GetString()!, json.GetProperty("detail").GetString()!, errors);
    }

    [Fact]
    public async Task An_election_without_a_title_names_the_title_field()
    {
        using var presidium = await hall.ClientAsync(Roles.Presidium);
        var problem = await InvalidAsync(await presidium.PostAsJsonAsync("/api/elections", new CreateElectionRequest("executive-committee", "  ", 9)));

        Assert.Equal(400, problem.Status);
        Assert.Equal("Dữ liệu không hợp lệ", problem.Title);
        Assert.Equal("Hãy nhập tên cuộc bầu cử (title).", problem.Detail);
        Assert.Equal(["title"], problem.Errors.Keys);
        Assert.Equal(["Hãy nhập tên cuộc bầu cử (title)."], problem.Errors["title"]);
    }

    [Fact]
    public async Task Every_wrong_field_of_an_account_is_named_and_no_account_is_made()
    {
        using var organiser = await hall.ClientAsync(Roles.Organiser);
        var problem = await InvalidAsync(await organiser.PostAsJsonAsync("/api/accounts", new AccountCreate("a b", "Ai đó", "superuser")));

        Assert.Equal(["role", "userName"], problem.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("\"userName\"", problem.Errors["userName"].Single(), StringComparison.Ordinal);
        Assert.Contains("\"role\"", problem.Errors["role"].Single(), StringComparison.Ordinal);
        Assert.Contains(problem.Errors["userName"].Single(), problem.Detail, StringComparison.Ordinal);
        Assert.Contains(problem.Errors["role"].Single(), problem.Detail, StringComparison.Ordinal);
        Assert.False(await hall.WithDbAsync(db => db.Accounts.AnyAsync(a => a.UserName == "a b")));
    }

    [Fact]
    public async Task A_negative_show_of_hands_count_names_that_count_and_leaves_the_vote_a_draft()
    {
        await hall.EnsureCurrentSessionAsync();
        using var presidium = await hall.ClientAsync(Roles.Presidium);
        var vote = (await (await presidium.PostAsJsonAsync("/api/openvotes", new CreateOpenVoteRequest("Thông qua quy chế bầu cử", null, false)))
            .Content.ReadFromJsonAsync<OpenVoteSummary>())!;

        var problem = await InvalidAsync(await presidium.PostAsJsonAsync($"/api/openvotes/{vote.Id}/show-of-hands", new ShowOfHandsRequest(3, -1, 0)));

        Assert.Equal(["against"], problem.Errors.Keys);
        Assert.Equal("Hãy nhập số tán thành, không tán thành và không biểu quyết (số nguyên không âm).", problem.Detail);
        var agenda = (await presidium.GetFromJsonAsync<OpenVoteAgenda>("/api/openvotes"))!;
        Assert.Equal(OpenVoteState.Draft, agenda.Votes.Single(v => v.Id == vote.Id).State);
    }

    [Fact]
    public async Task A_short_pin_is_refused_before_any_delegate_is_looked_up()
    {
        using var tablet = hall.AnonymousClient();
        var problem = await InvalidAsync(await tablet.PostAsJsonAsync("/api/tablet/signin", new TabletSignInRequest(null, "DB001", "12")));

        Assert.Equal(["pin"], problem.Errors.Keys);
        Assert.Equal("Mã PIN gồm 6 chữ số.", problem.Detail);
    }

    [Fact]
    public async Task A_committee_list_with_two_chairs_names_isChair()
    {
        // The presidium records the committee the congress elected (ADR 0010): delegates, by id.
        using var presidium = await hall.ClientAsync(Roles.Presidium);
        var response = await presidium.PutAsJsonAsync("/api/elections/committee-members",
            new SetCommitteeRequest(Guid.NewGuid(), [new(Guid.NewGuid(), true), new(Guid.NewGuid(), true)]));

        var problem = await InvalidAsync(response);
        Assert.Equal(["isChair"], problem.Errors.Keys);
        Assert.Equal("Ban Kiểm phiếu có đúng một Trưởng ban (isChair).", problem.Detail);
    }

    [Fact]
    public async Task Paper_bundle_sizes_out_of_range_name_sizes()
    {
        using var committee = await hall.ClientAsync(Roles.CountingCommittee);
        var response = await committee.PostAsJsonAsync($"/api/paper/rounds/{Guid.NewGuid()}/bundles", new AddBundlesRequest([50, 0]));

        var problem = await InvalidAsync(response);
        Assert.Equal(["sizes"], problem.Errors.Keys);
        Assert.StartsWith("sizes: ", problem.Detail, StringComparison.Ordinal);
    }
}
