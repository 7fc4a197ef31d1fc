using ElectionSystem.Domain.Elections;
using static ElectionSystem.Domain.Tests.Build;

namespace ElectionSystem.Domain.Tests;

/// <summary>DOMAIN.md §4.2 and FORMAT.md's precedence of reasons.</summary>
public class BallotValidityTests
{
    private static readonly ElectionRound FiveForThree = Round(seats: 3, candidates: 5);

    [Fact]
    public void Retaining_as_many_names_as_seats_is_valid() =>
        Assert.Null(FiveForThree.Check(Struck("c4", "c5").Content));

    [Fact]
    public void Retaining_fewer_names_than_seats_is_valid() =>
        Assert.Null(FiveForThree.Check(Struck("c2", "c3", "c4", "c5").Content));

    [Fact]
    public void Retaining_more_names_than_seats_is_invalid() =>
        Assert.Equal(InvalidReason.OverSeats, FiveForThree.Check(Struck("c5").Content));

    [Fact]
    public void Untouched_surplus_ballot_is_invalid_over_seats() =>
        Assert.Equal(InvalidReason.OverSeats, FiveForThree.Check(Struck().Content));

    [Fact]
    public void All_names_struck_is_invalid() =>
        Assert.Equal(InvalidReason.AllStruck, FiveForThree.Check(Struck("c1", "c2", "c3", "c4", "c5").Content));

    [Fact]
    public void A_name_struck_twice_is_struck_once() =>
        Assert.Equal(InvalidReason.OverSeats, FiveForThree.Check(Struck("c5", "c5").Content));

    [Fact]
    public void Striking_an_id_not_on_the_list_is_invalid_unknown_candidate() =>
        Assert.Equal(InvalidReason.UnknownCandidate, FiveForThree.Check(Struck("c4", "c5", "c9").Content));

    [Fact]
    public void Marking_an_id_not_on_the_list_is_invalid_unknown_candidate() =>
        Assert.Equal(InvalidReason.UnknownCandidate, Round(2, 2).Check(Marks(("c1", Mark.Agree), ("x", Mark.None)).Content));

    [Theory]
    [InlineData(InvalidReason.NotIssued)]
    [InlineData(InvalidReason.AddedName)]
    [InlineData(InvalidReason.IdentifyingMark)]
    [InlineData(InvalidReason.Other)]
    public void Counting_committee_ruling_on_a_paper_ballot_is_its_reason(InvalidReason reason) =>
        Assert.Equal(reason, FiveForThree.Check(Invalid(reason).Content));

    [Fact]
    public void Only_paper_reasons_can_be_ruled_by_hand() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new BallotContent.PaperInvalid(InvalidReason.OverSeats));

    [Fact]
    public void Unknown_candidate_comes_before_over_seats() =>
        Assert.Equal(InvalidReason.UnknownCandidate, FiveForThree.Check(Struck("x").Content));

    [Fact]
    public void Unknown_candidate_comes_before_all_struck() =>
        Assert.Equal(InvalidReason.UnknownCandidate, FiveForThree.Check(Struck("c1", "c2", "c3", "c4", "c5", "x").Content));

    [Fact]
    public void Unknown_candidate_comes_before_no_choice() =>
        Assert.Equal(InvalidReason.UnknownCandidate, Round(1, 1).Check(Marks(("c1", Mark.Both), ("x", Mark.Agree)).Content));

    [Fact]
    public void Reasons_are_declared_in_the_precedence_of_the_format() =>
        Assert.Equal(
            ["not-issued", "added-name", "identifying-mark", "other", "unknown-candidate", "over-seats", "all-struck", "no-choice"],
            Enum.GetValues<InvalidReason>().Select(r => r.ToWire()));

    [Theory]
    [InlineData(Mark.Agree, null)]
    [InlineData(Mark.Disagree, null)]
    [InlineData(Mark.None, InvalidReason.NoChoice)]
    [InlineData(Mark.Both, InvalidReason.NoChoice)]
    public void One_candidate_ballot_with_neither_or_both_boxes_is_invalid(Mark mark, InvalidReason? expected) =>
        Assert.Equal(expected, Round(1, 1).Check(Marks(("c1", mark)).Content));

    [Theory]
    [InlineData(Mark.None)]
    [InlineData(Mark.Both)]
    public void Nomination_poll_on_one_nominee_with_neither_or_both_boxes_is_no_choice(Mark mark) =>
        Assert.Equal(InvalidReason.NoChoice, Poll(nominees: 1, present: 50).Check(Marks(("c1", mark)).Content));

    [Fact]
    public void Nomination_poll_on_several_nominees_row_with_neither_or_both_does_not_count() =>
        Assert.Null(Poll(nominees: 2, present: 50).Check(Marks(("c1", Mark.Both)).Content));

    [Fact]
    public void One_candidate_ballot_with_no_row_at_all_is_no_choice() =>
        Assert.Equal(InvalidReason.NoChoice, Round(1, 1).Check(Marks().Content));

    [Fact]
    public void Multi_row_list_without_surplus_row_with_neither_or_both_does_not_count_but_ballot_stays_valid()
    {
        var round = Round(seats: 3, candidates: 3);
        var ballot = Marks(("c1", Mark.Agree), ("c2", Mark.Both), ("c3", Mark.None));
        Assert.Null(round.Check(ballot.Content));
        var result = round.Count([ballot]);
        Assert.Equal([1, 0, 0], result.Candidates.Select(c => c.Votes));
        Assert.Equal(1, result.Valid);
    }

    [Fact]
    public void Multi_row_list_without_surplus_all_disagree_is_valid() =>
        Assert.Null(Round(2, 2).Check(Marks(("c1", Mark.Disagree), ("c2", Mark.Disagree)).Content));

    [Fact]
    public void List_with_surplus_is_struck_out_and_list_without_surplus_is_marked()
    {
        Assert.Equal(ListKind.WithSurplus, Round(3, 5).ListKind);
        Assert.Equal(ListKind.WithoutSurplus, Round(3, 3).ListKind);
        Assert.Equal(ListKind.OneCandidate, Round(1, 1).ListKind);
        Assert.Equal(ListKind.NominationPoll, Poll(4, 100).ListKind);
    }

    [Fact]
    public void Marks_on_a_list_with_surplus_are_refused_as_a_programming_error() =>
        Assert.Throws<ArgumentException>(() => FiveForThree.Check(Agree("c1").Content));
}
