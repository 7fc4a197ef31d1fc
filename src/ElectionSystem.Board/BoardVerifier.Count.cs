using ElectionSystem.Crypto;
using ElectionSystem.Domain.Elections;
using ElectionSystem.Domain.Records;

namespace ElectionSystem.Board;

/// <summary>The decryption half of the checks: partial decryptions, combination, the Domain's count and the announced result.</summary>
public static partial class BoardVerifier
{
    /// <summary>Each decryption is from a member, once, with proofs against K_j; at least k of them. Returns the trustees.</summary>
    private static List<int> CheckDecryptions(ElectionBoard board)
    {
        var ceremony = board.Ceremony;
        var members = ceremony.Members.ToDictionary(m => m.Index);
        var seen = new List<int>();
        for (var p = 0; p < board.Decryptions.Count; p++)
        {
            var d = board.Decryptions[p];
            if (!members.TryGetValue(d.Trustee, out var member))
                throw new BoardFailure($"decryptions[{p}]: trustee {d.Trustee} is not a member of the ceremony (members {string.Join(", ", members.Keys.Order())}): a share from outside the ceremony");
            if (seen.Contains(d.Trustee))
                throw new BoardFailure($"decryptions[{p}]: trustee {d.Trustee} ({member.Delegate}) decrypted twice");
            seen.Add(d.Trustee);
            var key = ceremony.VerificationKey(d.Trustee);
            var failure = FirstFailingShare(board, d, key);
            if (failure is not null)
                throw new BoardFailure($"decryptions[{p}]: trustee {d.Trustee} ({member.Delegate}): the partial decryption of {failure} does not verify against K_{d.Trustee} from the commitments");
        }
        if (seen.Count < ceremony.Threshold)
            throw new BoardFailure($"decryptions: {seen.Count} trustee(s) decrypted ({string.Join(", ", seen)}); the ceremony needs {ceremony.Threshold} of {ceremony.Size}");
        return seen;
    }

    private static string? FirstFailingShare(ElectionBoard board, TrusteeDecryption d, Element key)
    {
        var entries = Entries(board).ToList();
        var ok = new bool[entries.Count];
        Parallel.For(0, entries.Count, e =>
        {
            var (kind, index, total, name) = entries[e];
            var partial = kind == "row" ? d.Rows[index] : d.Options[index];
            ok[e] = ThresholdDecryption.Verify(board.Round.DecryptionContext(kind, index, d.Trustee), key, total, partial);
        });
        var first = Array.IndexOf(ok, false);
        return first < 0 ? null : entries[first].Name;
    }

    private static IEnumerable<(string Kind, int Index, Ciphertext Total, string Name)> Entries(ElectionBoard board) =>
        board.Totals.Rows.Select((c, i) => ("row", i, c, $"totals.rows[{i}] ({board.Round.Candidates[i].Id})"))
            .Concat(board.Totals.Options.Select((c, k) => ("option", k, c, $"totals.options[{k}] ({board.Layout.Options[k].Code})")));

    /// <summary>Combines the partial decryptions into counts, adds the paper totals and counts with the Domain.</summary>
    internal static ElectionResult Count(ElectionBoard board, ElectionRound round)
    {
        var bound = board.Ballots.Count;
        var counts = BoardTally.Counts(board.Totals, board.Decryptions, bound);
        var missing = Array.IndexOf(counts, null);
        if (missing >= 0)
            throw new BoardFailure($"{Entries(board).ElementAt(missing).Name}: the partial decryptions combine to no count from 0 to {bound}");
        var layout = BallotLayout.Of(round);
        var rows = counts.Take(board.Layout.Rows).Select(c => (int)c!.Value).ToList();
        var options = counts.Skip(board.Layout.Rows).Select(c => (int)c!.Value).ToList();
        var tally = Decode(layout, rows, options, "totals");
        if (board.Paper is { } paper)
            tally = tally.Plus(Decode(layout, paper.Rows, paper.Options, "paper")).Plus(DecodeOutside(layout, paper));
        return round.Count(tally);
    }

    /// <summary>The paper ballots outside the layout's options, counted by the Domain as it counts a committee's ruling.</summary>
    private static Tally DecodeOutside(BallotLayout layout, PaperTotals paper)
    {
        try
        {
            return layout.DecodeOutside(paper.InvalidByReason);
        }
        catch (ArgumentException e)
        {
            throw new BoardFailure($"paper.invalid: not ballots outside this layout's options: {e.Message}");
        }
    }

    private static Tally Decode(BallotLayout layout, IReadOnlyList<int> rows, IReadOnlyList<int> options, string what)
    {
        try
        {
            return layout.Decode(rows, options);
        }
        catch (ArgumentException e)
        {
            throw new BoardFailure($"{what}: the counts (rows {string.Join(" ", rows)}; options {string.Join(" ", options)}) are not a sum of ballots of this layout: {e.Message}");
        }
    }

    private static string CountAndCompare(ElectionBoard board, ElectionRound round)
    {
        var json = ElectionResultWriter.ToJson(Count(board, round));
        if (ResultComparison.FirstDifference(board.Result, json) is { } difference)
            throw new BoardFailure($"result{difference}");
        return json;
    }
}
