using ElectionSystem.Domain.Names;

namespace ElectionSystem.Domain.Elections;

/// <summary>
/// The per-congress settings for what DOMAIN.md marks <b>(configurable)</b>. Defaults are the
/// ones DOMAIN.md names; the minutes print the settings in force.
/// </summary>
public sealed record ElectionRules
{
    public static ElectionRules Default { get; } = new();

    /// <summary>Decimals of the percentages on the minutes (two by default).</summary>
    public int PercentDecimals { get; init; } = 2;

    public PercentRounding PercentRounding { get; init; } = PercentRounding.HalfUp;

    /// <summary>Order of identical names on the ballot: earlier birth date first by default.</summary>
    public BirthDateOrder BirthDateOrder { get; init; } = BirthDateOrder.EarlierFirst;

    public TieRule TieRule { get; init; } = TieRule.TieBreakRound;

    /// <summary>How 30% of the seats becomes a whole number of surplus candidates (floor by default).</summary>
    public SurplusRounding SurplusRounding { get; init; } = SurplusRounding.Floor;

    public AlternatesPolicy AlternatesPolicy { get; init; } = AlternatesPolicy.HoldAlternatesRound;

    /// <summary>Alternates the higher level allocated to the delegation (0: none elected).</summary>
    public int AlternateSeats { get; init; }
}

/// <summary>How a percentage is rounded to its decimals.</summary>
public enum PercentRounding
{
    /// <summary>Làm tròn lên từ 5: halves go up (the default of the minutes).</summary>
    HalfUp,

    /// <summary>Banker's rounding: halves go to the even digit.</summary>
    HalfEven,
}

/// <summary>
/// What a tie at the last seat leads to. Party elections know no age or lot rule, so the only
/// rule is a tie-break round among exactly the tied (DOMAIN.md §4.3); it is a setting so the
/// minutes can print it.
/// </summary>
public enum TieRule
{
    TieBreakRound,
}

public enum SurplusRounding
{
    Floor,
    HalfUp,
    Ceiling,
}

/// <summary>
/// When the official delegates' round fills its seats and more candidates passed the threshold
/// (DOMAIN.md §4.5).
/// </summary>
public enum AlternatesPolicy
{
    /// <summary>Hold ballot 2 for the alternates as usual (the default).</summary>
    HoldAlternatesRound,

    /// <summary>Propose to the congress that those who passed become alternates in vote order.</summary>
    ProposePassedAsAlternates,
}

public static class PercentRoundingWire
{
    public static string ToWire(this PercentRounding rounding) => rounding switch
    {
        PercentRounding.HalfUp => "half-up",
        PercentRounding.HalfEven => "half-even",
        _ => throw new ArgumentOutOfRangeException(nameof(rounding), rounding, null),
    };

    public static bool TryParse(string text, out PercentRounding rounding)
    {
        switch (text)
        {
            case "half-up":
                rounding = PercentRounding.HalfUp;
                return true;
            case "half-even":
                rounding = PercentRounding.HalfEven;
                return true;
            default:
                rounding = default;
                return false;
        }
    }
}
