using System.Globalization;
using ElectionSystem.Domain.Elections;

namespace ElectionSystem.Server.Features.Elections;

/// <summary>How a round is named on screens, ballots and minutes (SCREENS.md), in one place.</summary>
public static class RoundWords
{
    /// <summary>
    /// A delegation's rounds are named by their ballot (DOMAIN.md §4.5): "phiếu 1" elects the official
    /// delegates, "phiếu 2" the alternates; an alternates round is never called "Bầu lần thứ hai",
    /// which would read as if the first had failed.
    /// </summary>
    public static string Label(ElectionRoundRow r) =>
        r.Kind == ElectionKind.DelegationOfficial.ToWire() ? "Bầu đại biểu chính thức (phiếu 1)" + Again(r)
        : r.Kind == ElectionKind.DelegationAlternate.ToWire() ? "Bầu đại biểu dự khuyết (phiếu 2)" + Again(r)
        : r.Purpose switch
        {
            RoundPurposes.TieBreak => $"Bầu lần thứ {Ordinal(r.Number)} (bầu lại giữa những người bằng phiếu)",
            _ when r.Kind == ElectionKind.NominationPoll.ToWire() => "Lấy phiếu xin ý kiến",
            _ => $"Bầu lần thứ {Ordinal(r.Number)}",
        };

    /// <summary>A delegation ballot held again: a tie-break among the tied, or another round for seats left.</summary>
    private static string Again(ElectionRoundRow r) => r.Purpose switch
    {
        RoundPurposes.TieBreak => ", bầu lại giữa những người bằng phiếu",
        RoundPurposes.AnotherRound => $", bầu tiếp (lần bầu thứ {Ordinal(r.Number)})",
        _ => "",
    };

    public static string Ordinal(int n) => n switch
    {
        1 => "nhất", 2 => "hai", 3 => "ba", 4 => "tư", 5 => "năm", 6 => "sáu", 7 => "bảy", 8 => "tám", 9 => "chín", 10 => "mười",
        _ => n.ToString(CultureInfo.InvariantCulture),
    };

    public static string ListKindWire(ListKind k) => k switch
    {
        ListKind.WithSurplus => "with-surplus",
        ListKind.WithoutSurplus => "without-surplus",
        ListKind.OneCandidate => "one-candidate",
        _ => "nomination-poll",
    };

    /// <summary>The confirmation a delegate reads before sending a deliberately invalid ballot: it names the rule.</summary>
    public static string InvalidMessage(InvalidReason reason, int retained, int seats) => reason switch
    {
        InvalidReason.OverSeats => $"Phiếu giữ lại {retained} người, nhiều hơn số lượng cần bầu ({seats}): phiếu sẽ không hợp lệ. Đồng chí vẫn muốn gửi?",
        InvalidReason.AllStruck => "Phiếu gạch hết tên trong danh sách: phiếu sẽ không hợp lệ. Đồng chí vẫn muốn gửi?",
        InvalidReason.NoChoice => "Phiếu chưa chọn đồng ý hoặc không đồng ý: phiếu sẽ không hợp lệ. Đồng chí vẫn muốn gửi?",
        _ => $"{reason.ExplainVi()}: phiếu sẽ không hợp lệ. Đồng chí vẫn muốn gửi?",
    };

    public const string ElectionNotFound = "Không tìm thấy cuộc bầu cử này.";
    public const string RoundNotFound = "Không tìm thấy lần bầu này.";
}
