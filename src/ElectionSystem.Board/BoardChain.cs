using ElectionSystem.Crypto;

namespace ElectionSystem.Board;

/// <summary>
/// The board's hash chain (items as in <see cref="FiatShamir"/>: 4-byte big-endian length ‖ bytes):
/// <code>
/// genesis = SHA-256( item("ElectionSystem/v2/board-genesis") ‖ item(int #context) ‖ item(context₁) … ‖ item(context_n) )
/// chain_i = SHA-256( item("ElectionSystem/v2/board-chain") ‖ item(chain_(i−1)) ‖ item(tracker_i) )      chain_0 = genesis
/// </code>
/// where a chain value and a tracker enter as their 32 bytes, and every value is written as 64
/// lower-case hex digits. The last chain value seals the board's order and content.
/// </summary>
public static class BoardChain
{
    public const string GenesisTag = "ElectionSystem/v2/board-genesis";
    public const string LinkTag = "ElectionSystem/v2/board-chain";

    /// <summary>The value before the first ballot, derived from the round's context.</summary>
    public static string Genesis(IReadOnlyList<string> context)
    {
        var t = FiatShamir.Tagged(GenesisTag).Integer(context.Count);
        foreach (var part in context)
            t.Text(part);
        return Convert.ToHexStringLower(t.Digest());
    }

    /// <summary>The chain value after a ballot whose tracker is <paramref name="tracker"/>.</summary>
    public static string Next(string previous, string tracker) =>
        Convert.ToHexStringLower(FiatShamir.Tagged(LinkTag).Raw(Convert.FromHexString(previous)).Raw(Convert.FromHexString(tracker)).Digest());

    /// <summary>The entries of these ballots in this order: tracker and chain value of each.</summary>
    public static IReadOnlyList<BoardBallot> Link(IReadOnlyList<string> context, IEnumerable<EncryptedBallot> ballotsInBoardOrder)
    {
        var previous = Genesis(context);
        var entries = new List<BoardBallot>();
        foreach (var ballot in ballotsInBoardOrder)
        {
            var tracker = BallotEncryption.Tracker(ballot);
            previous = Next(previous, tracker);
            entries.Add(new BoardBallot(ballot, tracker, previous));
        }
        return entries;
    }
}
