using ElectionSystem.Domain.Records;
using ElectionSystem.Server.Features.Elections;
using ElectionSystem.Server.Tests.Infrastructure;
using Npgsql;

namespace ElectionSystem.Server.Tests.Elections;

/// <summary>A hall on PostgreSQL whatever ELECTION_TEST_DB says (the throw-away cluster).</summary>
public sealed class PostgresElectionsHall : ElectionsHall
{
    protected override bool OnPostgres => true;
}

/// <summary>
/// ARCHITECTURE.md invariant 1 on PostgreSQL (ADR 0011), the counterpart of SecrecyTests (which
/// reads the SQLite file): after a round closes, neither the heap's physical order (ctid) nor the
/// inserting transaction (xmin) links a ballot to its casting order or to a participation, and the
/// three tables have random keys only — no sequence, identity or timestamp. Always on PostgreSQL.
/// </summary>
[Trait(TestDatabase.Category, "Postgres")]
public class PostgresSecrecyTests(PostgresElectionsHall hall) : IClassFixture<PostgresElectionsHall>
{
    [Fact]
    public async Task After_the_close_no_heap_order_or_transaction_id_links_a_ballot_to_its_cast_or_its_delegate()
    {
        const int n = 120;
        var seated = await hall.SeatAsync(n);
        var names = Enumerable.Range(1, 8).Select(i => $"Ứng viên Số {i:00}").ToArray();
        var e = await hall.ElectionAsync(ElectionKinds.Other, "Bầu thử bí mật", 6, names);
        var round = await hall.OpenNextRoundAsync(e.Id);
        var castOrderOf = new Dictionary<string, int>();
        for (var i = 0; i < n; i++)
        {
            // One at a time: each ballot its own transaction, the worst case for write order.
            var struck = Enumerable.Range(0, 8).Where(b => ((i + 1) >> b & 1) == 1).Select(b => "c" + (b + 1)).ToList();
            var accept = struck.Count < 2 ? "over-seats" : null;
            await ElectionsHall.OkAsync<CastReceipt>(ElectionsHall.CastAsync(seated[i].Tablet, round.Id, ElectionsHall.NewKey(), struck, acceptInvalid: accept));
            castOrderOf[BallotJson.ToJson(new Domain.Elections.BallotContent.Struck(struck))] = i;
        }
        await hall.CountAndAnnounceAsync(round.Id);

        await using var db = new NpgsqlConnection(PostgresCluster.Instance.ConnectionString(hall.PostgresDatabase!) + ";Pooling=false");
        await db.OpenAsync();
        var ballots = await RowsAsync(db, """SELECT "Content", xmin::text FROM "Ballots" WHERE "RoundId" = @r ORDER BY ctid""", round.Id);
        var order = ballots.Select(b => castOrderOf[b[0]]).ToList();
        Assert.Equal(n, order.Count);
        var rho = StoredOrder.Spearman(order);
        Assert.True(Math.Abs(rho) < 0.25, $"Heap order follows casting order: Spearman rho = {rho:F3}");

        // One writing transaction for all of a table's rows, and none shared between the tables.
        var participations = await RowsAsync(db, """SELECT "DelegateId"::text, xmin::text FROM "Participations" WHERE "RoundId" = @r ORDER BY ctid""", round.Id);
        var receipts = await RowsAsync(db, """SELECT "Code", xmin::text FROM "Receipts" WHERE "RoundId" = @r ORDER BY ctid""", round.Id);
        Assert.Single(ballots.Select(b => b[1]).Distinct());
        Assert.Single(participations.Select(p => p[1]).Distinct());
        Assert.Single(receipts.Select(r => r[1]).Distinct());
        Assert.Equal(3, new[] { ballots[0][1], participations[0][1], receipts[0][1] }.Distinct().Count());
        // The participations' heap order does not follow the casting order either (the seating order is the casting order).
        var seatOf = seated.Select((s, i) => (s.Delegate.Id.ToString(), i)).ToDictionary(x => x.Item1, x => x.i);
        Assert.True(Math.Abs(StoredOrder.Spearman(participations.Select(p => seatOf[p[0]]).ToList())) < 0.25);

        // Only the designed columns; no default (sequence, now()), no identity, no time column.
        var columns = await RowsAsync(db, """
            SELECT table_name || '.' || column_name, coalesce(column_default, '') || is_identity || data_type
            FROM information_schema.columns WHERE table_name IN ('Ballots', 'Participations', 'Receipts') AND @r IS NOT NULL
            ORDER BY table_name, ordinal_position
            """, round.Id);
        Assert.Equal(["Ballots.Id", "Ballots.RoundId", "Ballots.Source", "Ballots.Content", "Participations.RoundId",
            "Participations.DelegateId", "Participations.KeyHash", "Receipts.RoundId", "Receipts.Code", "Receipts.Nonce"], columns.Select(c => c[0]));
        Assert.All(columns, c => Assert.DoesNotMatch("nextval|now|timestamp|YES", c[1]));
    }

    private static async Task<List<string[]>> RowsAsync(NpgsqlConnection db, string sql, Guid round)
    {
        await using var command = new NpgsqlCommand(sql, db);
        command.Parameters.AddWithValue("r", round);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
        }
        return rows;
    }
}
