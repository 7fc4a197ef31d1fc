using ElectionSystem.Board;

namespace ElectionSystem.Board.Tests;

/// <summary>Honest boards verify, and the verifier's result is the Domain's count of the ballots the test chose.</summary>
public class VerifyBoardTests
{
    private static BoardVerification Verify(ElectionBoard board) => BoardVerifier.VerifyJson(BoardWriter.ToJson(board));

    [Fact]
    public void A_surplus_list_with_valid_and_invalid_ballots_verifies_to_the_domains_count_of_the_chosen_ballots()
    {
        var s = Boards.Surplus;
        var v = Verify(s.Board);
        Assert.Null(v.Failure);
        Assert.Equal(s.ExpectedResult(), v.ResultJson);
        Assert.Equal(s.ExpectedResult(), s.Board.Result);
        // the chosen ballots hold both kinds of invalid ballot, so the decoding of the options is exercised
        Assert.Contains("\"over-seats\": 2", v.ResultJson, StringComparison.Ordinal);
        Assert.Contains("\"all-struck\": 2", v.ResultJson, StringComparison.Ordinal);
        Assert.Equal([1, 3, 5], v.Summary!.Trustees);
        Assert.Equal(24, v.Summary.TabletBallots);
    }

    [Fact]
    public void A_one_candidate_list_verifies_to_the_domains_count_of_the_chosen_ballots()
    {
        var s = Boards.OneCandidate;
        var v = Verify(s.Board);
        Assert.Null(v.Failure);
        Assert.Equal(s.ExpectedResult(), v.ResultJson);
        Assert.Contains("\"no-choice\": 2", v.ResultJson, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mixed_round_adds_the_paper_totals_and_verifies_to_the_domains_count_of_tablet_and_paper_ballots()
    {
        var s = Boards.Mixed;
        var v = Verify(s.Board);
        Assert.Null(v.Failure);
        Assert.Equal(s.ExpectedResult(), v.ResultJson);
        Assert.Equal(6, v.Summary!.PaperBallots);
        Assert.Contains("\"collected\": 30", v.ResultJson, StringComparison.Ordinal);
        Assert.Equal([1, 2, 3, 4], v.Summary.Trustees);
    }

    [Fact]
    public void The_json_form_reads_back_to_the_same_board()
    {
        var json = BoardWriter.ToJson(Boards.Mixed.Board);
        Assert.Equal(json, BoardWriter.ToJson(BoardReader.Read(json)));
    }

    [Fact]
    public void The_chain_starts_from_the_rounds_genesis_and_ends_in_the_last_entry()
    {
        var board = Boards.Surplus.Board;
        var chain = BoardChain.Genesis(board.Round.Context);
        foreach (var entry in board.Ballots)
            chain = BoardChain.Next(chain, entry.Tracker);
        Assert.Equal(board.Ballots[^1].Chain, chain);
        Assert.NotEqual(BoardChain.Genesis(["congress-1", "election-7", "round-2"]), BoardChain.Genesis(board.Round.Context));
    }

    [Fact]
    public void Voters_are_listed_sorted_by_code()
    {
        var voters = Boards.Surplus.Board.Voters;
        Assert.Equal(voters.Order(StringComparer.Ordinal), voters);
        Assert.Equal(24, voters.Count);
    }
}
