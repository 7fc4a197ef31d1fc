using BenchmarkDotNet.Attributes;
using ElectionSystem.Domain.Congress;
using ElectionSystem.Domain.Elections;
using ElectionSystem.Domain.Names;
using ElectionSystem.Domain.Records;

/// <summary>
/// The sizes of a large congress: 1,600 ballots over a list of 200 for 45 seats, and a ballot
/// order of 1,600 names. The count must stay far under 50 ms so announcing is instant.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class CountBenchmarks
{
    private ElectionRound _round = null!;
    private List<Ballot> _ballots = null!;
    private List<string> _names = null!;
    private string _recordJson = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(2025);
        _names = Enumerable.Range(0, 1600).Select(_ => Names.Random(random)).ToList();
        var candidates = Enumerable.Range(1, 200).Select(i => new Candidate($"c{i}", _names[i])).ToList();
        _round = new ElectionRound(ElectionKind.ExecutiveCommittee, 45, new CongressBase(1600, 0, 0), 1600, candidates);
        // Each voter keeps 40–45 names (a few keep too many or strike all: invalid ballots).
        _ballots = Enumerable.Range(0, 1600).Select(b =>
        {
            var keep = b % 100 == 0 ? 46 : b % 150 == 1 ? 0 : random.Next(40, 46);
            var struck = candidates.Select(c => c.Id).OrderBy(_ => random.Next()).Skip(keep).ToList();
            return new Ballot($"b{b:x4}", BallotSource.Tablet, new BallotContent.Struck(struck));
        }).ToList();
        var record = new ElectionRecord(
            new RecordCongress("Đại hội", 1600, 0, 0),
            new RecordElection(ElectionKind.ExecutiveCommittee, "Bầu Ban Chấp hành", 1, 45, 1600),
            ElectionRules.Default, candidates, _ballots);
        _recordJson = ElectionRecordWriter.ToJson(record);
    }

    [Benchmark(Description = "Tally + who is elected: 1,600 ballots, 200 candidates, 45 seats")]
    public ElectionResult Tally() => _round.Count(_ballots);

    [Benchmark(Description = "Vietnamese ballot order of 1,600 names")]
    public IReadOnlyList<string> SortNames() => BallotOrder.Sort(_names, n => n, _ => null);

    [Benchmark(Description = "Recount: read election-record/1 JSON + count + write result")]
    public string Recount() => ElectionResultWriter.ToJson(ElectionRecordReader.Read(_recordJson).Record!.Count());
}

internal static class Names
{
    private static readonly string[] Families = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"];
    private static readonly string[] Middles = ["Văn", "Thị", "Minh", "Quốc", "Thu", "Đức", "Ngọc", "Thanh", "Hữu", "Xuân"];
    private static readonly string[] Given = ["An", "Ân", "Ánh", "Bình", "Cường", "Dũng", "Đức", "Giang", "Hà", "Hải", "Hạnh", "Hùng", "Khánh", "Lan", "Linh", "Mai", "Minh", "Nam", "Ngọc", "Oanh", "Phúc", "Phương", "Quân", "Sơn", "Tâm", "Thảo", "Trung", "Tú", "Tư", "Uyên", "Việt", "Yến"];

    public static string Random(Random r) => $"{Families[r.Next(Families.Length)]} {Middles[r.Next(Middles.Length)]} {Given[r.Next(Given.Length)]}";
}
