namespace ElectionSystem.Domain.Elections;

/// <summary>
/// Why a ballot is không hợp lệ (DOMAIN.md §4.2). Declared in FORMAT.md's precedence: a ballot
/// that breaks several rules counts once, under the first reason in this order.
/// </summary>
public enum InvalidReason
{
    /// <summary>Not issued by the counting committee (electronically: no valid credential).</summary>
    NotIssued,

    /// <summary>A name added that is not on the list (paper).</summary>
    AddedName,

    /// <summary>Identifying marks or added text (paper).</summary>
    IdentifyingMark,

    /// <summary>Another reason the counting committee recorded (paper).</summary>
    Other,

    /// <summary>A struck or marked id that is not on the list.</summary>
    UnknownCandidate,

    /// <summary>More names retained than seats (an untouched surplus ballot is one).</summary>
    OverSeats,

    /// <summary>Every name struck out on a list with surplus.</summary>
    AllStruck,

    /// <summary>A one-candidate ballot with neither box or both boxes marked.</summary>
    NoChoice,
}

/// <summary>The words <c>election-record/1</c> uses for <see cref="InvalidReason"/>.</summary>
public static class InvalidReasonWire
{
    /// <summary>The order FORMAT.md lists the counts in; used when printing a result.</summary>
    public static IReadOnlyList<InvalidReason> ResultOrder { get; } =
    [
        InvalidReason.OverSeats, InvalidReason.AllStruck, InvalidReason.NoChoice, InvalidReason.UnknownCandidate,
        InvalidReason.NotIssued, InvalidReason.AddedName, InvalidReason.IdentifyingMark, InvalidReason.Other,
    ];

    public static string ToWire(this InvalidReason reason) => reason switch
    {
        InvalidReason.NotIssued => "not-issued",
        InvalidReason.AddedName => "added-name",
        InvalidReason.IdentifyingMark => "identifying-mark",
        InvalidReason.Other => "other",
        InvalidReason.UnknownCandidate => "unknown-candidate",
        InvalidReason.OverSeats => "over-seats",
        InvalidReason.AllStruck => "all-struck",
        InvalidReason.NoChoice => "no-choice",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };

    /// <summary>The reason a word of the record names (any reason, unlike <see cref="TryParsePaperReason"/>).</summary>
    public static InvalidReason Parse(string wire) =>
        Enum.GetValues<InvalidReason>().Cast<InvalidReason?>().FirstOrDefault(r => r!.Value.ToWire() == wire)
        ?? throw new FormatException($"\"{wire}\" is not a reason a ballot is invalid.");

    /// <summary>Reasons only the counting committee can rule, which a record carries as <c>invalid</c>.</summary>
    public static bool IsPaperReason(this InvalidReason reason) => reason <= InvalidReason.Other;

    public static bool TryParsePaperReason(string text, out InvalidReason reason)
    {
        foreach (var r in Enum.GetValues<InvalidReason>())
        {
            if (r.IsPaperReason() && r.ToWire() == text)
            {
                reason = r;
                return true;
            }
        }
        reason = default;
        return false;
    }

    public const string PaperWords = "not-issued, added-name, identifying-mark, other";

    /// <summary>The rule a deliberately invalid ballot breaks, for the tablet's confirmation and the minutes.</summary>
    public static string ExplainVi(this InvalidReason reason) => reason switch
    {
        InvalidReason.NotIssued => "Phiếu không do Ban Kiểm phiếu phát ra",
        InvalidReason.AddedName => "Phiếu ghi thêm tên người ngoài danh sách",
        InvalidReason.IdentifyingMark => "Phiếu có đánh dấu hoặc ghi thêm nội dung",
        InvalidReason.Other => "Phiếu không hợp lệ theo kết luận của Ban Kiểm phiếu",
        InvalidReason.UnknownCandidate => "Phiếu có tên không có trong danh sách",
        InvalidReason.OverSeats => "Phiếu để lại nhiều tên hơn số lượng được bầu",
        InvalidReason.AllStruck => "Phiếu gạch hết tên trong danh sách",
        InvalidReason.NoChoice => "Phiếu không đánh dấu hoặc đánh dấu cả hai ô",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };
}
