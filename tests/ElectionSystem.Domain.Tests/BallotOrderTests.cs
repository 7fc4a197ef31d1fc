using System.Globalization;
using ElectionSystem.Domain.Elections;
using ElectionSystem.Domain.Names;
using static ElectionSystem.Domain.Tests.Build;

namespace ElectionSystem.Domain.Tests;

/// <summary>DOMAIN.md §4.1: Vietnamese ballot order.</summary>
public class BallotOrderTests
{
    private static List<string> SortGiven(params string[] givenNames) =>
        BallotOrder.Sort(givenNames.Select(g => "Nguyễn Văn " + g), n => n, _ => null).Select(n => n.Split(' ')[^1]).ToList();

    [Theory]
    [InlineData("a", "ă", "â")]
    [InlineData("d", "đ")]
    [InlineData("e", "ê")]
    [InlineData("o", "ô", "ơ")]
    [InlineData("u", "ư")]
    public void Vietnamese_letters_follow_the_alphabet_not_code_points(params string[] inOrder)
    {
        Assert.Equal(inOrder, SortGiven(inOrder.Reverse().ToArray()));
        // Whole names: the letter decides before anything that follows it.
        var names = inOrder.Select(l => l + "nh").ToArray();
        Assert.Equal(names, SortGiven(names.Reverse().ToArray()));
    }

    [Fact]
    public void Tones_are_ordered_unmarked_huyen_hoi_nga_sac_nang()
    {
        string[] tones = ["Ha", "Hà", "Hả", "Hã", "Há", "Hạ"];
        Assert.Equal(tones, SortGiven(tones.Reverse().ToArray()));
        string[] onAnotherVowel = ["Tu", "Tù", "Tủ", "Tũ", "Tú", "Tụ", "Tư", "Từ", "Tử", "Tữ", "Tứ", "Tự"];
        Assert.Equal(onAnotherVowel, SortGiven(onAnotherVowel.Reverse().ToArray()));
    }

    [Fact]
    public void Tone_decides_only_between_otherwise_equal_letters() =>
        // Hà before Hai: the letters differ (end of word before i), and that comes before the tone.
        Assert.Equal(["Ha", "Hà", "Hai", "Hài", "Hải", "Hàn"], SortGiven("Hàn", "Hải", "Hài", "Hai", "Hà", "Ha"));

    [Fact]
    public void Dj_sorts_after_all_of_d_not_next_to_it_by_code_point() =>
        Assert.Equal(["Dũng", "Duy", "Đào", "Đức", "Giang"], SortGiven("Giang", "Đức", "Duy", "Đào", "Dũng"));

    [Fact]
    public void Ballot_order_is_by_given_name_first()
    {
        var sorted = BallotOrder.Sort(["Nguyễn Văn Bình", "Trần Thị An", "Lê Minh Đức"], n => n, _ => null);
        Assert.Equal(["Trần Thị An", "Nguyễn Văn Bình", "Lê Minh Đức"], sorted);
    }

    [Fact]
    public void Same_given_name_orders_by_family_name_then_middle_name()
    {
        var sorted = BallotOrder.Sort(["Trần Văn An", "Nguyễn Văn An", "Nguyễn Thị An", "Lê An"], n => n, _ => null);
        Assert.Equal(["Lê An", "Nguyễn Thị An", "Nguyễn Văn An", "Trần Văn An"], sorted);
    }

    [Fact]
    public void Identical_names_order_by_earlier_birth_date()
    {
        var people = new[]
        {
            new Candidate("a", "Nguyễn Văn An", new DateOnly(1970, 5, 1)),
            new Candidate("b", "Nguyễn Văn An", new DateOnly(1965, 1, 2)),
            new Candidate("c", "Nguyễn Văn An"),
        };
        Assert.Equal(["b", "a", "c"], BallotOrder.Sort(people, p => p.FullName, p => p.BirthDate).Select(p => p.Id));
    }

    [Fact]
    public void Birth_date_tie_order_is_configurable()
    {
        var people = new[]
        {
            new Candidate("a", "Nguyễn Văn An", new DateOnly(1970, 5, 1)),
            new Candidate("b", "Nguyễn Văn An", new DateOnly(1965, 1, 2)),
        };
        var rules = ElectionRules.Default with { BirthDateOrder = BirthDateOrder.LaterFirst };
        var round = new ElectionRound(ElectionKind.Other, 1, new Congress.CongressBase(10, 0, 0), 10, people, rules);
        Assert.Equal(["a", "b"], round.InBallotOrder.Select(p => p.Id));
        Assert.Equal(["b", "a"], new ElectionRound(ElectionKind.Other, 1, new Congress.CongressBase(10, 0, 0), 10, people).InBallotOrder.Select(p => p.Id));
    }

    [Fact]
    public void Ballot_order_ignores_case_and_spacing_of_names()
    {
        var key1 = BallotOrder.KeyOf("nguyễn  văn an", null);
        var key2 = BallotOrder.KeyOf("Nguyễn Văn Bình", null);
        Assert.True(BallotOrder.Instance.Compare(key1, key2) < 0);
        Assert.Equal(0, BallotOrder.CompareText("an", "AN"));
    }

    [Fact]
    public void Decomposed_and_composed_names_are_the_same_name()
    {
        var nfd = "Nguyễn Văn Đức".Normalize(System.Text.NormalizationForm.FormD);
        Assert.Equal(0, BallotOrder.Instance.Compare(new BallotOrder.Entry(nfd, null), new BallotOrder.Entry("Nguyễn Văn Đức", null)));
    }

    [Fact]
    public void Ballot_order_uses_icu_vi_vn_not_ordinal()
    {
        // Ordinal would put "Ân" (U+00C2) before "Ăn" (U+0102) and "Đ" after every Latin letter.
        var vi = CultureInfo.GetCultureInfo("vi-VN").CompareInfo;
        Assert.True(vi.Compare("Ăn", "Ân", CompareOptions.IgnoreCase) < 0);
        Assert.True(string.CompareOrdinal("Ăn", "Ân") > 0);
        Assert.Equal(["Ăn", "Ân"], SortGiven("Ân", "Ăn"));
    }

    [Fact]
    public void Result_lists_candidates_in_ballot_order()
    {
        var round = new ElectionRound(ElectionKind.Other, 1, new Congress.CongressBase(10, 0, 0), 10,
            [new Candidate("x", "Trần Thị Hà"), new Candidate("y", "Phạm Quốc Anh"), new Candidate("z", "Lê Minh Đức")]);
        Assert.Equal(["y", "z", "x"], round.Count([]).Candidates.Select(c => c.Id));
    }
}
