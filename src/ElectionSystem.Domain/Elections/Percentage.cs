using System.Globalization;
using System.Numerics;

namespace ElectionSystem.Domain.Elections;

/// <summary>
/// Tỷ lệ phần trăm on the minutes: votes as a percentage of Base (DOMAIN.md §4.3), of those
/// present for a nomination poll. Computed in integers so a half is exactly a half: 1/8 = 12.5%
/// must round the same way on every machine.
/// </summary>
public static class Percentage
{
    /// <summary>The percentage as text with '.' and exactly <paramref name="decimals"/> decimals (as in the record's result).</summary>
    public static string Of(int part, int whole, int decimals, PercentRounding rounding)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        ArgumentOutOfRangeException.ThrowIfNegative(part);
        ArgumentOutOfRangeException.ThrowIfNegative(whole);
        // A base of zero has no percentages; print zero rather than fail the whole count.
        var scaled = whole == 0 ? BigInteger.Zero : Scaled(part, whole, decimals, rounding);
        var digits = scaled.ToString(CultureInfo.InvariantCulture).PadLeft(decimals + 1, '0');
        return decimals == 0 ? digits : string.Concat(digits.AsSpan(0, digits.Length - decimals), ".", digits.AsSpan(digits.Length - decimals));
    }

    /// <summary>The same figure with the Vietnamese decimal comma, for the printed minutes (83,89%).</summary>
    public static string OfVi(int part, int whole, int decimals, PercentRounding rounding) =>
        Of(part, whole, decimals, rounding).Replace('.', ',') + "%";

    private static BigInteger Scaled(int part, int whole, int decimals, PercentRounding rounding)
    {
        var numerator = part * (BigInteger)100 * BigInteger.Pow(10, decimals);
        var quotient = BigInteger.DivRem(numerator, whole, out var remainder);
        var twice = remainder * 2;
        var roundUp = twice > whole || (twice == whole && (rounding == PercentRounding.HalfUp || !quotient.IsEven));
        return roundUp ? quotient + 1 : quotient;
    }
}
