using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ElectionSystem.Domain.Elections;
using ElectionSystem.Domain.Records;
using ElectionSystem.Server.Features.Elections;
using ElectionSystem.Server.Features.PaperEntry;
using ElectionSystem.Server.Tests.Elections;
using Xunit.Abstractions;

namespace ElectionSystem.Server.Tests.PaperEntry;

/// <summary>
/// Issue 6's acceptance test: 300 paper ballots of a 50-candidate list (45 seats), entered over
/// HTTP by three simulated operators in bundles of 50 with typos injected at known positions.
/// Every typo is caught as a disagreement and nothing else is; nothing counts until the committee
/// rules; the final result is the Domain's count of the true ballots, and the export recounts to it.
/// </summary>
public sealed class TripleEntryTests(PaperHall hall, ITestOutputHelper output) : IClassFixture<PaperHall>
{
    private const int Ballots = 300;
    private const int Candidates = 50;
    private const int Seats = 45;
    private const int BundleSize = 50;

    private static readonly string[] Family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ"];
    private static readonly string[] Middle = ["Văn", "Thị", "Đức", "Minh", "Thanh"];
    private static readonly string[] Given = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hùng", "Khánh", "Lan", "Linh", "Mai", "Nam", "Oanh", "Phong", "Quân", "Sơn", "Tâm", "Thảo", "Uyên", "Việt", "Xuân", "Yến", "Ánh", "Đạt"];

    private sealed record Typo(int Ballot, int[] Stations, string Kind);

    [Fact]
    public async Task Three_hundred_ballots_by_three_operators_every_typo_is_a_disagreement_and_the_result_is_the_true_one()
    {
        await hall.RegisterAsync(Ballots);
        var names = Enumerable.Range(0, Candidates).Select(i => $"{Family[i % Family.Length]} {Middle[i / 10 % Middle.Length]} {Given[(i * 7) % Given.Length]} {Given[i % 25]}")
            .Distinct().ToList();
        Assert.Equal(Candidates, names.Count);
        var election = await hall.ElectionAsync(ElectionKinds.ExecutiveCommittee, "Bầu Ban Chấp hành Đảng bộ tỉnh khóa XVII, nhiệm kỳ 2025 – 2030", Seats, names);
        var round = await hall.OpenNextRoundAsync(election.Id);
        var counter = await hall.CounterAsync();
        var second = await hall.SecondCounterAsync();
        await ElectionsHall.OkAsync<PaperStatusDto>(counter.PostAsJsonAsync($"/api/paper/rounds/{round.Id}/open",
            new OpenPaperRequest(Ballots, PaperOnly: true, Bundles: Ballots / BundleSize, BundleSize: BundleSize)));

        HttpClient[] ops = [await hall.OperatorAsync(), await hall.OperatorAsync(), await hall.OperatorAsync()];
        // The box is opened after the vote: no entry while the round is open.
        await PaperHall.ProblemAsync(PaperHall.StartAsync(ops[0], round.Id, 1, 1), 409);
        await ElectionsHall.OkAsync<CommitteeRoundDto>(counter.PostAsync($"/api/committee/rounds/{round.Id}/close", null));

        var stt = await PaperHall.SttToIdAsync(ops[0], round.Id, election);

        // The true ballots: mostly five names struck (valid), some over seats, a few all struck, some invalid on paper.
        var random = new Random(6);
        var truth = new List<string>();
        for (var i = 0; i < Ballots; i++)
        {
            var roll = random.NextDouble();
            if (roll < 0.04) truth.Add(new[] { "/t", "/d", "/k" }[random.Next(3)]);
            else if (roll < 0.06) truth.Add(string.Join(' ', Enumerable.Range(1, Candidates)));
            else if (roll < 0.10) truth.Add(random.Next(3) == 0 ? "0" : Numbers(random, random.Next(1, 5)));
            else truth.Add(Numbers(random, 5 + (random.Next(4) == 0 ? random.Next(1, 4) : 0)));
        }

        // Typos at known positions, one station at a time, plus one position where two stations make the same typo.
        Typo[] typos =
        [
            new(3, [0], "wrong-number"), new(57, [1], "missing-number"), new(101, [2], "extra-number"), new(149, [0], "wrong-key"),
            new(150, [1], "wrong-number"), new(199, [2], "missing-number"), new(248, [0], "extra-number"), new(299, [1], "wrong-key"),
            new(120, [0, 1], "wrong-number"), new(260, [1, 2], "wrong-key"),
        ];
        string Typed(int ballot, int station)
        {
            var typo = typos.FirstOrDefault(t => t.Ballot == ballot && t.Stations.Contains(station));
            return typo is null ? truth[ballot] : Mistype(truth[ballot], typo.Kind, ballot);
        }

        await Task.WhenAll(Enumerable.Range(0, 3).Select(async station =>
        {
            var op = ops[station];
            for (var bundle = 1; bundle <= Ballots / BundleSize; bundle++)
            {
                await ElectionsHall.OkAsync<MyBundleEntriesDto>(PaperHall.StartAsync(op, round.Id, bundle, station + 1));
                for (var index = 1; index <= BundleSize; index++)
                {
                    var ballot = (bundle - 1) * BundleSize + index - 1;
                    if (station == 2 && index == 7)
                    {
                        // A number not on the ballot is refused at once: a typo caught at the station, never a disagreement.
                        var refused = await PaperHall.ProblemAsync(PaperHall.EnterAsync(op, round.Id, bundle, index, "51"), 400);
                        Assert.Contains("Số 51 không có trên phiếu", refused, StringComparison.Ordinal);
                    }
                    if (station == 1 && index == 10)
                    {
                        // A slip corrected by going back before the bundle is finished is not a disagreement either.
                        await ElectionsHall.OkAsync<EnteredDto>(PaperHall.EnterAsync(op, round.Id, bundle, index, "/d"));
                    }
                    await ElectionsHall.OkAsync<EnteredDto>(PaperHall.EnterAsync(op, round.Id, bundle, index, Typed(ballot, station)));
                }
                await ElectionsHall.OkAsync<MyBundleEntriesDto>(PaperHall.FinishAsync(op, round.Id, bundle));
            }
        }));

        var status = await hall.StatusAsync(round.Id);
        var listed = status.Disagreements.Select(d => (d.Bundle - 1) * BundleSize + d.Index - 1).Order().ToList();
        Assert.Equal(typos.Select(t => t.Ballot).Order().ToList(), listed);
        Assert.Equal(Ballots - typos.Length, status.Agreed);
        Assert.All(status.Disagreements, d => Assert.Equal(3, d.Entries.Select(e => e.Account).Distinct().Count()));
        output.WriteLine($"{typos.Length} typos injected, {status.Disagreements.Count} disagreements listed; blockers: {string.Join(" | ", status.BlockersVi)}");

        // Nothing counts yet: the round cannot be confirmed or completed, and its count holds no paper ballot.
        var refusedConfirm = await PaperHall.ProblemAsync(counter.PostAsync($"/api/committee/rounds/{round.Id}/confirm", null), 409);
        Assert.Contains("Nhập phiếu giấy chưa hoàn tất", refusedConfirm, StringComparison.Ordinal);
        await PaperHall.ProblemAsync(counter.PostAsync($"/api/paper/rounds/{round.Id}/complete", null), 409);
        var before = await ElectionsHall.OkAsync<CommitteeRoundDto>(counter.GetAsync($"/api/committee/rounds/{round.Id}"));
        Assert.Equal(0, before.Result!.Collected);

        // The committee looks at each disputed paper and records what it shows.
        foreach (var d in status.Disagreements)
        {
            var ballot = (d.Bundle - 1) * BundleSize + d.Index - 1;
            await ElectionsHall.OkAsync<PaperStatusDto>(PaperHall.RuleAsync(counter, round.Id, d.Bundle, d.Index, truth[ballot], "Ban Kiểm phiếu xem lại phiếu giấy"));
        }
        await ElectionsHall.OkAsync<PaperStatusDto>(counter.PostAsync($"/api/paper/rounds/{round.Id}/complete", null));

        // The one count equals the Domain's count of the true ballots, and the export recounts to it.
        var record = await counter.GetStringAsync($"/api/committee/rounds/{round.Id}/record.json");
        var exported = ElectionRecordReader.Read(record).Record!;
        Assert.Equal(Ballots, exported.Ballots.Count(b => b.Source == BallotSource.Paper));
        var trueBallots = truth.Select((text, i) => new Ballot("t" + i, BallotSource.Paper, Content(text, stt))).ToList();
        var expected = exported.ToRound().Count(trueBallots);
        Assert.Equal(Ballots, expected.Issued);
        Assert.Equal(Ballots, expected.Collected);
        Assert.True(expected.InvalidTotal > 0 && expected.Valid > 0, "The true ballots mix valid and invalid ones.");
        var expectedJson = JsonNode.Parse(ElectionResultWriter.ToJson(expected));
        Assert.True(JsonNode.DeepEquals(expectedJson, JsonNode.Parse(ElectionResultWriter.ToJson(exported.Count()))), "The stored record counts differently.");
        Assert.True(JsonNode.DeepEquals(expectedJson, JsonNode.Parse(MinutesText.Recount(record).GetRawText())), "The recount tool counts the export differently.");

        await ElectionsHall.OkAsync<CommitteeRoundDto>(counter.PostAsync($"/api/committee/rounds/{round.Id}/confirm", null));
        var confirmed = await ElectionsHall.OkAsync<CommitteeRoundDto>(second.PostAsync($"/api/committee/rounds/{round.Id}/confirm", null));
        Assert.Equal(RoundStates.Confirmed, confirmed.State);
        Assert.Equal(Ballots, confirmed.Issued);
        Assert.Equal(expected.Collected, confirmed.Result!.Collected);
        Assert.Equal(expected.Elected, confirmed.Result.Elected.Select(e => e.Id).ToList());
    }

    private static string Numbers(Random random, int count) =>
        string.Join(' ', Enumerable.Range(1, Candidates).OrderBy(_ => random.Next()).Take(count).Order());

    /// <summary>The typo a tired operator makes; always a different content from the truth.</summary>
    private static string Mistype(string truth, string kind, int ballot)
    {
        if (truth.StartsWith('/') || kind == "wrong-key")
        {
            return truth == "/d" ? "/t" : "/d";
        }
        var numbers = truth == "0" ? [] : truth.Split(' ').Select(int.Parse).ToList();
        var absent = Enumerable.Range(1, Candidates).Where(n => !numbers.Contains(n)).ToList();
        switch (kind)
        {
            case "wrong-number" when numbers.Count > 0 && absent.Count > 0:
                numbers[ballot % numbers.Count] = absent[ballot % absent.Count];
                break;
            case "missing-number" when numbers.Count > 0:
                numbers.RemoveAt(ballot % numbers.Count);
                break;
            default:
                if (absent.Count > 0) numbers.Add(absent[ballot % absent.Count]);
                else numbers.RemoveAt(0);
                break;
        }
        return numbers.Count == 0 ? "0" : string.Join(' ', numbers);
    }

    private static BallotContent Content(string text, Dictionary<int, string> stt) => text switch
    {
        "/t" => new BallotContent.PaperInvalid(InvalidReason.AddedName),
        "/d" => new BallotContent.PaperInvalid(InvalidReason.IdentifyingMark),
        "/k" => new BallotContent.PaperInvalid(InvalidReason.NotIssued),
        "0" => new BallotContent.Struck([]),
        _ => new BallotContent.Struck(text.Split(' ').Select(n => stt[int.Parse(n, System.Globalization.CultureInfo.InvariantCulture)]).ToList()),
    };
}
