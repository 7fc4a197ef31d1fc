using System.Globalization;
using ElectionSystem.Crypto;
using ElectionSystem.Domain.Elections;
using ElectionSystem.Domain.Records;

namespace ElectionSystem.Board;

/// <summary>
/// A round's public board, format <c>election-board/1</c> (docs/election-board.md): the round as the
/// Domain and the proofs need it, the key ceremony's public parts, every encrypted ballot in random
/// order and hash-chained, who voted on a tablet, the encrypted totals, the trustees' partial
/// decryptions, the paper ballots' public totals and the announced result. Anyone can check it
/// (<see cref="BoardVerifier"/>) without the server.
/// </summary>
/// <param name="Result">The announced result, <c>election-result/1</c> JSON as announced.</param>
public sealed record ElectionBoard(
    BoardRound Round,
    BoardLayout Layout,
    BoardCeremony Ceremony,
    IReadOnlyList<BoardBallot> Ballots,
    IReadOnlyList<string> Voters,
    BoardTotals Totals,
    IReadOnlyList<TrusteeDecryption> Decryptions,
    PaperTotals? Paper,
    string Result)
{
    public const string Format = "election-board/1";
}

/// <summary>
/// The round: the identifiers every proof's context starts with (<see cref="Context"/>), and what
/// the Domain's count needs, as in <c>election-record/1</c>; candidates in ballot order.
/// </summary>
public sealed record BoardRound(
    IReadOnlyList<string> Context,
    RecordCongress Congress,
    RecordElection Election,
    ElectionRules Rules,
    IReadOnlyList<Candidate> Candidates)
{
    /// <summary>The round with its candidates put in the Domain's ballot order (as the board lists them).</summary>
    public static BoardRound InBallotOrder(IReadOnlyList<string> context, RecordCongress congress, RecordElection election, ElectionRules rules, IReadOnlyList<Candidate> candidates)
    {
        var round = new BoardRound(context, congress, election, rules, candidates);
        return round with { Candidates = round.ToRound().InBallotOrder };
    }

    /// <summary>The Domain's round (throws <see cref="ArgumentException"/> when its inputs are not a round).</summary>
    public ElectionRound ToRound() => new ElectionRecord(Congress, Election, Rules, Candidates, []).ToRound();

    /// <summary>round…: the context every ballot proof of the round starts with.</summary>
    public ProofContext ProofContext => ProofContext.Of([.. Context]);

    /// <summary>round…, "tally", "row"|"option", i, "trustee", j: a partial decryption's context.</summary>
    public ProofContext DecryptionContext(string kind, int index, int trustee) =>
        ProofContext.With("tally", kind, Text(index), "trustee", Text(trustee));

    private static string Text(int i) => i.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The ballot's shape as the Domain states it (<see cref="BallotLayout"/>): R rows, the options, w, [lo, hi].</summary>
public sealed record BoardLayout(int Rows, IReadOnlyList<BoardOption> Options, int Weight, int Lo, int Hi)
{
    public BallotShape Shape => new(Rows, Options.Count, Weight, Lo, Hi);

    /// <summary>The layout of the Domain's <see cref="BallotLayout"/>.</summary>
    public static BoardLayout Of(BallotLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return new(layout.Rows.Count, [.. layout.Options.Select(o => new BoardOption(o.Code, o.Reason?.ToWire()))], layout.Weight, layout.Lo, layout.Hi);
    }
}

/// <summary>One option: its code (<c>valid</c>, <c>too-many-kept</c>, …) and the reason word of <c>election-result/1</c> (null for valid).</summary>
public sealed record BoardOption(string Code, string? Reason);

/// <summary>The key ceremony's public parts: k, n, each qualified member's Feldman commitments, and the joint key.</summary>
public sealed record BoardCeremony(int Threshold, int Size, IReadOnlyList<CeremonyMember> Members, Element PublicKey)
{
    /// <summary>K_j = Π_i Π_l C_{i,l}^(j^l), from the commitments alone.</summary>
    public Element VerificationKey(int trustee) => ThresholdKey.VerificationKey(Members.Select(m => m.Commitments), trustee);
}

/// <summary>A member of the ceremony: trustee index (≥ 1), delegate code, commitments C_{i,0} … C_{i,k−1}.</summary>
public sealed record CeremonyMember(int Index, string Delegate, IReadOnlyList<Element> Commitments);

/// <summary>One entry of the board: the ballot as cast, its tracker, and the chain value after it.</summary>
public sealed record BoardBallot(EncryptedBallot Ballot, string Tracker, string Chain);

/// <summary>The product of every ballot's ciphertexts, row by row and option by option.</summary>
public sealed record BoardTotals(IReadOnlyList<Ciphertext> Rows, IReadOnlyList<Ciphertext> Options);

/// <summary>Trustee j's partial decryption (share D and its proof) of every row total and every option total.</summary>
public sealed record TrusteeDecryption(int Trustee, IReadOnlyList<PartialDecryption> Rows, IReadOnlyList<PartialDecryption> Options);

/// <summary>
/// A mixed round's paper ballots as public totals: the same input to the Domain's decode as the tablet
/// totals (<see cref="Rows"/>, <see cref="Options"/>), plus the ballots invalid for a reason the layout
/// has no option for — the counting committee's rulings (not issued, an added name, identifying marks,
/// other) and a name not on the list — counted by reason (<see cref="Invalid"/>, empty when none).
/// </summary>
public sealed record PaperTotals(int Ballots, IReadOnlyList<int> Rows, IReadOnlyList<int> Options, IReadOnlyList<PaperReasonCount> Invalid)
{
    /// <summary>Paper totals without ballots outside the layout's options.</summary>
    public PaperTotals(int ballots, IReadOnlyList<int> rows, IReadOnlyList<int> options)
        : this(ballots, rows, options, [])
    {
    }

    /// <summary>The ballots outside the options, as the Domain's decode takes them.</summary>
    public IReadOnlyDictionary<InvalidReason, int> InvalidByReason => Invalid.ToDictionary(c => c.Reason, c => c.Ballots);

    /// <summary>
    /// The totals of paper ballots as entered and confirmed: each one the layout encodes is added as a
    /// tablet choice would be; each one outside its options (<see cref="BallotLayout.OutsideReason"/>)
    /// is counted under its reason, in the order of <c>election-result/1</c>.
    /// </summary>
    public static PaperTotals Of(BallotLayout layout, IEnumerable<BallotContent> ballots)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(ballots);
        var rows = new int[layout.Rows.Count];
        var options = new int[layout.Options.Count];
        var outside = new Dictionary<InvalidReason, int>();
        var count = 0;
        foreach (var ballot in ballots)
        {
            count++;
            if (layout.OutsideReason(ballot) is { } reason)
            {
                outside[reason] = outside.GetValueOrDefault(reason) + 1;
                continue;
            }
            var plaintext = layout.Encode(ballot);
            for (var i = 0; i < rows.Length; i++) rows[i] += plaintext.Rows[i];
            for (var k = 0; k < options.Length; k++) options[k] += plaintext.Options[k];
        }
        return new PaperTotals(count, rows, options,
            [.. InvalidReasonWire.ResultOrder.Where(outside.ContainsKey).Select(r => new PaperReasonCount(r, outside[r]))]);
    }
}

/// <summary>Paper ballots invalid for one reason outside the layout's options, and how many.</summary>
public sealed record PaperReasonCount(InvalidReason Reason, int Ballots);
