using ElectionSystem.Crypto;

namespace ElectionSystem.Board.Tests;

/// <summary>The one sum and the one combination the server and the verifier share (BoardTally).</summary>
public class BoardTallyTests
{
    private static readonly Scenario Surplus = Boards.Surplus;

    private static IReadOnlyList<EncryptedBallot> Ballots => [.. Surplus.Board.Ballots.Select(b => b.Ballot)];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(1_000)]
    public void Fed_in_chunks_of_any_size_the_running_product_is_each_entrys_product(int chunk)
    {
        var layout = Surplus.Board.Layout;
        var running = new BoardTally.Running(layout.Rows, layout.Options.Count);
        foreach (var part in Ballots.Chunk(chunk))
            running.Add(part);
        var totals = running.Totals();

        Assert.Equal(Ballots.Count, running.Ballots);
        for (var i = 0; i < layout.Rows; i++)
            Assert.Equal(Ciphertext.Sum(Ballots.Select(b => b.Rows[i].Ciphertext)), totals.Rows[i]);
        for (var k = 0; k < layout.Options.Count; k++)
            Assert.Equal(Ciphertext.Sum(Ballots.Select(b => b.Options[k].Ciphertext)), totals.Options[k]);
        Assert.Equal(Surplus.Board.Totals.Rows, totals.Rows);
        Assert.Equal(Surplus.Board.Totals.Options, totals.Options);
    }

    [Fact]
    public void A_ballot_of_another_shape_and_totals_of_nothing_are_refused()
    {
        var layout = Surplus.Board.Layout;
        var running = new BoardTally.Running(layout.Rows + 1, layout.Options.Count);
        Assert.Throws<ArgumentException>(() => running.Add(Ballots));
        Assert.Throws<InvalidOperationException>(() => running.Totals());
    }

    [Fact]
    public void The_trustees_partials_combine_to_each_totals_count_and_to_nothing_below_it()
    {
        var board = Surplus.Board;
        var counts = BoardTally.Counts(board.Totals, board.Decryptions, board.Ballots.Count);
        // every option count adds up to the ballots (one option a ballot), every row count is within them
        var options = counts[board.Layout.Rows..];
        Assert.Equal(board.Ballots.Count, options.Sum());
        Assert.All(counts, c => Assert.InRange(c!.Value, 0, board.Ballots.Count));
        // the rows: as the plaintexts the scenario chose give them (the Domain's encoding, added up)
        var layout = Domain.Elections.BallotLayout.Of(Surplus.Round.ToRound());
        var expectedRows = Enumerable.Range(0, board.Layout.Rows).Select(i => (long?)Surplus.Tablet.Sum(c => layout.Encode(c).Rows[i]));
        Assert.Equal(expectedRows, counts[..board.Layout.Rows]);
        // with a bound below the largest count that entry combines to no count
        var largest = (int)counts.Max()!.Value;
        Assert.Contains(null, BoardTally.Counts(board.Totals, board.Decryptions, largest - 1));
    }
}
