using ElectionSystem.Domain.Elections;
using ElectionSystem.Domain.Records;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ElectionSystem.Domain.Tests;

/// <summary>
/// A counted round is stored as <c>election-result/1</c> and read back instead of being counted again:
/// what is read must be the count itself, field for field, in every kind of round.
/// </summary>
public class StoredResultTests
{
    [Property(MaxTest = 200)]
    public Property Reading_a_stored_result_gives_back_the_count() =>
        Prop.ForAll(Generators.Scenarios().ToArbitrary(), s => Same(s.Round.Count(s.Ballots), Roundtrip(s.Round, s.Ballots)));

    [Property(MaxTest = 100)]
    public Property Reading_a_stored_poll_result_gives_back_the_count() =>
        Prop.ForAll(Generators.Polls().ToArbitrary(), s => Same(s.Round.Count(s.Ballots), Roundtrip(s.Round, s.Ballots)));

    [Theory]
    [InlineData("one-candidate.record.json")]
    [InlineData("small-executive-committee.record.json")]
    public void Reading_the_worked_example_result_gives_its_count(string name)
    {
        var record = ElectionRecordReader.Read(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Examples", name))).Record!;
        var stored = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Examples", name.Replace(".record.", ".result.", StringComparison.Ordinal)));
        Assert.True(Same(record.Count(), ElectionResultReader.Read(stored, record.ToRound())));
    }

    [Fact]
    public void A_result_naming_someone_off_the_list_is_refused()
    {
        var record = ElectionRecordReader.Read(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Examples", "one-candidate.record.json"))).Record!;
        var json = ElectionResultWriter.ToJson(record.Count()).Replace($"\"{record.Candidates[0].Id}\"", "\"nobody\"", StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => ElectionResultReader.Read(json, record.ToRound()));
    }

    private static ElectionResult Roundtrip(ElectionRound round, IReadOnlyList<Ballot> ballots) =>
        ElectionResultReader.Read(ElectionResultWriter.ToJson(round.Count(ballots)), round);

    private static bool Same(ElectionResult a, ElectionResult b) =>
        a.Base == b.Base && a.Issued == b.Issued && a.Collected == b.Collected && a.Valid == b.Valid && a.Vacant == b.Vacant
        && a.Invalid.Count == b.Invalid.Count && a.Invalid.All(p => b.Invalid.TryGetValue(p.Key, out var n) && n == p.Value)
        && a.Candidates.SequenceEqual(b.Candidates)
        && a.Elected.SequenceEqual(b.Elected)
        && (a.Tie is null ? b.Tie is null : b.Tie is not null && a.Tie.Seats == b.Tie.Seats && a.Tie.Candidates.SequenceEqual(b.Tie.Candidates));
}
