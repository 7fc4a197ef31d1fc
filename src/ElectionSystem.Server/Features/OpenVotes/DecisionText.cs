using System.Globalization;

namespace ElectionSystem.Server.Features.OpenVotes;

/// <summary>
/// How a decision is written on the projector and the decisions page:
/// "Tán thành 250/298 (83,89%) — Thông qua". The percentage is of Base, two decimals rounded half
/// up, Vietnamese decimal comma; whether it passed comes from Domain's OpenVoteRule.
/// </summary>
public static class DecisionText
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static string Summary(int votesFor, int @base, bool passed) =>
        $"Tán thành {Number(votesFor)}/{Number(@base)} ({Percent(votesFor, @base)}) — {Outcome(passed)}";

    public static string Outcome(bool passed) => passed ? "Thông qua" : "Không thông qua";

    /// <summary>"83,89%"; "—" when Base is zero.</summary>
    public static string Percent(int part, int @base) =>
        @base <= 0 ? "—" : Math.Round(100m * part / @base, 2, MidpointRounding.AwayFromZero).ToString("0.00", Vi) + "%";

    /// <summary>"1.586".</summary>
    public static string Number(int n) => n.ToString("#,0", Vi);
}
