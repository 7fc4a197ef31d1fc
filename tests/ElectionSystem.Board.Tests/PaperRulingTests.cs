using System.Text.RegularExpressions;
using ElectionSystem.Board;
using ElectionSystem.Domain.Elections;

namespace ElectionSystem.Board.Tests;

/// <summary>
/// A mixed round's paper ballots the counting committee ruled invalid (an added name, identifying marks,
/// not issued, other) or that name someone not on the list: the board carries them as counts per reason
/// (<c>paper.invalid</c>), the verifier adds them as the Domain counts them, and a changed count is refused.
/// </summary>
public class PaperRulingTests
{
    private static readonly Scenario S = Boards.MixedRulings;
    private static readonly string Json = BoardWriter.ToJson(S.Board);

    private static string Refused(string json)
    {
        var v = BoardVerifier.VerifyJson(json);
        Assert.False(v.IsValid, "the changed board verified");
        Assert.DoesNotContain('\n', v.Failure!);
        return v.Failure!;
    }

    [Fact]
    public void Rulings_on_paper_are_counted_by_reason_and_the_board_verifies_to_the_domains_count_of_every_ballot()
    {
        Assert.Equal(
            [(InvalidReason.UnknownCandidate, 1), (InvalidReason.NotIssued, 1), (InvalidReason.AddedName, 1), (InvalidReason.IdentifyingMark, 2), (InvalidReason.Other, 1)],
            S.Board.Paper!.Invalid.Select(c => (c.Reason, c.Ballots)));
        Assert.Equal((9, 3), (S.Board.Paper.Ballots, S.Board.Paper.Options.Sum()));
        var v = BoardVerifier.VerifyJson(Json);
        Assert.Null(v.Failure);
        Assert.Equal(S.ExpectedResult(), v.ResultJson);
        Assert.Equal(S.ExpectedResult(), S.Board.Result);
        Assert.Contains("\"added-name\": 1", v.ResultJson, StringComparison.Ordinal);
        Assert.Contains("\"identifying-mark\": 2", v.ResultJson, StringComparison.Ordinal);
        Assert.Contains("\"collected\": 33", v.ResultJson, StringComparison.Ordinal);
        Assert.Equal(9, v.Summary!.PaperBallots);
    }

    [Fact]
    public void The_counts_are_written_in_the_results_order_and_read_back_to_the_same_board()
    {
        Assert.Contains("\"invalid\": [", Json, StringComparison.Ordinal);
        Assert.Matches("\"reason\": \"unknown-candidate\"[^]]*\"not-issued\"[^]]*\"added-name\"[^]]*\"identifying-mark\",\\s*\"ballots\": 2[^]]*\"other\"", Json);
        Assert.Equal(Json, BoardWriter.ToJson(BoardReader.Read(Json)));
        // Without such ballots the field is absent: the board is what it was before.
        Assert.DoesNotContain("\"invalid\": [", BoardWriter.ToJson(Boards.Mixed.Board), StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_ruling_count_with_the_paper_ballots_changed_to_match_is_refused_by_the_count()
    {
        var paper = S.Board.Paper!;
        var changed = paper with
        {
            Ballots = paper.Ballots + 1,
            Invalid = [.. paper.Invalid.Select(c => c.Reason == InvalidReason.AddedName ? c with { Ballots = c.Ballots + 1 } : c)],
        };
        Assert.Equal("result.collected: the board announces 33; the count gives 34", Refused(BoardWriter.ToJson(S.Board with { Paper = changed })));
    }

    [Fact]
    public void A_changed_ruling_count_alone_no_longer_adds_up_to_the_paper_ballots()
    {
        var json = Json.Replace("\"identifying-mark\",\n    \"ballots\": 2", "\"identifying-mark\",\n    \"ballots\": 3", StringComparison.Ordinal);
        Assert.NotEqual(Json, json);
        Assert.Equal("malformed board: paper.ballots: 9 ballots, but the options and the invalid counts add up to 10", Refused(json));
    }

    [Theory]
    [InlineData("\"added-name\"", "\"over-seats\"", "paper.invalid[2].reason: over-seats is an option of the layout: its ballots are counted in paper.options")]
    [InlineData("\"added-name\"", "\"added-names\"", "paper.invalid[2].reason: not one of over-seats, all-struck, no-choice, unknown-candidate, not-issued, added-name, identifying-mark, other")]
    [InlineData("\"added-name\"", "\"identifying-mark\"", "paper.invalid[3].reason: each reason once, in the order of election-result/1 (over-seats, all-struck, no-choice, unknown-candidate, not-issued, added-name, identifying-mark, other)")]
    [InlineData("\"unknown-candidate\"", "\"other\"", "paper.invalid[1].reason: each reason once, in the order of election-result/1 (over-seats, all-struck, no-choice, unknown-candidate, not-issued, added-name, identifying-mark, other)")]
    public void A_reason_that_is_an_option_unknown_or_out_of_order_is_malformed(string word, string replacement, string failure)
    {
        var at = Json.IndexOf("\"reason\": " + word, Json.IndexOf("\"invalid\": [", StringComparison.Ordinal), StringComparison.Ordinal);
        var json = Json[..at] + "\"reason\": " + replacement + Json[(at + "\"reason\": ".Length + word.Length)..];
        Assert.Equal("malformed board: " + failure, Refused(json));
    }

    [Fact]
    public void A_ruling_count_of_zero_is_malformed()
    {
        var json = Regex.Replace(Json, "(\"other\",\\s*\"ballots\": )1", "${1}0");
        Assert.StartsWith("malformed board: paper.invalid[4].ballots: must be at least 1", Refused(json), StringComparison.Ordinal);
    }
}
