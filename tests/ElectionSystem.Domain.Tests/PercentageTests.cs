using ElectionSystem.Domain.Elections;
using static ElectionSystem.Domain.Tests.Build;

namespace ElectionSystem.Domain.Tests;

/// <summary>DOMAIN.md §4.3: percentages of Base, two decimals, rounded half up (configurable).</summary>
public class PercentageTests
{
    [Fact]
    public void Percent_is_of_base_not_of_valid_ballots()
    {
        var result = Round(seats: 1, candidates: 2, @base: 298).Count(Struck("c2").Times(250));
        Assert.Equal("83.89", result.Candidates.Single(c => c.Id == "c1").Percent);
    }

    [Theory]
    [InlineData(1, 8, 2, "12.50")]
    [InlineData(1, 8, 1, "12.5")]
    [InlineData(1, 8, 0, "13")]
    [InlineData(1, 3, 2, "33.33")]
    [InlineData(2, 3, 2, "66.67")]
    [InlineData(0, 7, 2, "0.00")]
    [InlineData(7, 7, 3, "100.000")]
    [InlineData(1, 16, 2, "6.25")]
    [InlineData(1, 16, 1, "6.3")]
    [InlineData(1, 400, 2, "0.25")]
    [InlineData(1, 800, 2, "0.13")]
    public void Percent_rounds_half_up_by_default(int votes, int @base, int decimals, string expected) =>
        Assert.Equal(expected, Percentage.Of(votes, @base, decimals, PercentRounding.HalfUp));

    [Theory]
    [InlineData(1, 8, 0, "12")]
    [InlineData(3, 8, 0, "38")]
    [InlineData(1, 16, 1, "6.2")]
    [InlineData(3, 16, 1, "18.8")]
    [InlineData(1, 800, 2, "0.12")]
    [InlineData(1, 3, 2, "33.33")]
    public void Percent_rounds_half_to_even_when_configured(int votes, int @base, int decimals, string expected) =>
        Assert.Equal(expected, Percentage.Of(votes, @base, decimals, PercentRounding.HalfEven));

    [Fact]
    public void Percent_uses_the_configured_decimals_in_a_count()
    {
        var rules = ElectionRules.Default with { PercentDecimals = 3, PercentRounding = PercentRounding.HalfEven };
        var result = Round(seats: 1, candidates: 2, @base: 16, rules: rules).Count(Struck("c2").Times(1));
        Assert.Equal("6.250", result.Candidates.Single(c => c.Id == "c1").Percent);
    }

    [Fact]
    public void Percent_on_the_minutes_uses_the_vietnamese_decimal_comma() =>
        Assert.Equal("83,89%", Percentage.OfVi(250, 298, 2, PercentRounding.HalfUp));

    [Fact]
    public void Percent_of_a_zero_base_is_zero_rather_than_a_failure() =>
        Assert.Equal("0.00", Percentage.Of(0, 0, 2, PercentRounding.HalfUp));
}
