using ElectionSystem.Domain.Elections;
using ElectionSystem.Server.Features.Elections;

namespace ElectionSystem.Server.Tests.Elections;

/// <summary>The one place rounds are named (tablets, projector, minutes all read it): DOMAIN.md §4.5 for a delegation.</summary>
public class RoundWordsTests
{
    private static ElectionRoundRow Row(ElectionKind kind, string purpose, int number) =>
        new() { Kind = kind.ToWire(), Purpose = purpose, Number = number };

    [Fact]
    public void A_delegations_ballots_are_phieu_1_for_officials_and_phieu_2_for_alternates_never_a_second_round()
    {
        Assert.Equal("Bầu đại biểu chính thức (phiếu 1)", RoundWords.Label(Row(ElectionKind.DelegationOfficial, RoundPurposes.Main, 1)));
        var alternates = RoundWords.Label(Row(ElectionKind.DelegationAlternate, RoundPurposes.Alternates, 2));
        Assert.Equal("Bầu đại biểu dự khuyết (phiếu 2)", alternates);
        Assert.DoesNotContain("lần thứ", alternates, StringComparison.Ordinal);
        Assert.Equal("Bầu đại biểu chính thức (phiếu 1), bầu lại giữa những người bằng phiếu",
            RoundWords.Label(Row(ElectionKind.DelegationOfficial, RoundPurposes.TieBreak, 2)));
    }

    [Fact]
    public void Other_elections_keep_their_round_numbers()
    {
        Assert.Equal("Bầu lần thứ nhất", RoundWords.Label(Row(ElectionKind.ExecutiveCommittee, RoundPurposes.Main, 1)));
        Assert.Equal("Bầu lần thứ hai (bầu lại giữa những người bằng phiếu)", RoundWords.Label(Row(ElectionKind.ExecutiveCommittee, RoundPurposes.TieBreak, 2)));
    }
}
