using ElectionSystem.Domain.Congress;
using ElectionSystem.Domain.Elections;
using static ElectionSystem.Domain.Tests.Build;

namespace ElectionSystem.Domain.Tests;

/// <summary>DOMAIN.md §4.3: votes, the threshold, the seats, ties and vacancies.</summary>
public class WhoIsElectedTests
{
    [Fact]
    public void Votes_are_counted_only_from_valid_ballots()
    {
        var round = Round(seats: 1, candidates: 2, @base: 10);
        var result = round.Count([Struck("c2"), Struck("c2"), Struck(), Struck("c1", "c2"), Invalid(InvalidReason.AddedName)]);
        Assert.Equal(2, result.Votes("c1"));
        Assert.Equal(0, result.Votes("c2"));
        Assert.Equal(2, result.Valid);
        Assert.Equal(5, result.Collected);
    }

    [Fact]
    public void Valid_plus_invalid_is_collected()
    {
        var result = Round(1, 2).Count([Struck("c2"), Struck(), Struck("c1", "c2"), Invalid(InvalidReason.Other)]);
        Assert.Equal(result.Collected, result.Valid + result.InvalidTotal);
        Assert.Equal(new Dictionary<InvalidReason, int> { [InvalidReason.OverSeats] = 1, [InvalidReason.AllStruck] = 1, [InvalidReason.Other] = 1 }, result.Invalid);
    }

    [Fact]
    public void Threshold_is_more_than_half_of_base_not_of_valid_ballots()
    {
        // 60 valid ballots all for c1: every valid ballot, but 60 of a base of 200 is not a majority.
        var round = Round(seats: 1, candidates: 2, @base: 200);
        var result = round.Count(Struck("c2").Times(60));
        Assert.Equal(60, result.Votes("c1"));
        Assert.Empty(result.Elected);
        Assert.Equal(1, result.Vacant);
    }

    [Fact]
    public void Exactly_half_of_base_is_not_elected()
    {
        var result = Round(seats: 1, candidates: 2, @base: 100).Count(Struck("c2").Times(50));
        Assert.Empty(result.Elected);
        Assert.False(Threshold.Passed(50, 100));
        Assert.True(Threshold.Passed(51, 100));
        Assert.True(Threshold.Passed(51, 101));
        Assert.False(Threshold.Passed(50, 101));
    }

    [Fact]
    public void One_more_than_half_of_base_is_elected()
    {
        var result = Round(seats: 1, candidates: 2, @base: 100).Count(Struck("c2").Times(51));
        Assert.Equal(["c1"], result.Elected);
    }

    [Fact]
    public void Base_excludes_whole_congress_absences_when_deciding_the_threshold()
    {
        // 100 summoned, 4 absent for the whole congress: Base 96, so 49 votes elect.
        var round = new ElectionRound(ElectionKind.Other, 1, CongressBase.Create(100, 1, 3), 90, Candidates(2));
        var result = round.Count(Struck("c2").Times(49));
        Assert.Equal(96, result.Base);
        Assert.Equal(["c1"], result.Elected);
    }

    [Fact]
    public void Elected_are_listed_in_order_of_votes()
    {
        var round = Round(seats: 2, candidates: 3, @base: 10);
        var ballots = Struck("c1").Times(6).Concat(Struck("c2").Times(1));
        var result = round.Count(ballots);
        Assert.Equal(7, result.Votes("c3"));
        Assert.Equal(["c3", "c2"], result.Elected);
    }

    [Fact]
    public void Equal_votes_among_the_elected_keep_ballot_order()
    {
        var round = Round(seats: 2, candidates: 3, @base: 10);
        var result = round.Count(Struck("c1").Times(6));
        Assert.Equal(["c2", "c3"], result.Elected);
        Assert.Null(result.Tie);
    }

    [Fact]
    public void Only_the_seats_are_filled_when_more_pass_the_threshold()
    {
        var round = Round(seats: 1, candidates: 3, @base: 10);
        var result = round.Count(Struck("c2", "c3").Times(8).Concat(Struck("c1", "c3").Times(0)));
        Assert.Equal(["c1"], result.Elected);
        Assert.Equal(0, result.Vacant);
    }

    [Fact]
    public void Tie_at_last_seat_goes_to_tie_break()
    {
        // Base 10; 3 seats; c1 9 votes, c2 and c3 and c4 tied at 6 over the threshold for 2 seats left.
        var round = Round(seats: 3, candidates: 5, @base: 10);
        var ballots = Struck("c2", "c5").Times(3)
            .Concat(Struck("c3", "c5").Times(3))
            .Concat(Struck("c4", "c5").Times(3));
        var result = round.Count(ballots);
        Assert.Equal([9, 6, 6, 6, 0], result.Candidates.Select(c => c.Votes));
        Assert.Equal(["c1"], result.Elected);
        Assert.Equal(["c2", "c3", "c4"], result.Tie!.Candidates);
        Assert.Equal(2, result.Tie.Seats);
        Assert.Equal(0, result.Vacant);
        var next = Assert.IsType<NextStep.TieBreakRound>(NextStep.After(round, result));
        Assert.Equal(["c2", "c3", "c4"], next.Candidates);
        Assert.Equal(2, next.Seats);
    }

    [Fact]
    public void Tie_inside_the_seats_is_not_a_tie()
    {
        var round = Round(seats: 3, candidates: 4, @base: 10);
        var result = round.Count(Struck("c4").Times(8));
        Assert.Null(result.Tie);
        Assert.Equal(["c1", "c2", "c3"], result.Elected);
    }

    [Fact]
    public void Tie_below_the_threshold_is_not_a_tie()
    {
        var round = Round(seats: 2, candidates: 4, @base: 20);
        // c1 passes (11 votes); c2 and c3 share the next place with 5, below the threshold.
        var ballots = Struck("c2", "c3", "c4").Times(6).Concat(Struck("c3", "c4").Times(5)).Concat(Struck("c2", "c4").Times(5));
        var result = round.Count(ballots);
        Assert.Equal(["c1"], result.Elected);
        Assert.Null(result.Tie);
        Assert.Equal(1, result.Vacant);
    }

    [Fact]
    public void Too_few_elected_leaves_seats_vacant_and_proposes_another_round_of_the_unelected()
    {
        var round = Round(seats: 3, candidates: 5, @base: 10);
        var result = round.Count(Struck("c3", "c4", "c5").Times(6));
        Assert.Equal(["c1", "c2"], result.Elected);
        Assert.Equal(1, result.Vacant);
        var next = Assert.IsType<NextStep.AnotherRoundProposal>(NextStep.After(round, result));
        Assert.Equal(["c3", "c4", "c5"], next.Candidates);
        Assert.Equal(1, next.Seats);
    }

    [Fact]
    public void Filled_executive_committee_needs_no_next_step()
    {
        var round = Round(seats: 2, candidates: 3, @base: 10);
        Assert.IsType<NextStep.None>(NextStep.After(round, round.Count(Struck("c3").Times(6))));
    }

    [Fact]
    public void Delegation_official_round_filled_leads_to_the_alternates_round_from_the_remaining_candidates()
    {
        var rules = ElectionRules.Default with { AlternateSeats = 1 };
        var round = Round(seats: 2, candidates: 4, @base: 10, kind: ElectionKind.DelegationOfficial, rules: rules);
        var result = round.Count(Struck("c3", "c4").Times(6));
        var next = Assert.IsType<NextStep.AlternatesRound>(NextStep.After(round, result));
        Assert.Equal(["c3", "c4"], next.Candidates);
        Assert.Equal(1, next.Seats);
    }

    [Fact]
    public void Delegation_may_propose_those_who_passed_as_alternates_in_vote_order()
    {
        var rules = ElectionRules.Default with { AlternateSeats = 2, AlternatesPolicy = AlternatesPolicy.ProposePassedAsAlternates };
        var round = Round(seats: 2, candidates: 4, @base: 10, kind: ElectionKind.DelegationOfficial, rules: rules);
        var ballots = Struck("c3", "c4").Times(4).Concat(Struck("c2", "c4").Times(3)).Concat(Struck("c1", "c4").Times(3));
        var result = round.Count(ballots);
        Assert.Equal([7, 7, 6, 0], result.Candidates.Select(c => c.Votes));
        Assert.Equal(["c1", "c2"], result.Elected);
        var next = Assert.IsType<NextStep.PassedAsAlternatesProposal>(NextStep.After(round, result));
        Assert.Equal(["c3"], next.Candidates);
    }

    [Fact]
    public void Delegation_without_alternates_allocated_stops_after_the_official_round()
    {
        var round = Round(seats: 1, candidates: 2, @base: 10, kind: ElectionKind.DelegationOfficial);
        Assert.IsType<NextStep.None>(NextStep.After(round, round.Count(Struck("c2").Times(6))));
    }

    [Fact]
    public void Nomination_poll_admits_with_more_than_30_percent_of_those_present()
    {
        var poll = Poll(nominees: 3, present: 100);
        var ballots = Agree("c1").Times(31).Concat(Agree("c2").Times(30)).Concat(Marks(("c3", Mark.Disagree)).Times(39));
        var result = poll.Count(ballots);
        Assert.Equal(["c1"], result.Elected);
        Assert.Equal("31.00", result.Candidates.Single(c => c.Id == "c1").Percent);
        Assert.Null(result.Tie);
        Assert.Equal(0, result.Vacant);
        Assert.True(NominationPoll.Admitted(31, 100));
        Assert.False(NominationPoll.Admitted(30, 100));
        Assert.True(NominationPoll.Admitted(85, 281));
        Assert.False(NominationPoll.Admitted(84, 281));
    }

    [Fact]
    public void Nomination_poll_measures_against_present_not_base()
    {
        var poll = Poll(nominees: 1, present: 100, @base: 300);
        var result = poll.Count(Agree("c1").Times(40));
        Assert.Equal(["c1"], result.Elected);
        // FORMAT.md (issue 11): a poll's base is those present, the denominator of its percentages.
        Assert.Equal(100, result.Base);
        Assert.IsType<NextStep.None>(NextStep.After(poll, result));
    }
}
