using System.Net;
using System.Text.Json;
using ElectionSystem.Server.Features.Elections;
using ElectionSystem.Server.Tests.Elections;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ElectionSystem.Server.Tests.Infrastructure;

namespace ElectionSystem.Server.Tests.Hardening;

/// <summary>
/// A damaged page under the ballots: the server starts, /health says ok, and before this the
/// close failed with a 500 (or counted what it could read). Now the close runs integrity_check
/// first and refuses with a Vietnamese 503; the round stays open.
/// </summary>
// SQLite file test (ADR 0011); on PostgreSQL: PostgresStorageFailureTests.
[Trait(TestDatabase.Category, TestDatabase.SqliteFile)]
public sealed class DamagedBallotsTests : IAsyncLifetime
{
    private readonly ElectionsHall _hall = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _hall.DisposeAsync();

    [Fact]
    public async Task Closing_a_round_over_a_damaged_ballots_page_is_refused_clearly_and_the_round_stays_open()
    {
        var seated = await _hall.SeatAsync(4);
        var e = await _hall.ElectionAsync(ElectionKinds.ExecutiveCommittee, "Bầu trên tệp hỏng", 1, ["Lê Văn A", "Trần Thị B"]);
        var round = await _hall.OpenNextRoundAsync(e.Id);
        foreach (var d in seated)
        {
            await ElectionsHall.OkAsync<CastReceipt>(ElectionsHall.CastAsync(d.Tablet, round.Id, ElectionsHall.NewKey(), ["c2"]));
        }
        await DamageBallotsRootPageAsync();

        var committee = await _hall.CounterAsync();
        var response = await committee.PostAsync(new Uri($"/api/committee/rounds/{round.Id}/close", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Cơ sở dữ liệu bị hỏng", json.RootElement.GetProperty("title").GetString());
        var detail = json.RootElement.GetProperty("detail").GetString()!;
        Assert.StartsWith("Không đóng được", detail, StringComparison.Ordinal);
        Assert.Contains("vẫn đang mở", detail, StringComparison.Ordinal);
        Assert.Equal(RoundState.Open, await _hall.WithDbAsync(db => db.Set<ElectionRoundRow>().Where(r => r.Id == round.Id).Select(r => r.State).SingleAsync()));
    }

    /// <summary>Moves everything into the main file, closes every connection, then overwrites the Ballots tree's root page.</summary>
    private async Task DamageBallotsRootPageAsync()
    {
        var (root, pageSize) = await _hall.WithDbAsync(async db =>
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
            var rootPage = await db.Database.SqlQueryRaw<long>($"SELECT rootpage AS Value FROM sqlite_master WHERE name = '{ElectionSchema.BallotsTable}'").SingleAsync();
            var size = await db.Database.SqlQueryRaw<long>("SELECT page_size AS Value FROM pragma_page_size").SingleAsync();
            return (rootPage, size);
        });
        SqliteConnection.ClearAllPools();
        var garbage = new byte[pageSize];
        new Random(13).NextBytes(garbage);
        await using var file = new FileStream(Path.Combine(_hall.DataFolder, "election.db"), FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
        file.Seek((root - 1) * pageSize, SeekOrigin.Begin);
        await file.WriteAsync(garbage);
        await file.FlushAsync();
    }
}
