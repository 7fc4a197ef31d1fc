using System.Text.Json;
using ElectionSystem.Domain.Congress;
using ElectionSystem.Domain.Elections;
using static ElectionSystem.Domain.Tests.Build;

namespace ElectionSystem.Domain.Tests;

/// <summary>
/// The ballot layout by example: the crypto spec's three shapes, each invalid rule reached by a
/// hand-made choice, and the description the tablet receives.
/// </summary>
public class BallotLayoutTests
{
    private static readonly BallotLayout FiveForThree = BallotLayout.Of(Round(seats: 3, candidates: 5));

    private static (int R, int K, int W, int Lo, int Hi) Shape(BallotLayoutDescription d) => (d.R, d.K, d.W, d.Lo, d.Hi);

    [Theory]
    [InlineData(5, 3)]
    [InlineData(2, 1)]
    [InlineData(13, 9)]
    [InlineData(60, 45)]
    public void Spec_example_list_with_surplus_is_valid_too_many_kept_all_struck_weighted_by_seats(int n, int s)
    {
        var d = BallotLayout.Of(Round(seats: s, candidates: n)).Describe();
        Assert.Equal((n, 3, s, 1 - s, 0), Shape(d));
        Assert.Equal(["valid", "too-many-kept", "all-struck"], d.Options.Select(o => o.Code));
        Assert.Equal([null, 2, 3], d.Options.Select(o => o.Rule));
        Assert.Equal([null, "over-seats", "all-struck"], d.Options.Select(o => o.Reason));
        Assert.Equal([0, 1, 2], d.Options.Select(o => o.Index));
        Assert.Equal(("strike-out", "kept", s), (d.Marking, d.RowMeaning, d.Seats));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Spec_example_one_candidate_is_valid_or_neither_or_both_weight_one(int seats)
    {
        var d = BallotLayout.Of(Round(seats: seats, candidates: 1)).Describe();
        Assert.Equal((1, 2, 1, -1, 0), Shape(d));
        Assert.Equal(["valid", "neither-or-both"], d.Options.Select(o => o.Code));
        Assert.Equal([null, 5], d.Options.Select(o => o.Rule));
        Assert.Equal(("marks", "agree"), (d.Marking, d.RowMeaning));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(45)]
    public void Spec_example_as_many_candidates_as_seats_has_only_valid_weight_n(int n)
    {
        var d = BallotLayout.Of(Round(seats: n, candidates: n)).Describe();
        Assert.Equal((n, 1, n, -n, 0), Shape(d));
        Assert.Equal(["valid"], d.Options.Select(o => o.Code));
        Assert.Equal("agree", d.RowMeaning);
    }

    [Fact]
    public void Fewer_candidates_than_seats_is_marked_like_a_list_without_surplus() =>
        Assert.Equal((2, 1, 2, -2, 0), Shape(BallotLayout.Of(Round(seats: 3, candidates: 2)).Describe()));

    [Fact]
    public void Nomination_poll_on_one_nominee_has_neither_or_both_and_on_several_only_valid()
    {
        Assert.Equal(["valid", "neither-or-both"], BallotLayout.Of(Poll(nominees: 1, present: 50)).Options.Select(o => o.Code));
        Assert.Equal((3, 1, 3, -3, 0), Shape(BallotLayout.Of(Poll(nominees: 3, present: 50)).Describe()));
    }

    [Fact]
    public void Rows_are_the_candidates_in_ballot_order_not_in_the_order_given()
    {
        var given = Candidates(4).Reverse().ToList();
        var round = new ElectionRound(ElectionKind.Other, 2, new CongressBase(10, 0, 0), 10, given);
        Assert.Equal(["c1", "c2", "c3", "c4"], BallotLayout.Of(round).Rows);
        Assert.Equal(["c1", "c2", "c3", "c4"], BallotLayout.Of(round).Describe().CandidateIds);
    }

    // --- Each rule reached by a hand-made choice, with every row 0 and its option alone 1

    [Fact]
    public void Keeping_more_than_the_seats_breaks_rule_2_and_says_how_many_seats()
    {
        var choice = Struck("c5").Content;
        var option = FiveForThree.Check(choice);
        Assert.Equal(("too-many-kept", 2, InvalidReason.OverSeats), (option.Code, option.Rule, option.Reason));
        Assert.Equal("Phiếu giữ lại nhiều hơn số lượng cần bầu (3 người)", option.ExplanationVi);
        AssertPlaintext([0, 0, 0, 0, 0], [0, 1, 0], FiveForThree.Encode(choice));
    }

    [Fact]
    public void An_untouched_surplus_ballot_breaks_rule_2() =>
        AssertPlaintext([0, 0, 0, 0, 0], [0, 1, 0], FiveForThree.Encode(Struck().Content));

    [Fact]
    public void Striking_every_name_breaks_rule_3()
    {
        var choice = Struck("c1", "c2", "c3", "c4", "c5").Content;
        Assert.Equal(("all-struck", 3), (FiveForThree.Check(choice).Code, FiveForThree.Check(choice).Rule));
        Assert.Equal("Phiếu gạch hết tên trong danh sách", FiveForThree.Check(choice).ExplanationVi);
        AssertPlaintext([0, 0, 0, 0, 0], [0, 0, 1], FiveForThree.Encode(choice));
    }

    [Theory]
    [InlineData(Mark.None)]
    [InlineData(Mark.Both)]
    public void One_candidate_with_neither_or_both_boxes_breaks_rule_5(Mark mark)
    {
        var layout = BallotLayout.Of(Round(seats: 1, candidates: 1));
        var option = layout.Check(Marks(("c1", mark)).Content);
        Assert.Equal(("neither-or-both", 5), (option.Code, option.Rule));
        Assert.Equal("Phiếu không đánh dấu hoặc đánh dấu cả hai ô", option.ExplanationVi);
        AssertPlaintext([0], [0, 1], layout.Encode(Marks(("c1", mark)).Content));
        AssertPlaintext([0], [0, 1], layout.Encode(Marks().Content));
    }

    // --- Valid choices keep their rows

    [Fact]
    public void A_valid_surplus_ballot_keeps_the_names_not_struck_even_a_name_struck_twice()
    {
        Assert.True(FiveForThree.Check(Struck("c2", "c4", "c4").Content).IsValid);
        AssertPlaintext([1, 0, 1, 0, 1], [1, 0, 0], FiveForThree.Encode(Struck("c2", "c4", "c4").Content));
        AssertPlaintext([0, 0, 0, 0, 1], [1, 0, 0], FiveForThree.Encode(Struck("c1", "c2", "c3", "c4").Content));
    }

    [Theory]
    [InlineData(Mark.Agree, 1)]
    [InlineData(Mark.Disagree, 0)]
    public void A_valid_one_candidate_ballot_is_its_agree_box(Mark mark, int row) =>
        AssertPlaintext([row], [1, 0], BallotLayout.Of(Round(1, 1)).Encode(Marks(("c1", mark)).Content));

    [Fact]
    public void On_several_rows_without_surplus_only_agree_counts_and_the_ballot_stays_valid() =>
        AssertPlaintext([1, 0, 0, 0], [1], BallotLayout.Of(Round(4, 4)).Encode(
            Marks(("c1", Mark.Agree), ("c2", Mark.Disagree), ("c3", Mark.Both)).Content));

    // --- What a tablet cannot send

    [Fact]
    public void A_name_not_on_the_list_is_refused_not_encoded()
    {
        Assert.Throws<ArgumentException>(() => FiveForThree.Encode(Struck("c4", "c5", "x").Content));
        Assert.Throws<ArgumentException>(() => BallotLayout.Of(Round(2, 2)).Check(Marks(("x", Mark.Agree)).Content));
    }

    [Fact]
    public void A_paper_ruling_or_the_other_list_shape_is_refused()
    {
        Assert.Throws<ArgumentException>(() => FiveForThree.Check(Invalid(InvalidReason.IdentifyingMark).Content));
        Assert.Throws<ArgumentException>(() => FiveForThree.Encode(Agree("c1").Content));
        Assert.Throws<ArgumentException>(() => BallotLayout.Of(Round(2, 2)).Encode(Struck("c1").Content));
    }

    // --- Decode

    [Fact]
    public void Decode_gives_votes_valid_and_invalid_by_reason()
    {
        var tally = FiveForThree.Decode([7, 0, 3, 9, 1], [10, 2, 1]);
        Assert.Equal((13, 10, 3), (tally.Collected, tally.Valid, tally.InvalidTotal));
        Assert.Equal([7, 0, 3, 9, 1], tally.Votes);
        Assert.Equal(new Dictionary<InvalidReason, int> { [InvalidReason.OverSeats] = 2, [InvalidReason.AllStruck] = 1 }, tally.Invalid);
        Assert.Empty(FiveForThree.Decode([0, 0, 0, 0, 0], [0, 0, 0]).Invalid);
    }

    [Theory]
    [InlineData(new[] { 1, 1, 1, 1 }, new[] { 1, 0, 0 })]      // four rows, not five
    [InlineData(new[] { 1, 1, 1, 0, 0 }, new[] { 1, 0 })]      // two options, not three
    [InlineData(new[] { 1, 1, 1, 0, -1 }, new[] { 1, 0, 0 })]  // a negative total
    [InlineData(new[] { 2, 1, 0, 0, 0 }, new[] { 1, 0, 0 })]   // a row over the valid ballots
    [InlineData(new[] { 1, 1, 1, 1, 0 }, new[] { 1, 0, 0 })]   // one valid ballot keeping four names for three seats
    [InlineData(new[] { 0, 0, 0, 0, 0 }, new[] { 1, 3, 0 })]   // a valid ballot keeping no name
    public void Decode_refuses_totals_no_ballots_of_the_layout_add_up_to(int[] rows, int[] options) =>
        Assert.Throws<ArgumentException>(() => FiveForThree.Decode(rows, options));

    [Fact]
    public void Rulings_and_unknown_names_fall_outside_the_options_and_decode_as_invalid_by_reason_only()
    {
        Assert.Equal(InvalidReason.AddedName, FiveForThree.OutsideReason(new BallotContent.PaperInvalid(InvalidReason.AddedName)));
        Assert.Equal(InvalidReason.UnknownCandidate, FiveForThree.OutsideReason(new BallotContent.Struck(["zz"])));
        Assert.Null(FiveForThree.OutsideReason(new BallotContent.Struck([])));    // over-seats: an option
        var t = FiveForThree.DecodeOutside(new Dictionary<InvalidReason, int> { [InvalidReason.AddedName] = 2, [InvalidReason.IdentifyingMark] = 1, [InvalidReason.Other] = 0 });
        Assert.Equal((3, 0), (t.Collected, t.Valid));
        Assert.Equal([0, 0, 0, 0, 0], t.Votes);
        Assert.Equal(new Dictionary<InvalidReason, int> { [InvalidReason.AddedName] = 2, [InvalidReason.IdentifyingMark] = 1 }, t.Invalid);
        Assert.Throws<ArgumentException>(() => FiveForThree.DecodeOutside(new Dictionary<InvalidReason, int> { [InvalidReason.OverSeats] = 1 }));
        Assert.Throws<ArgumentException>(() => FiveForThree.DecodeOutside(new Dictionary<InvalidReason, int> { [InvalidReason.AddedName] = -1 }));
    }

    // --- The description the tablet receives

    [Fact]
    public void Description_survives_json_both_ways_with_the_spec_names()
    {
        var d = FiveForThree.Describe();
        var json = JsonSerializer.Serialize(d, JsonSerializerOptions.Web);
        var back = JsonSerializer.Deserialize<BallotLayoutDescription>(json, JsonSerializerOptions.Web)!;
        Assert.Equal(json, JsonSerializer.Serialize(back, JsonSerializerOptions.Web));
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal((5, 3, 3, -2, 0), (root.GetProperty("r").GetInt32(), root.GetProperty("k").GetInt32(),
            root.GetProperty("w").GetInt32(), root.GetProperty("lo").GetInt32(), root.GetProperty("hi").GetInt32()));
        Assert.Equal("too-many-kept", root.GetProperty("options")[1].GetProperty("code").GetString());
        Assert.Equal(2, root.GetProperty("options")[1].GetProperty("rule").GetInt32());
        Assert.Contains("3 người", root.GetProperty("options")[1].GetProperty("explanation").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Counting_a_tally_of_another_list_is_refused() =>
        Assert.Throws<ArgumentException>(() => Round(3, 5).Count(new Tally(1, 1, new Dictionary<InvalidReason, int>(), [1, 1, 1])));

    private static void AssertPlaintext(int[] rows, int[] options, BallotPlaintext actual)
    {
        Assert.Equal(rows, actual.Rows);
        Assert.Equal(options, actual.Options);
    }
}
