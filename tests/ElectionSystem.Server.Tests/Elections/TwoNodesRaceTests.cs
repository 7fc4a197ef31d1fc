using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ElectionSystem.Server.Features.Elections;
using ElectionSystem.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Tests.Elections;

/// <summary>
/// Issue 15, the database's part of "two app nodes": exactly-once and one ballot per delegate are
/// kept by the database's constraints, not by one process's writer or cache. Two app instances on the
/// same database and data folder (the same keys) each take half of 20 concurrent sends of one
/// delegate's ballot; one ballot is stored and every answer carries its receipt. Runs on whichever
/// provider the suite runs on (ELECTION_TEST_DB): on PostgreSQL it is two writers racing for real.
/// </summary>
public sealed class TwoNodesRaceTests(ElectionsHall hall) : IClassFixture<ElectionsHall>
{
    private sealed class SecondNode(HallFactory first) : HallFactory(first);

    [Fact]
    public async Task Twenty_sends_of_one_ballot_half_to_each_node_store_one_ballot_and_answer_one_receipt()
    {
        await using var second = new SecondNode(hall);
        var key = ElectionsHall.NewKey();
        var (round, answers) = await TwentySendsHalfToEachNodeAsync(second, _ => (key, ["c1"]));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var receipts = await Task.WhenAll(answers.Select(a => a.Content.ReadFromJsonAsync<CastReceipt>()));
        Assert.Single(receipts.Select(r => r!.Receipt).Distinct());
        Assert.Single(receipts, r => !r!.AlreadyRecorded);
        var stored = await hall.DbAsync(async db => (
            await db.Set<StoredBallot>().CountAsync(b => b.RoundId == round.Id),
            await db.Set<Participation>().CountAsync(p => p.RoundId == round.Id),
            await db.Set<Receipt>().CountAsync(r => r.RoundId == round.Id)));
        Assert.Equal((1, 1, 1), stored);
        Assert.Equal(1, (await hall.CountAndAnnounceAsync(round.Id)).Result.Collected);
    }

    [Fact]
    public async Task Rival_ballots_of_one_delegate_on_two_nodes_store_one_and_refuse_the_rest()
    {
        await using var second = new SecondNode(hall);
        // Twenty different ballots (keys) of the same delegate, half to each node.
        var (round, answers) = await TwentySendsHalfToEachNodeAsync(second, i => (ElectionsHall.NewKey(), [i % 3 == 0 ? "c1" : "c2"]));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        var stored = await hall.DbAsync(async db => (
            await db.Set<StoredBallot>().CountAsync(b => b.RoundId == round.Id),
            await db.Set<Participation>().CountAsync(p => p.RoundId == round.Id)));
        Assert.Equal((1, 1), stored);
        Assert.Equal(1, (await hall.CountAndAnnounceAsync(round.Id)).Result.Collected);
    }

    /// <summary>
    /// One seated delegate and an open round; twenty sends of <paramref name="ballot"/>(i) released
    /// together, the even ones from the delegate's tablet on this node, the odd ones with the same
    /// token on <paramref name="second"/>.
    /// </summary>
    private async Task<(RoundSummaryDto Round, HttpResponseMessage[] Answers)> TwentySendsHalfToEachNodeAsync(
        SecondNode second, Func<int, (string Key, string[] Struck)> ballot)
    {
        var seated = (await hall.SeatAsync(1))[0];
        var e = await hall.ElectionAsync(ElectionKinds.Other, "Bầu thử hai máy chủ " + hall.Unique(""), 2,
            ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"]);
        var round = await hall.OpenNextRoundAsync(e.Id);
        var onSecond = second.CreateClient();
        onSecond.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", seated.Token);

        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sends = Enumerable.Range(0, 20).Select(async i =>
        {
            await go.Task;
            var (key, struck) = ballot(i);
            return await ElectionsHall.CastAsync(i % 2 == 0 ? seated.Tablet : onSecond, round.Id, key, struck);
        }).ToList();
        go.SetResult();
        return (round, await Task.WhenAll(sends));
    }
}
