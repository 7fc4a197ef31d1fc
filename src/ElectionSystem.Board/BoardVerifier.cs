using ElectionSystem.Crypto;
using ElectionSystem.Domain.Elections;

namespace ElectionSystem.Board;

/// <summary>The outcome of checking a board: the recomputed result, or the first thing that fails, in one line.</summary>
/// <param name="ResultJson">The Domain's count of the board, <c>election-result/1</c>; null when a check failed.</param>
public sealed record BoardVerification(string? Failure, string? ResultJson, BoardSummary? Summary)
{
    public bool IsValid => Failure is null;
}

/// <summary>What a verified board held: tablet and paper ballots, the trustees who decrypted.</summary>
public sealed record BoardSummary(int TabletBallots, int PaperBallots, IReadOnlyList<int> Trustees, int Threshold, int Members);

/// <summary>
/// Checks a round's board from the board alone, in this order, and stops at the first failure:
/// well-formed (<see cref="BoardReader"/>, the round is the Domain's: candidates in its ballot order,
/// its layout); the ceremony (pk = Π C_{i,0}); every ballot's proofs against the shape and the
/// context; trackers; the chain; no tracker twice; as many ballots as voters; the totals are the
/// product of the ballots; every partial decryption (a ceremony member, once, its proof against
/// K_j from the commitments; at least k of them); the combination gives counts; the paper totals
/// added; the Domain's count equals the announced result, field by field.
/// </summary>
public static partial class BoardVerifier
{
    /// <summary>Reads and checks a board's JSON.</summary>
    public static BoardVerification VerifyJson(string json)
    {
        ElectionBoard board;
        try
        {
            board = BoardReader.Read(json);
        }
        catch (BoardFormatException e)
        {
            return new BoardVerification($"malformed board: {e.Message}", null, null);
        }
        return Verify(board);
    }

    public static BoardVerification Verify(ElectionBoard board)
    {
        ArgumentNullException.ThrowIfNull(board);
        try
        {
            var round = CheckRound(board);
            CheckCeremony(board.Ceremony);
            CheckBallotProofs(board);
            CheckTrackers(board);
            CheckChain(board);
            CheckDistinctTrackers(board);
            CheckVoters(board);
            CheckTotals(board);
            var trustees = CheckDecryptions(board);
            var resultJson = CountAndCompare(board, round);
            return new BoardVerification(null, resultJson, new BoardSummary(
                board.Ballots.Count, board.Paper?.Ballots ?? 0, trustees, board.Ceremony.Threshold, board.Ceremony.Size));
        }
        catch (BoardFailure f)
        {
            return new BoardVerification(f.Message, null, null);
        }
    }

    internal sealed class BoardFailure(string message) : Exception(message);

    private static string Ballot(ElectionBoard board, int i) => $"ballots[{i}] (ballot {i + 1} of {board.Ballots.Count}, tracker {board.Ballots[i].Tracker})";

    private static ElectionRound CheckRound(ElectionBoard board)
    {
        ElectionRound round;
        try
        {
            round = board.Round.ToRound();
        }
        catch (ArgumentException e)
        {
            throw new BoardFailure($"malformed board: election: not a round the Domain can count ({e.Message.ReplaceLineEndings(" ")})");
        }
        var order = round.InBallotOrder;
        for (var i = 0; i < order.Count; i++)
        {
            if (order[i].Id != board.Round.Candidates[i].Id)
                throw new BoardFailure($"malformed board: candidates[{i}]: the Domain's ballot order puts \"{order[i].Id}\" here, the board has \"{board.Round.Candidates[i].Id}\"");
        }
        var domain = BoardLayout.Of(BallotLayout.Of(round));
        var mine = board.Layout;
        string? field = domain.Rows != mine.Rows ? "rows"
            : domain.Options.Count != mine.Options.Count ? "options"
            : domain.Options.Select((o, k) => (o, k)).FirstOrDefault(p => p.o != mine.Options[p.k]) is { o: not null } diff ? $"options[{diff.k}]"
            : domain.Weight != mine.Weight ? "weight"
            : domain.Lo != mine.Lo ? "lo"
            : domain.Hi != mine.Hi ? "hi"
            : null;
        if (field is not null)
            throw new BoardFailure($"malformed board: layout.{field}: not the Domain's layout of this round (rows {domain.Rows}, options [{string.Join(", ", domain.Options.Select(o => o.Code))}], weight {domain.Weight}, [{domain.Lo}, {domain.Hi}])");
        return round;
    }

    private static void CheckCeremony(BoardCeremony ceremony)
    {
        var product = ThresholdKey.JointPublicKey(ceremony.Members.Select(m => m.Commitments));
        if (product != ceremony.PublicKey)
            throw new BoardFailure("ceremony.publicKey: not the product of the members' first commitments (pk ≠ Π C_i,0)");
    }

    private static void CheckBallotProofs(ElectionBoard board)
    {
        var context = board.Round.ProofContext;
        var shape = board.Layout.Shape;
        var pk = board.Ceremony.PublicKey;
        var failures = new string?[board.Ballots.Count];
        // Every core checks; Break() still finishes every ballot before the one that failed, so the
        // failure reported is the first by position.
        Parallel.For(0, board.Ballots.Count, (i, state) =>
        {
            var check = BallotEncryption.Verify(context, pk, shape, board.Ballots[i].Ballot);
            if (!check.IsValid)
            {
                failures[i] = check.Failure;
                state.Break();
            }
        });
        var first = Array.FindIndex(failures, f => f is not null);
        if (first >= 0)
            throw new BoardFailure($"{Ballot(board, first)}: {failures[first]}");
    }

    private static void CheckTrackers(ElectionBoard board)
    {
        var trackers = new string[board.Ballots.Count];
        Parallel.For(0, trackers.Length, i => trackers[i] = BallotEncryption.Tracker(board.Ballots[i].Ballot));
        for (var i = 0; i < trackers.Length; i++)
        {
            if (trackers[i] != board.Ballots[i].Tracker)
                throw new BoardFailure($"{Ballot(board, i)}: the tracker is not the SHA-256 of the ballot's canonical encoding ({trackers[i]})");
        }
    }

    private static void CheckChain(ElectionBoard board)
    {
        var previous = BoardChain.Genesis(board.Round.Context);
        for (var i = 0; i < board.Ballots.Count; i++)
        {
            var expected = BoardChain.Next(previous, board.Ballots[i].Tracker);
            if (expected != board.Ballots[i].Chain)
                throw new BoardFailure($"{Ballot(board, i)}: the chain breaks here (expected {expected} after {(i == 0 ? "the genesis value" : $"ballots[{i - 1}]")}): the board was reordered or changed");
            previous = expected;
        }
    }

    private static void CheckDistinctTrackers(ElectionBoard board)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < board.Ballots.Count; i++)
        {
            if (!seen.TryAdd(board.Ballots[i].Tracker, i))
                throw new BoardFailure($"{Ballot(board, i)}: the same ballot as ballots[{seen[board.Ballots[i].Tracker]}] (a copied ballot)");
        }
    }

    private static void CheckVoters(ElectionBoard board)
    {
        var (ballots, voters) = (board.Ballots.Count, board.Voters.Count);
        if (ballots < voters)
            throw new BoardFailure($"ballots: {ballots} ballots for {voters} voters: {voters - ballots} ballot(s) missing (dropped)");
        if (ballots > voters)
            throw new BoardFailure($"ballots: {ballots} ballots for {voters} voters: {ballots - voters} more ballot(s) than voters (stuffed)");
    }

    private static void CheckTotals(ElectionBoard board)
    {
        var totals = BoardBuilder.Sum(board.Layout, [.. board.Ballots.Select(b => b.Ballot)]);
        for (var i = 0; i < totals.Rows.Count; i++)
        {
            if (totals.Rows[i] != board.Totals.Rows[i])
                throw new BoardFailure($"totals.rows[{i}] ({board.Round.Candidates[i].Id}): not the product of the ballots' row {i} ciphertexts");
        }
        for (var k = 0; k < totals.Options.Count; k++)
        {
            if (totals.Options[k] != board.Totals.Options[k])
                throw new BoardFailure($"totals.options[{k}] ({board.Layout.Options[k].Code}): not the product of the ballots' option {k} ciphertexts");
        }
    }
}
