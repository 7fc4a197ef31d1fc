using ElectionSystem.Domain.Records;
using ElectionSystem.Server.Features.Elections;
using Microsoft.Data.Sqlite;
using ElectionSystem.Server.Tests.Infrastructure;

namespace ElectionSystem.Server.Tests.Elections;

/// <summary>
/// ARCHITECTURE.md invariant 1 (ADR 0001): after a round of 300 ballots, every table and the
/// audit log are read raw, and nothing links a delegate to a ballot's content; the stored order of
/// ballots does not follow the casting order.
/// </summary>
// SQLite file test (ADR 0011); on PostgreSQL: PostgresSecrecyTests.
[Trait(TestDatabase.Category, TestDatabase.SqliteFile)]
public class SecrecyTests(ElectionsHall hall) : IClassFixture<ElectionsHall>
{
    [Fact]
    public async Task Nothing_stored_links_a_delegate_to_a_ballot_and_the_stored_order_is_not_the_casting_order()
    {
        const int n = 300;
        var seated = await hall.SeatAsync(n);
        var names = Enumerable.Range(1, 11).Select(i => $"Ứng viên Số {i:00}").ToArray();
        var e = await hall.ElectionAsync(ElectionKinds.Other, "Bầu thử bí mật", 9, names);
        var round = await hall.OpenNextRoundAsync(e.Id);

        // Ballot i strikes the names of the bits of i+1: every ballot is different, so a stored
        // row tells which cast it was — exactly what the order must not reveal.
        var castOrderOf = new Dictionary<string, int>();
        var receipts = new List<string>();
        for (var i = 0; i < n; i++)
        {
            var struck = Enumerable.Range(0, 11).Where(b => ((i + 1) >> b & 1) == 1).Select(b => "c" + (b + 1)).ToList();
            var accept = struck.Count < 2 ? "over-seats" : null;
            var r = await ElectionsHall.OkAsync<CastReceipt>(ElectionsHall.CastAsync(seated[i].Tablet, round.Id, ElectionsHall.NewKey(), struck, acceptInvalid: accept));
            receipts.Add(r.Receipt);
            castOrderOf[BallotJson.ToJson(new Domain.Elections.BallotContent.Struck(struck))] = i;
        }
        await hall.CountAndAnnounceAsync(round.Id);

        await using var db = new SqliteConnection($"Data Source={Path.Combine(hall.DataFolder, "election.db")};Mode=ReadOnly");
        await db.OpenAsync();

        // Physical order of the table, as anyone with the file would read it.
        var stored = await Rows(db, "SELECT * FROM Ballots");
        var ballotIds = stored.Select(r => r["Id"]!).ToList();
        var order = stored.Where(r => r["RoundId"] == round.Id.ToString().ToUpperInvariant()).Select(r => castOrderOf[r["Content"]!]).ToList();
        Assert.Equal(n, order.Count);
        var rho = StoredOrder.Spearman(order);
        Assert.True(Math.Abs(rho) < 0.25, $"Stored order follows casting order: Spearman rho = {rho:F3}");

        // The exported record's order does not follow it either.
        var counter = await hall.CounterAsync();
        var record = ElectionRecordReader.Read(await counter.GetStringAsync($"/api/committee/rounds/{round.Id}/record.json")).Record!;
        var recordOrder = record.Ballots.Select(b => castOrderOf[BallotJson.ToJson(b.Content)]).ToList();
        Assert.True(Math.Abs(StoredOrder.Spearman(recordOrder)) < 0.25);

        // No hidden rowid to sort by.
        await Assert.ThrowsAsync<SqliteException>(() => Rows(db, "SELECT rowid FROM Ballots"));
        await Assert.ThrowsAsync<SqliteException>(() => Rows(db, "SELECT rowid FROM Receipts"));

        // The ballot, participation and receipt tables carry only what the design says.
        Assert.Equal(["Id", "RoundId", "Source", "Content"], await Columns(db, "Ballots"));
        Assert.Equal(["RoundId", "DelegateId", "KeyHash"], await Columns(db, "Participations"));
        Assert.Equal(["RoundId", "Code", "Nonce"], await Columns(db, "Receipts"));

        // Every table, every cell: a ballot id or a receipt appears only in its own table; a
        // delegate's id or name never appears in a table that holds ballot ids or receipts.
        var delegateIds = seated.Select(s => s.Delegate.Id.ToString().ToUpperInvariant()).ToHashSet();
        var receiptSet = receipts.ToHashSet();
        var ballotSet = ballotIds.ToHashSet();
        var tables = (await Rows(db, "SELECT name FROM sqlite_master WHERE type = 'table'")).Select(r => r["name"]!).ToList();
        Assert.Contains("AuditEntries", tables);
        foreach (var table in tables)
        {
            foreach (var row in await Rows(db, $"SELECT * FROM \"{table}\""))
            {
                var text = string.Join("\u0001", row.Values);
                // The round row keeps the exported record (ballot ids and contents, no voters).
                if (table is not ("Ballots" or "ElectionRounds")) Assert.DoesNotContain(ballotSet, id => text.Contains(id, StringComparison.OrdinalIgnoreCase));
                if (table != "Receipts") Assert.DoesNotContain(receiptSet, code => text.Contains(code, StringComparison.Ordinal));
                if (table is "Ballots" or "Receipts" or "ElectionRounds")
                {
                    Assert.DoesNotContain(delegateIds, id => text.Contains(id, StringComparison.OrdinalIgnoreCase));
                }
                if (table == "AuditEntries")
                {
                    Assert.DoesNotContain("struck", text, StringComparison.Ordinal);
                    Assert.DoesNotContain("marks", text, StringComparison.Ordinal);
                }
            }
        }
    }

    private static async Task<List<string>> Columns(SqliteConnection db, string table) =>
        (await Rows(db, $"SELECT name FROM pragma_table_info('{table}')")).Select(r => r["name"]!).ToList();

    private static async Task<List<Dictionary<string, string?>>> Rows(SqliteConnection db, string sql)
    {
        await using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<Dictionary<string, string?>>();
        while (await reader.ReadAsync())
        {
            var row = new Dictionary<string, string?>();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i) is byte[] bytes ? Convert.ToHexString(bytes) : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
            }
            rows.Add(row);
        }
        return rows;
    }
}
