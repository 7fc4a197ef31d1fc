using System.Net.Http.Json;
using ElectionSystem.Server.Features.Elections;
using Microsoft.AspNetCore.SignalR.Client;

namespace ElectionSystem.Server.Tests.Elections;

/// <summary>
/// Issue 11's leftover: an election's combined result (a delegation's officials and alternates) was
/// an API, a print page and a .docx, but the projector never had it. Now the projector's state and
/// the live "results announced" message carry it once the election has a second announced round, and
/// never anything of a round before its announcement.
/// </summary>
public class ProjectorCombinedResultTests(ElectionsHall hall) : IClassFixture<ElectionsHall>
{
    [Fact]
    public async Task The_projector_gets_a_delegations_officials_and_alternates_together_only_after_the_second_announcement()
    {
        var seated = await hall.SeatAsync(9);
        using var display = hall.AnonymousClient();
        display.DefaultRequestHeaders.Authorization = new("Bearer", await hall.DisplayKeyAsync());
        await using var projector = hall.HubConnection(await hall.DisplayKeyAsync());
        var messages = new List<AnnouncedResult>();
        var received = new SemaphoreSlim(0);
        projector.On<AnnouncedResult>(nameof(ICongressClient.ResultsAnnounced), m =>
        {
            lock (messages) messages.Add(m);
            received.Release();
        });
        await projector.StartAsync();

        string[] names = ["Lý Văn Phúc", "Mai Thị Quỳnh", "Tạ Văn Sơn", "Hà Thị Thu", "Kiều Văn Uy"];
        var del = await hall.ElectionAsync(ElectionKinds.Delegation, hall.Unique("Bầu đoàn đại biểu dự Đại hội cấp trên "), 2, names, alternates: 1);

        // Ballot 1 (officials): everyone keeps c1 and c2.
        var r1 = await hall.OpenNextRoundAsync(del.Id);
        await CastAllAsync(seated, r1.Id, ["c3", "c4", "c5"]);
        await hall.CountAndAnnounceAsync(r1.Id);
        var first = await NextAsync(messages, received);
        Assert.Equal(r1.Id, first.Result.RoundId);
        Assert.Null(first.Combined);
        Assert.Null((await ProjectorAsync(display)).Combined);

        // Ballot 2 (alternates) closed and confirmed but not announced: nothing of it on the projector.
        var r2 = await hall.OpenNextRoundAsync(del.Id);
        Assert.Equal("delegation-alternate", r2.Kind);
        await CastAllAsync(seated, r2.Id, ["c4", "c5"]);
        var counter = await hall.CounterAsync();
        await ElectionsHall.OkAsync<CommitteeRoundDto>(counter.PostAsync($"/api/committee/rounds/{r2.Id}/close", null));
        await ElectionsHall.OkAsync<CommitteeRoundDto>(counter.PostAsync($"/api/committee/rounds/{r2.Id}/confirm", null));
        await ElectionsHall.OkAsync<CommitteeRoundDto>((await hall.SecondCounterAsync()).PostAsync($"/api/committee/rounds/{r2.Id}/confirm", null));
        var before = await ProjectorAsync(display);
        Assert.Equal(r1.Id, before.Announced!.RoundId);
        Assert.Null(before.Combined);

        await ElectionsHall.OkAsync<ResultsAnnounced>(counter.PostAsJsonAsync($"/api/committee/rounds/{r2.Id}/announce", new AnnounceRequest("ballot")));
        var second = await NextAsync(messages, received);
        Assert.Equal(r2.Id, second.Result.RoundId);
        AssertCombined(second.Combined, del.Id);
        var after = await ProjectorAsync(display);
        Assert.Equal(r2.Id, after.Announced!.RoundId);
        AssertCombined(after.Combined, del.Id);
    }

    private static void AssertCombined(ElectionOutcomeDto? combined, Guid electionId)
    {
        Assert.NotNull(combined);
        Assert.Equal(electionId, combined.ElectionId);
        Assert.Equal(
            [("Lý Văn Phúc", "delegation-official"), ("Mai Thị Quỳnh", "delegation-official"), ("Tạ Văn Sơn", "delegation-alternate")],
            combined.Elected.Select(e => (e.FullName, e.Kind)).ToList());
        Assert.All(combined.Elected, e => Assert.Equal(9, e.Votes));
        // Numbered 1, 2, 3 across the rounds (before: 1, 3, 3, the count read while the list grew).
        Assert.Equal([1, 2, 3], combined.Elected.Select(e => e.Rank).ToList());
        Assert.Equal((0, false, 2), (combined.Vacant, combined.Pending, combined.Rounds.Count));
    }

    private static Task<ElectionProjectorState> ProjectorAsync(HttpClient display) =>
        ElectionsHall.OkAsync<ElectionProjectorState>(display.GetAsync(new Uri("/api/elections/projector", UriKind.Relative)));

    private static async Task<AnnouncedResult> NextAsync(List<AnnouncedResult> messages, SemaphoreSlim received)
    {
        Assert.True(await received.WaitAsync(TimeSpan.FromSeconds(30)), "The projector did not receive the results.");
        lock (messages) return messages[^1];
    }

    private static Task CastAllAsync(List<SeatedDelegate> seated, Guid roundId, List<string> struck) =>
        Parallel.ForEachAsync(seated, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (d, _) =>
            await ElectionsHall.OkAsync<CastReceipt>(ElectionsHall.CastAsync(d.Tablet, roundId, ElectionsHall.NewKey(), struck)));
}
