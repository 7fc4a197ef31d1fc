namespace ElectionSystem.Domain.Elections;

/// <summary>
/// Số dư (DOMAIN.md §4.4): the executive committee's first-round list must have more candidates
/// than seats, at most 30% of the seats more (rounded as configured, floor by default), and at
/// most one more for committees of 3–5. Later rounds use the lists of §4.3 and are not checked.
/// </summary>
public static class CandidateListRules
{
    public sealed record Verdict(bool Allowed, int MaxSurplus, string? ProblemVi, string? ProblemEn);

    /// <summary>The largest surplus the rules allow for this many seats.</summary>
    public static int MaxSurplus(int seats, SurplusRounding rounding = SurplusRounding.Floor)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(seats);
        // DOMAIN.md names 3–5; a committee under 3 is treated the same way, since 30% of one or
        // two seats rounds to no surplus at all and the list must still have one.
        if (seats <= 5) return 1;
        var tenths = seats * 3; // 30% of seats, in tenths of a candidate
        return rounding switch
        {
            SurplusRounding.Floor => tenths / 10,
            SurplusRounding.Ceiling => (tenths + 9) / 10,
            SurplusRounding.HalfUp => (tenths + 5) / 10,
            _ => throw new ArgumentOutOfRangeException(nameof(rounding), rounding, null),
        };
    }

    public static Verdict Check(int seats, int candidates, SurplusRounding rounding = SurplusRounding.Floor)
    {
        var max = MaxSurplus(seats, rounding);
        var surplus = candidates - seats;
        if (surplus < 1)
        {
            return new Verdict(false, max,
                $"Danh sách bầu cử Ban Chấp hành phải có số dư: {candidates} người cho {seats} ủy viên.",
                $"The executive committee list must have a surplus: {candidates} candidates for {seats} seats.");
        }
        if (surplus > max)
        {
            var limit = seats <= 5 ? "tối đa 1 người với cấp ủy từ 3 đến 5 ủy viên" : $"tối đa 30% số ủy viên ({max} người)";
            var limitEn = seats <= 5 ? "at most 1 for a committee of 3 to 5" : $"at most 30% of the seats ({max})";
            return new Verdict(false, max,
                $"Số dư {surplus} người vượt quá mức cho phép: {limit}.",
                $"A surplus of {surplus} exceeds the limit: {limitEn}.");
        }
        return new Verdict(true, max, null, null);
    }
}
