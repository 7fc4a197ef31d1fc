namespace ElectionSystem.Domain.Elections;

/// <summary>
/// Phiếu bầu: one ballot as counted. It carries a random id and its content only — never who
/// cast it or when (DOMAIN.md §7).
/// </summary>
public sealed record Ballot(string Id, BallotSource Source, BallotContent Content);

/// <summary>How the ballot reached the count (DOMAIN.md §6). Both are counted the same way.</summary>
public enum BallotSource
{
    Tablet,
    Paper,
}

/// <summary>What the voter did to the ballot: one of three shapes.</summary>
public abstract record BallotContent
{
    private BallotContent()
    {
    }

    /// <summary>
    /// Gạch tên: on a list with surplus, the ids the voter struck out. Every name left is a vote.
    /// Striking a name twice is striking it once.
    /// </summary>
    public sealed record Struck(IReadOnlyCollection<string> Ids) : BallotContent;

    /// <summary>
    /// Đồng ý / không đồng ý: on a list without surplus (and on a nomination poll), one mark per row.
    /// A row missing from the dictionary is <see cref="Mark.None"/>.
    /// </summary>
    public sealed record Marks(IReadOnlyDictionary<string, Mark> ByCandidate) : BallotContent
    {
        public Mark Of(string candidateId) => ByCandidate.TryGetValue(candidateId, out var m) ? m : Mark.None;
    }

    /// <summary>
    /// A paper ballot the counting committee ruled invalid for a reason the marks cannot show
    /// (DOMAIN.md §4.2: the committee has the last word). Only the paper reasons are allowed.
    /// </summary>
    public sealed record PaperInvalid : BallotContent
    {
        public PaperInvalid(InvalidReason reason)
        {
            if (!reason.IsPaperReason())
            {
                throw new ArgumentOutOfRangeException(nameof(reason), reason, "Only a reason the marks cannot show is ruled by hand.");
            }
            Reason = reason;
        }

        public InvalidReason Reason { get; }
    }
}

/// <summary>One row of a list without surplus: which of the two boxes the voter marked.</summary>
public enum Mark
{
    None,
    Agree,
    Disagree,
    Both,
}

/// <summary>The words <c>election-record/1</c> uses for <see cref="Mark"/>.</summary>
public static class MarkWire
{
    public static string ToWire(this Mark mark) => mark switch
    {
        Mark.Agree => "agree",
        Mark.Disagree => "disagree",
        Mark.None => "none",
        Mark.Both => "both",
        _ => throw new ArgumentOutOfRangeException(nameof(mark), mark, null),
    };

    public static bool TryParse(string text, out Mark mark)
    {
        foreach (var m in Enum.GetValues<Mark>())
        {
            if (m.ToWire() == text)
            {
                mark = m;
                return true;
            }
        }
        mark = default;
        return false;
    }

    public const string AllWords = "agree, disagree, none, both";
}
