using ElectionSystem.Domain.Congress;
using ElectionSystem.Domain.Elections;

namespace ElectionSystem.Domain.Tests;

/// <summary>Short ways to write rounds and ballots in tests.</summary>
internal static class Build
{
    private static int _next;

    /// <summary>Candidates c1..cN with distinct names (ballot order: An, Bình, Cường, ...).</summary>
    public static IReadOnlyList<Candidate> Candidates(int n) =>
        Enumerable.Range(1, n).Select(i => new Candidate($"c{i}", $"Nguyễn Văn {GivenNames[(i - 1) % GivenNames.Length]}{(i > GivenNames.Length ? $" {i}" : "")}")).ToList();

    public static readonly string[] GivenNames = ["An", "Bình", "Cường", "Dũng", "Đức", "Giang", "Hà", "Khánh", "Lan", "Minh", "Nam", "Phúc"];

    public static ElectionRound Round(int seats, int candidates, int @base = 100, ElectionKind kind = ElectionKind.ExecutiveCommittee, ElectionRules? rules = null) =>
        new(kind, seats, new CongressBase(@base, 0, 0), issued: @base, Candidates(candidates), rules);

    public static ElectionRound Poll(int nominees, int present, int @base = 300) =>
        new(ElectionKind.NominationPoll, 0, new CongressBase(@base, 0, 0), present, Candidates(nominees), null, present);

    public static Ballot Struck(params string[] ids) => new($"b{Interlocked.Increment(ref _next)}", BallotSource.Tablet, new BallotContent.Struck(ids));

    public static Ballot Marks(params (string Id, Mark Mark)[] marks) =>
        new($"b{Interlocked.Increment(ref _next)}", BallotSource.Tablet, new BallotContent.Marks(marks.ToDictionary(m => m.Id, m => m.Mark)));

    public static Ballot Agree(params string[] ids) => Marks(ids.Select(id => (id, Mark.Agree)).ToArray());

    public static Ballot Invalid(InvalidReason reason) => new($"b{Interlocked.Increment(ref _next)}", BallotSource.Paper, new BallotContent.PaperInvalid(reason));

    public static IEnumerable<Ballot> Times(this Ballot ballot, int n) =>
        Enumerable.Range(0, n).Select(_ => ballot with { Id = $"b{Interlocked.Increment(ref _next)}" });

    public static int Votes(this ElectionResult result, string id) => result.Candidates.Single(c => c.Id == id).Votes;
}
