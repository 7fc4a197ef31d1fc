using ElectionSystem.Domain.Elections;
using static ElectionSystem.Domain.Tests.Build;

namespace ElectionSystem.Domain.Tests;

/// <summary>DOMAIN.md §4.4: the executive committee's list, withdrawals and nominations.</summary>
public class CandidateListTests
{
    [Theory]
    [InlineData(45, 13)]
    [InlineData(10, 3)]
    [InlineData(6, 1)]
    [InlineData(9, 2)]
    [InlineData(55, 16)]
    public void Executive_committee_surplus_is_at_most_30_percent_of_seats_rounded_down(int seats, int max)
    {
        Assert.Equal(max, CandidateListRules.MaxSurplus(seats));
        Assert.True(CandidateListRules.Check(seats, seats + max).Allowed);
        Assert.False(CandidateListRules.Check(seats, seats + max + 1).Allowed);
    }

    [Theory]
    [InlineData(45, SurplusRounding.HalfUp, 14)]
    [InlineData(45, SurplusRounding.Ceiling, 14)]
    [InlineData(11, SurplusRounding.HalfUp, 3)]
    [InlineData(11, SurplusRounding.Floor, 3)]
    [InlineData(12, SurplusRounding.HalfUp, 4)]
    [InlineData(12, SurplusRounding.Floor, 3)]
    public void Surplus_rounding_is_configurable(int seats, SurplusRounding rounding, int max) =>
        Assert.Equal(max, CandidateListRules.MaxSurplus(seats, rounding));

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Committee_of_3_to_5_has_a_surplus_of_at_most_one(int seats)
    {
        Assert.True(CandidateListRules.Check(seats, seats + 1).Allowed);
        var tooMany = CandidateListRules.Check(seats, seats + 2);
        Assert.False(tooMany.Allowed);
        Assert.Contains("từ 3 đến 5", tooMany.ProblemVi, StringComparison.Ordinal);
        Assert.Contains("3 to 5", tooMany.ProblemEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Executive_committee_list_must_have_a_surplus()
    {
        var verdict = CandidateListRules.Check(9, 9);
        Assert.False(verdict.Allowed);
        Assert.Contains("số dư", verdict.ProblemVi, StringComparison.Ordinal);
        Assert.Contains("surplus", verdict.ProblemEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Withdrawal_changes_the_list_only_when_the_congress_votes_for_it()
    {
        var list = CandidateList.FromConveningCommittee(Candidates(5));
        Assert.Same(list, list.Withdraw("c2", votesFor: 150, @base: 300));
        var after = list.Withdraw("c2", votesFor: 151, @base: 300);
        Assert.Equal(["c1", "c3", "c4", "c5"], after.Candidates.Select(c => c.Id));
    }

    [Fact]
    public void Nomination_from_the_floor_enters_the_list_only_when_the_poll_admits_it()
    {
        var list = CandidateList.FromConveningCommittee(Candidates(3));
        var nominee = new Candidate("n1", "Trần Thị Mai");
        Assert.Same(list, list.Nominate(nominee, agree: 84, present: 281));
        Assert.Equal(["c1", "c2", "c3", "n1"], list.Nominate(nominee, agree: 85, present: 281).Candidates.Select(c => c.Id));
    }

    [Fact]
    public void Candidate_list_check_applies_the_surplus_rule_to_the_adopted_list() =>
        Assert.True(CandidateList.FromConveningCommittee(Candidates(4)).CheckForExecutiveCommittee(3).Allowed);
}
