using ElectionSystem.Domain.Congress;
using ElectionSystem.Domain.OpenVotes;

namespace ElectionSystem.Domain.Tests;

/// <summary>DOMAIN.md §2–§3: Base and open votes.</summary>
public class OpenVoteTests
{
    [Fact]
    public void Open_vote_passes_with_more_than_half_of_base()
    {
        Assert.True(OpenVoteRule.Passed(151, 300));
        Assert.False(OpenVoteRule.Passed(150, 300));
        Assert.True(OpenVoteRule.Passed(150, 299));
    }

    [Fact]
    public void Open_vote_is_measured_against_base_not_those_present()
    {
        // 200 present of a base of 300, 140 for: a large majority of the room, not of Base.
        Assert.False(OpenVoteRule.Passed(140, CongressBase.Create(300, 0, 0).Value));
    }

    [Fact]
    public void Base_is_summoned_minus_absent_committee_members_minus_absent_without_alternate()
    {
        var b = CongressBase.Create(300, 1, 2);
        Assert.Equal(297, b.Value);
        Assert.Contains("= 297", b.ExplainVi(), StringComparison.Ordinal);
    }

    [Fact]
    public void Absences_cannot_exceed_summoned() =>
        Assert.Throws<ArgumentException>(() => CongressBase.Create(3, 2, 2));

    [Fact]
    public void Warning_when_present_are_not_more_than_half_of_base()
    {
        var b = CongressBase.Create(300, 0, 2);
        Assert.False(b.PresentIsMajority(149));
        Assert.True(b.PresentIsMajority(150));
    }

    [Fact]
    public void Two_thirds_attendance_is_reported()
    {
        var b = CongressBase.Create(300, 0, 0);
        Assert.True(b.PresentIsTwoThirds(200));
        Assert.False(b.PresentIsTwoThirds(199));
    }
}
