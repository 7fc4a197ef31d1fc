using ElectionSystem.Board;
using ElectionSystem.Crypto;
using ElectionSystem.Domain.Elections;
using ElectionSystem.Domain.Records;

namespace ElectionSystem.Board.Tests;

/// <summary>A 3-of-5 key ceremony run in the test: every member's dealing, and each trustee's share x_j.</summary>
public sealed class Ceremony
{
    public Ceremony()
    {
        Dealings = [.. Enumerable.Range(1, 5).Select(i => ThresholdKey.Deal(i, 3))];
        Public = new BoardCeremony(3, 5, [.. Dealings.Select(d => new CeremonyMember(d.Dealer, $"DB{45 + d.Dealer:D3}", d.Commitments))],
            ThresholdKey.JointPublicKey(Dealings.Select(d => d.Commitments)));
    }

    public IReadOnlyList<Dealing> Dealings { get; }

    public BoardCeremony Public { get; }

    /// <summary>x_j = Σ_i f_i(j): what trustee j unlocks on their own device.</summary>
    public Scalar Share(int trustee) => ThresholdKey.CombineShares(Dealings.Select(d => d.ShareFor(trustee)));
}

/// <summary>A round the test chose: its ballots (tablet and paper) in the clear, and the board built from them.</summary>
public sealed record Scenario(
    BoardRound Round,
    IReadOnlyList<BallotContent> Tablet,
    IReadOnlyList<BallotContent> Paper,
    Ceremony Ceremony,
    BoardDraft Draft,
    ElectionBoard Board)
{
    /// <summary>The Domain's count of the chosen ballots, the existing way: as election-record/1 ballots.</summary>
    public string ExpectedResult()
    {
        var ballots = Tablet.Select((c, i) => new Ballot($"t{i}", BallotSource.Tablet, c))
            .Concat(Paper.Select((c, i) => new Ballot($"p{i}", BallotSource.Paper, c)))
            .ToList();
        var record = new ElectionRecord(Round.Congress, Round.Election, Round.Rules, Round.Candidates, ballots);
        return ElectionResultWriter.ToJson(record.Count());
    }

    public Scalar Share(int trustee) => Ceremony.Share(trustee);
}

/// <summary>The boards the tests check and tamper with, each built once.</summary>
public static class Boards
{
    private static readonly Candidate[] Six =
    [
        new("c1", "Nguyễn Văn An"), new("c2", "Trần Thị Bình"), new("c3", "Lê Văn Cường"),
        new("c4", "Phạm Thị Dung"), new("c5", "Hoàng Văn Em"), new("c6", "Võ Thị Giang"),
    ];

    private static readonly Lazy<Scenario> SurplusBoard = new(() => Build(
        ElectionKind.ExecutiveCommittee, 4, Six, SurplusTablet(), [], [1, 3, 5]));

    private static readonly Lazy<Scenario> OneCandidateBoard = new(() => Build(
        ElectionKind.Other, 1, [new("c1", "Đinh Văn Hùng")],
        [.. Marks(Mark.Agree, 5), .. Marks(Mark.Disagree, 3), .. Marks(Mark.None, 1), .. Marks(Mark.Both, 1)], [], [2, 4, 5]));

    private static readonly Lazy<Scenario> MixedBoard = new(() => Build(
        ElectionKind.ExecutiveCommittee, 4, Six, SurplusTablet(),
        [Struck("c2", "c6"), Struck("c1", "c2"), Struck("c3"), Struck(), Struck("c1", "c2", "c3", "c4", "c5", "c6"), Struck("c5", "c6")],
        [1, 2, 3, 4]));

    private static readonly Lazy<Scenario> MixedRulingsBoard = new(() => Build(
        ElectionKind.ExecutiveCommittee, 4, Six, SurplusTablet(),
        [Struck("c2", "c6"), Struck("c1", "c2"), Struck(),
         Ruled(InvalidReason.IdentifyingMark), Ruled(InvalidReason.AddedName), Ruled(InvalidReason.IdentifyingMark),
         Ruled(InvalidReason.NotIssued), Ruled(InvalidReason.Other), Struck("c3", "x9")],
        [1, 2, 3]));

    /// <summary>
    /// A mixed round whose paper holds the counting committee's rulings (identifying marks twice, an added
    /// name, not issued, other) and a name not on the list, besides ballots the layout encodes.
    /// </summary>
    public static Scenario MixedRulings => MixedRulingsBoard.Value;

    /// <summary>A list with surplus: 6 names, 4 seats; 20 valid ballots and 4 invalid (over-seats, all-struck).</summary>
    public static Scenario Surplus => SurplusBoard.Value;

    /// <summary>One candidate: "đồng ý" or not, and two ballots with neither or both boxes.</summary>
    public static Scenario OneCandidate => OneCandidateBoard.Value;

    /// <summary>A mixed round: the surplus list's tablet ballots plus six paper ballots as public totals; 4 trustees decrypt.</summary>
    public static Scenario Mixed => MixedBoard.Value;

    private static List<BallotContent> SurplusTablet() =>
    [
        .. Enumerable.Repeat(Struck("c5", "c6"), 6),
        .. Enumerable.Repeat(Struck("c1", "c6"), 4),
        .. Enumerable.Repeat(Struck("c2", "c3", "c6"), 5),
        .. Enumerable.Repeat(Struck("c1", "c2", "c3", "c4", "c5"), 3),
        Struck("c4", "c5"), Struck("c3", "c4"),
        Struck(), Struck("c6"),                                  // over-seats: 6 and 5 kept for 4 seats
        Struck("c1", "c2", "c3", "c4", "c5", "c6"), Struck("c1", "c2", "c3", "c4", "c5", "c6"), // all struck
    ];

    private static BallotContent Struck(params string[] ids) => new BallotContent.Struck(ids);

    private static BallotContent Ruled(InvalidReason reason) => new BallotContent.PaperInvalid(reason);

    private static IEnumerable<BallotContent> Marks(Mark mark, int count) =>
        Enumerable.Repeat<BallotContent>(new BallotContent.Marks(new Dictionary<string, Mark> { ["c1"] = mark }), count);

    public static Scenario Build(ElectionKind kind, int seats, IReadOnlyList<Candidate> candidates,
        IReadOnlyList<BallotContent> tablet, IReadOnlyList<BallotContent> paper, int[] trustees)
    {
        var collected = tablet.Count + paper.Count;
        var round = BoardRound.InBallotOrder(
            ["congress-1", "election-7", $"round-1"],
            new RecordCongress("Đại hội đại biểu Đảng bộ tỉnh Sơn Hà lần thứ XVI", collected + 4, 1, 1),
            new RecordElection(kind, "Bầu Ban Chấp hành", 1, seats, collected + 1),
            ElectionRules.Default,
            candidates);
        var ceremony = new Ceremony();
        var layout = BallotLayout.Of(round.ToRound());
        var draft = BoardBuilder.Open(round, ceremony.Public, tablet.Select(c => Encrypt(round, ceremony.Public, layout, c)),
            tablet.Select((_, i) => $"DB{100 + i:D3}"));
        var decryptions = trustees.Select(j => BoardBuilder.Decrypt(draft, j, ceremony.Share(j))).ToList();
        var board = BoardBuilder.Close(draft, decryptions, paper.Count == 0 ? null : PaperTotals.Of(layout, paper));
        return new Scenario(round, tablet, paper, ceremony, draft, board);
    }

    /// <summary>What a tablet does: the Domain's encoding of the choice, encrypted with its proofs.</summary>
    public static EncryptedBallot Encrypt(BoardRound round, BoardCeremony ceremony, BallotLayout layout, BallotContent choice)
    {
        var p = layout.Encode(choice);
        return BallotEncryption.Encrypt(round.ProofContext, ceremony.PublicKey, BoardLayout.Of(layout).Shape, new Crypto.BallotPlaintext(p.Rows, p.Options));
    }
}
