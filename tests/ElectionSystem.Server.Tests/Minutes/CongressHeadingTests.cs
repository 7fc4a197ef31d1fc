using ElectionSystem.Server.Features.Shared;

namespace ElectionSystem.Server.Tests.Minutes;

/// <summary>The heading of the minutes and the printed ballot says "LẦN THỨ" once, however the ordinal was typed.</summary>
public class CongressHeadingTests
{
    [Theory]
    [InlineData("lần thứ XVI")]
    [InlineData("Lần thứ XVI")]
    [InlineData("  XVI ")]
    [InlineData("xvi")]
    public void The_ordinal_is_printed_after_the_words_once(string ordinal) =>
        Assert.Equal("ĐẠI HỘI ĐẠI BIỂU LẦN THỨ XVI", CongressHeading.Line(ordinal));

    [Fact]
    public void A_congress_without_an_ordinal_leaves_a_blank_to_fill_in() =>
        Assert.Equal("ĐẠI HỘI ĐẠI BIỂU LẦN THỨ ……", CongressHeading.Line(""));
}
