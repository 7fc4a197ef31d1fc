using System.Net.Http.Json;
using ElectionSystem.Domain.Elections;
using ElectionSystem.Domain.Records;
using ElectionSystem.Server.Features.Elections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ElectionSystem.Server.Tests.Elections;

/// <summary>The hall with the Domain's count watched: every count a round gets goes through this counter.</summary>
public sealed class CountingHall : ElectionsHall
{
    public CountingCounter Counter { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<IBallotCounter>(Counter));
    }
}

public sealed class CountingCounter : IBallotCounter
{
    private int _counts;

    public int Counts => Volatile.Read(ref _counts);

    public ElectionResult Count(ElectionRecord record)
    {
        Interlocked.Increment(ref _counts);
        return record.Count();
    }

    public ElectionResult Count(ElectionRecord record, Tally decrypted)
    {
        Interlocked.Increment(ref _counts);
        return new DomainBallotCounter().Count(record, decrypted);
    }
}

/// <summary>
/// A round is counted once, at its close: confirmation, announcement, results, minutes (page and
/// .docx), the record's export, the committee's view, the projector and what comes next all read
/// the stored count.
/// </summary>
public class CountOnceTests(CountingHall hall) : IClassFixture<CountingHall>
{
    [Fact]
    public async Task A_round_is_counted_once_from_close_to_the_next_step()
    {
        var seated = await hall.SeatAsync(6);
        var e = await hall.ElectionAsync(ElectionKinds.ExecutiveCommittee, hall.Unique("Bầu một lần đếm "), 2, ["Lê Văn A", "Trần Thị B", "Phạm Văn C"]);
        var round = await hall.OpenNextRoundAsync(e.Id);
        foreach (var d in seated)
        {
            await ElectionsHall.OkAsync<CastReceipt>(ElectionsHall.CastAsync(d.Tablet, round.Id, ElectionsHall.NewKey(), ["c3"]));
        }
        var before = hall.Counter.Counts;

        var announced = await hall.CountAndAnnounceAsync(round.Id);

        var committee = await hall.CounterAsync();
        var presidium = await hall.PresidiumAsync();
        await ElectionsHall.OkAsync<CommitteeRoundDto>(committee.GetAsync($"/api/committee/rounds/{round.Id}"));
        await ElectionsHall.OkAsync<RoundResultDto>(seated[0].Tablet.GetAsync($"/api/elections/rounds/{round.Id}/results"));
        await ElectionsHall.OkAsync<ElectionProjectorState>(presidium.GetAsync("/api/elections/projector"));
        var next = await ElectionsHall.OkAsync<NextStepDto>(presidium.GetAsync($"/api/elections/{e.Id}/next-step"));
        Assert.True((await committee.GetAsync($"/minutes/{round.Id}")).IsSuccessStatusCode);
        Assert.True((await committee.GetAsync($"/api/minutes/rounds/{round.Id}.docx")).IsSuccessStatusCode);
        var record = await committee.GetStringAsync($"/api/committee/rounds/{round.Id}/record.json");

        Assert.Equal(1, hall.Counter.Counts - before);
        // What was read is what the Domain counts from the exported record.
        var recount = ElectionRecordReader.Read(record).Record!.Count();
        Assert.Equal(recount.Elected, announced.Result.Elected.Select(x => x.Id));
        Assert.Equal(["c1", "c2"], announced.Result.Elected.Select(x => x.Id).Order());
        Assert.Equal("none", next.Step);
    }
}
