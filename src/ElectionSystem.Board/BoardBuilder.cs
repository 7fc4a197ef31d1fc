using System.Security.Cryptography;
using ElectionSystem.Crypto;
using ElectionSystem.Domain.Elections;
using ElectionSystem.Domain.Records;

namespace ElectionSystem.Board;

/// <summary>A board up to its totals: what the trustees decrypt.</summary>
public sealed record BoardDraft(
    BoardRound Round,
    BoardLayout Layout,
    BoardCeremony Ceremony,
    IReadOnlyList<BoardBallot> Ballots,
    IReadOnlyList<string> Voters,
    BoardTotals Totals);

/// <summary>
/// Builds a round's board from its objects, in the order a round lives: <see cref="Open"/> at the
/// close (the layout from the Domain, the ballots in random order and chained, the voters sorted,
/// the totals), <see cref="Decrypt"/> on each trustee's own device, <see cref="Close"/> with k or
/// more decryptions and the paper totals (the result counted the way the verifier counts it).
/// The server and the tests use this; the verifier checks what it makes.
/// </summary>
public static class BoardBuilder
{
    public static BoardDraft Open(BoardRound round, BoardCeremony ceremony, IEnumerable<EncryptedBallot> ballots, IEnumerable<string> voters)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(ceremony);
        var layout = BoardLayout.Of(BallotLayout.Of(round.ToRound()));
        var shuffled = ballots.ToArray();
        if (shuffled.Length == 0)
            throw new ArgumentException("A board holds at least one tablet ballot.", nameof(ballots));
        // The board's order must not follow the order of casting.
        RandomNumberGenerator.Shuffle(shuffled.AsSpan());
        return new BoardDraft(round, layout, ceremony, BoardChain.Link(round.Context, shuffled),
            [.. voters.Order(StringComparer.Ordinal)], Sum(layout, shuffled));
    }

    /// <summary>The product of the ballots' ciphertexts, row by row and option by option (<see cref="BoardTally.Running"/>).</summary>
    public static BoardTotals Sum(BoardLayout layout, IReadOnlyList<EncryptedBallot> ballots)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var running = new BoardTally.Running(layout.Rows, layout.Options.Count);
        running.Add(ballots);
        return running.Totals();
    }

    /// <summary>Trustee j's partial decryption of every total, each with its proof in context round…/tally/row|option/i/trustee/j.</summary>
    public static TrusteeDecryption Decrypt(BoardDraft draft, int trustee, Scalar share)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var key = draft.Ceremony.VerificationKey(trustee);
        return new TrusteeDecryption(
            trustee,
            [.. draft.Totals.Rows.Select((c, i) => ThresholdDecryption.Decrypt(draft.Round.DecryptionContext("row", i, trustee), trustee, share, key, c))],
            [.. draft.Totals.Options.Select((c, k) => ThresholdDecryption.Decrypt(draft.Round.DecryptionContext("option", k, trustee), trustee, share, key, c))]);
    }

    /// <summary>The finished board: the decryptions, the paper totals, and the result the Domain counts from them.</summary>
    public static ElectionBoard Close(BoardDraft draft, IReadOnlyList<TrusteeDecryption> decryptions, PaperTotals? paper)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var board = new ElectionBoard(draft.Round, draft.Layout, draft.Ceremony, draft.Ballots, draft.Voters, draft.Totals, decryptions, paper, "{}");
        try
        {
            return board with { Result = ElectionResultWriter.ToJson(BoardVerifier.Count(board, draft.Round.ToRound())) };
        }
        catch (BoardVerifier.BoardFailure e)
        {
            throw new InvalidOperationException($"The board cannot be counted: {e.Message}", e);
        }
    }
}
