using System.Net;
using System.Net.Http.Json;
using ElectionSystem.Server.Features.Elections;
using ElectionSystem.Server.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ElectionSystem.Server.Tests.Elections;

/// <summary>
/// Group commit (BallotWriter, issue 7): ballots arriving together share one transaction, and each
/// one is still acknowledged only when durable, counted exactly once, one per delegate per round.
/// </summary>
public class GroupCommitTests(ElectionsHall hall, ITestOutputHelper output) : IClassFixture<ElectionsHall>
{
    private const int Delegates = 120;

    [Fact]
    public async Task Ballots_sent_all_at_once_with_resends_and_rival_ballots_are_each_durable_when_acknowledged_and_counted_once()
    {
        var seated = await hall.SeatAsync(Delegates);
        var e = await hall.ElectionAsync(ElectionKinds.Other, "Bầu thử ghi nhóm " + hall.Unique(""), 1, ["Nguyễn Văn An", "Trần Thị Bình"]);
        var round = await hall.OpenNextRoundAsync(e.Id);
        var keys = seated.Select(_ => ElectionsHall.NewKey()).ToArray();

        // Every tablet sends its ballot twice at once (a retry racing the original); every fifth also
        // sends a different ballot with another key at the same moment (must never be a second ballot).
        var sends = seated.SelectMany((s, i) => new[]
        {
            (Index: i, Rival: false, Call: ElectionsHall.CastAsync(s.Tablet, round.Id, keys[i], [i % 2 == 0 ? "c1" : "c2"])),
            (Index: i, Rival: false, Call: ElectionsHall.CastAsync(s.Tablet, round.Id, keys[i], [i % 2 == 0 ? "c1" : "c2"])),
        }.Concat(i % 5 == 0 ? [(Index: i, Rival: true, Call: ElectionsHall.CastAsync(s.Tablet, round.Id, ElectionsHall.NewKey(), ["c1"]))] : [])).ToList();
        await Task.WhenAll(sends.Select(s => s.Call));

        // Per delegate: exactly one send recorded a ballot (the winner); every other send with the
        // winner's key got the same receipt as "already recorded"; a send with another key got 409.
        var winners = new Dictionary<int, (string Key, string Receipt)>();
        var answers = new List<(int Index, string Key, HttpStatusCode Status, CastReceipt? Receipt)>();
        foreach (var (index, rival, call) in sends)
        {
            var response = await call;
            var receipt = response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<CastReceipt>() : null;
            var key = rival ? "rival" : keys[index];
            answers.Add((index, key, response.StatusCode, receipt));
            if (receipt is { AlreadyRecorded: false })
            {
                Assert.True(winners.TryAdd(index, (key, receipt.Receipt)), $"delegate {index}: two ballots recorded");
            }
        }
        Assert.Equal(Delegates, winners.Count);
        foreach (var (index, key, status, receipt) in answers)
        {
            if (key == winners[index].Key)
            {
                Assert.Equal(HttpStatusCode.OK, status);
                Assert.Equal(winners[index].Receipt, receipt!.Receipt);
            }
            else
            {
                Assert.Equal(HttpStatusCode.Conflict, status);
            }
        }
        output.WriteLine($"largest batch: {hall.Services.GetRequiredService<BallotWriter>().LargestBatch}");

        // Acknowledged ⇒ in the file: a new connection of its own (not the server's pool) sees every ballot.
        if (hall.PostgresDatabase is { } database)
        {
            // PostgreSQL: the same through a connection of its own, outside the server's pool.
            await using var pg = new Npgsql.NpgsqlConnection(PostgresCluster.Instance.ConnectionString(database) + ";Pooling=false");
            await pg.OpenAsync();
            long PgCount(string table)
            {
                using var command = new Npgsql.NpgsqlCommand($"SELECT COUNT(*) FROM \"{table}\" WHERE \"RoundId\" = @r", pg);
                command.Parameters.AddWithValue("r", round.Id);
                return (long)command.ExecuteScalar()!;
            }
            Assert.Equal((Delegates, Delegates, Delegates), (PgCount("Ballots"), PgCount("Participations"), PgCount("Receipts")));
        }
        else
        {
            var file = new SqliteConnectionStringBuilder { DataSource = Path.Combine(hall.DataFolder, "election.db"), Pooling = false, Mode = SqliteOpenMode.ReadOnly };
            await using (var connection = new SqliteConnection(file.ToString()))
            {
                await connection.OpenAsync();
                long Count(string table)
                {
                    using var command = connection.CreateCommand();
                    command.CommandText = $"SELECT COUNT(*) FROM \"{table}\" WHERE \"RoundId\" = $r";
                    command.Parameters.AddWithValue("$r", round.Id.ToString().ToUpperInvariant());
                    return (long)command.ExecuteScalar()!;
                }
                Assert.Equal((Delegates, Delegates, Delegates), (Count("Ballots"), Count("Participations"), Count("Receipts")));
            }
        }

        var announced = await hall.CountAndAnnounceAsync(round.Id);
        Assert.Equal(Delegates, announced.Result.Collected);
        Assert.Equal(winners.Values.Select(w => w.Receipt).Order(StringComparer.Ordinal), announced.Receipts);
    }

    [Fact]
    public async Task Who_may_vote_is_read_when_the_batch_is_written_and_the_ballot_fetch_knows_who_has_voted()
    {
        var seated = await hall.SeatAsync(6);
        var e = await hall.ElectionAsync(ElectionKinds.Other, "Bầu thử điểm danh " + hall.Unique(""), 1, ["Nguyễn Văn An", "Trần Thị Bình"]);
        var round = await hall.OpenNextRoundAsync(e.Id);
        // Two check-ins are undone after the round opened (and after the tablets signed in).
        var leaving = seated.Take(2).Select(s => s.Delegate.Id).ToHashSet();
        await hall.DbAsync(async db => await db.CheckIns.Where(c => leaving.Contains(c.DelegateId))
            .ExecuteUpdateAsync(x => x.SetProperty(c => c.UndoneAt, DateTime.UtcNow)));

        var keys = seated.Select(_ => ElectionsHall.NewKey()).ToArray();
        var answers = await Task.WhenAll(seated.Select((s, i) => ElectionsHall.CastAsync(s.Tablet, round.Id, keys[i], ["c1"])));
        for (var i = 0; i < seated.Count; i++)
        {
            if (leaving.Contains(seated[i].Delegate.Id))
            {
                Assert.Equal(HttpStatusCode.Forbidden, answers[i].StatusCode);
                Assert.Contains(Features.Attendance.VotingEligibility.NotCheckedIn, await answers[i].Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal(HttpStatusCode.OK, answers[i].StatusCode);
            }
        }

        // The ballot fetch says who has voted (from memory now), and a refused tablet may still vote.
        async Task<bool> VotedAsync(SeatedDelegate s) =>
            (await ElectionsHall.OkAsync<TabletBallotState>(s.Tablet.GetAsync("/api/elections/ballot"))).Ballot!.Voted;
        var voted = await Task.WhenAll(seated.Select(VotedAsync));
        Assert.Equal(new[] { false, false, true, true, true, true }, voted);

        // Checked in again: the refusal was not remembered, the same key now records the ballot.
        await hall.DbAsync(async db => await db.CheckIns.Where(c => c.DelegateId == seated[0].Delegate.Id)
            .ExecuteUpdateAsync(x => x.SetProperty(c => c.UndoneAt, (DateTime?)null)));
        var again = await ElectionsHall.OkAsync<CastReceipt>(ElectionsHall.CastAsync(seated[0].Tablet, round.Id, keys[0], ["c1"]));
        Assert.False(again.AlreadyRecorded);
        Assert.True(await VotedAsync(seated[0]));
        // A resend answered from memory gets the same receipt; another key is refused.
        var resend = await ElectionsHall.OkAsync<CastReceipt>(ElectionsHall.CastAsync(seated[0].Tablet, round.Id, keys[0], ["c1"]));
        Assert.Equal((again.Receipt, true), (resend.Receipt, resend.AlreadyRecorded));
        Assert.Equal(HttpStatusCode.Conflict, (await ElectionsHall.CastAsync(seated[0].Tablet, round.Id, ElectionsHall.NewKey(), ["c2"])).StatusCode);

        var announced = await hall.CountAndAnnounceAsync(round.Id);
        Assert.Equal(5, announced.Result.Collected);
    }
}
