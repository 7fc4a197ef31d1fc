using System.Net.Http.Json;
using System.Threading.Channels;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Live;
using ElectionSystem.Server.Features.OpenVotes;
using Microsoft.AspNetCore.SignalR.Client;

namespace ElectionSystem.Server.Tests.OpenVotes;

/// <summary>
/// Live counts on the projector are an option of the vote, off by default: while such a vote is
/// open the projector's messages carry the turnout only (no for / against / abstain), the
/// presidium who runs it still sees the count, and the figures reach the projector at the close.
/// </summary>
public sealed class ProjectorLiveCountsTests(OpenVotesHall hall) : IClassFixture<OpenVotesHall>
{
    private sealed class Listener
    {
        private readonly Channel<OpenVoteLive> _messages = Channel.CreateUnbounded<OpenVoteLive>();

        public Listener(HubConnection hub) =>
            hub.On<OpenVoteLiveMessage>(nameof(ICongressClient.OpenVoteTallyChanged), m =>
            {
                if (m.Vote is not null)
                {
                    _messages.Writer.TryWrite(m.Vote);
                }
            });

        /// <summary>The first message that matches (waits on the hub, up to 20 s).</summary>
        public async Task<OpenVoteLive> NextAsync(Func<OpenVoteLive, bool> match)
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            while (true)
            {
                var live = await _messages.Reader.ReadAsync(cts.Token);
                if (match(live))
                {
                    return live;
                }
            }
        }
    }

    private async Task<(HttpClient Presidium, Guid VoteId)> OpenAsync(string title, bool liveCounts)
    {
        var presidium = await hall.ClientAsync(Roles.Presidium);
        var agenda = (await presidium.GetFromJsonAsync<OpenVoteAgenda>("/api/openvotes"))!;
        foreach (var open in agenda.Votes.Where(v => v.State == OpenVoteState.Open))
        {
            (await presidium.PostAsync($"/api/openvotes/{open.Id}/close", null)).EnsureSuccessStatusCode();
        }
        var created = await presidium.PostAsJsonAsync("/api/openvotes", new CreateOpenVoteRequest(title, null, false, liveCounts));
        var vote = (await created.Content.ReadFromJsonAsync<OpenVoteSummary>())!;
        Assert.Equal(liveCounts, vote.LiveCounts);
        (await presidium.PostAsync($"/api/openvotes/{vote.Id}/open", null)).EnsureSuccessStatusCode();
        return (presidium, vote.Id);
    }

    [Fact]
    public async Task Without_the_option_the_projector_gets_turnout_only_while_open_and_the_figures_at_the_close()
    {
        await hall.EnsureCurrentSessionAsync();
        var d = await hall.DelegateAsync("Trần Thị Hạnh");
        await hall.DelegateAsync("Lê Văn Tâm");
        using var tablet = hall.TabletClient(await hall.TabletTokenAsync(d));
        var displayKey = await hall.DisplayKeyAsync();
        await using var projectorHub = hall.HubConnection(displayKey);
        await using var presidiumHub = hall.HubConnection(await hall.TokenAsync(Roles.Presidium));
        var projector = new Listener(projectorHub);
        var console = new Listener(presidiumHub);
        await projectorHub.StartAsync();
        await presidiumHub.StartAsync();

        var (presidium, voteId) = await OpenAsync("Thông qua quy chế làm việc", liveCounts: false);
        using (presidium)
        {
            (await tablet.PostAsJsonAsync($"/api/tablet/openvotes/{voteId}/choice", new CastRequest(VoteChoice.For))).EnsureSuccessStatusCode();

            var onScreen = await projector.NextAsync(v => v.VoteId == voteId && v.State == OpenVoteState.Open && v.Voted == 1);
            Assert.Equal((null, null, null), (onScreen.For, onScreen.Against, onScreen.Abstain));
            Assert.True(onScreen.Present >= 2);
            // The presidium runs the vote: it sees the count.
            var atConsole = await console.NextAsync(v => v.VoteId == voteId && v.Voted == 1);
            Assert.Equal(1, atConsole.For);

            // A projector refetching (after a reconnect) gets the same: no counts.
            using var screen = hall.AnonymousClient();
            var fetched = (await screen.GetFromJsonAsync<OpenVoteLiveMessage>($"/api/openvotes/live?key={Uri.EscapeDataString(displayKey)}"))!.Vote!;
            Assert.Equal((voteId, 1, (int?)null, (int?)null, (int?)null), (fetched.VoteId, fetched.Voted, fetched.For, fetched.Against, fetched.Abstain));

            (await presidium.PostAsync($"/api/openvotes/{voteId}/close", null)).EnsureSuccessStatusCode();
            var closed = await projector.NextAsync(v => v.VoteId == voteId && v.State == OpenVoteState.Closed);
            Assert.Equal(1, closed.For);
            Assert.Equal(1, closed.Result!.For);
        }
    }

    [Fact]
    public async Task With_the_option_the_projector_gets_the_running_count()
    {
        await hall.EnsureCurrentSessionAsync();
        var d = await hall.DelegateAsync("Phạm Văn Quý");
        using var tablet = hall.TabletClient(await hall.TabletTokenAsync(d));
        await using var projectorHub = hall.HubConnection(await hall.DisplayKeyAsync());
        var projector = new Listener(projectorHub);
        await projectorHub.StartAsync();

        var (presidium, voteId) = await OpenAsync("Thông qua chương trình đại hội", liveCounts: true);
        using (presidium)
        {
            (await tablet.PostAsJsonAsync($"/api/tablet/openvotes/{voteId}/choice", new CastRequest(VoteChoice.Against))).EnsureSuccessStatusCode();
            var onScreen = await projector.NextAsync(v => v.VoteId == voteId && v.State == OpenVoteState.Open && v.Voted == 1);
            Assert.Equal((0, 1, 0), (onScreen.For, onScreen.Against, onScreen.Abstain));
            (await presidium.PostAsync($"/api/openvotes/{voteId}/close", null)).EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task An_anonymous_vote_cannot_show_a_running_count()
    {
        // Each tap would move the count on screen: the hall could match a delegate's tap to a choice.
        var presidium = await hall.ClientAsync(Roles.Presidium);
        var refused = await presidium.PostAsJsonAsync("/api/openvotes", new CreateOpenVoteRequest("Biểu quyết kín có số trực tiếp", null, true, true));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("liveCounts", out _));
    }
}
