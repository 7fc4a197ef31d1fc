using ElectionSystem.Server.Features.Elections;

namespace ElectionSystem.Server.Tests.Elections;

/// <summary>Ban Kiểm phiếu sees who has not voted yet in an open round: names only, alphabetical.</summary>
public class CommitteeNotVotedTests(ElectionsHall hall) : IClassFixture<ElectionsHall>
{
    [Fact]
    public async Task The_committee_sees_who_holds_a_ballot_and_has_not_sent_it_names_only_in_alphabetical_order()
    {
        var seated = await hall.SeatAsync(3, "Chưa Bầu");
        var e = await hall.ElectionAsync(ElectionKinds.Other, "Bầu Bí thư thử nghiệm " + hall.Unique(""), 2,
            ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"]);
        var round = await hall.OpenNextRoundAsync(e.Id);
        await ElectionsHall.OkAsync<CastReceipt>(ElectionsHall.CastAsync(seated[0].Tablet, round.Id, ElectionsHall.NewKey(), ["c1"]));

        var counter = await hall.CounterAsync();
        var view = await ElectionsHall.OkAsync<CommitteeRoundDto>(counter.GetAsync($"/api/committee/rounds/{round.Id}"));

        Assert.DoesNotContain(seated[0].Delegate.FullName, view.NotVoted);
        Assert.Contains(seated[1].Delegate.FullName, view.NotVoted);
        Assert.Contains(seated[2].Delegate.FullName, view.NotVoted);
        Assert.Empty(view.NotVoted.Intersect(view.Voters));
        // Everyone present holds a ballot: the two lists together are the ballots issued.
        Assert.Equal(view.Issued, view.NotVoted.Count + view.Voters.Count);
        var alphabetical = new Domain.Names.BallotOrder().SortItems(view.NotVoted, n => n, _ => (DateOnly?)null).ToList();
        Assert.Equal(alphabetical, view.NotVoted);
    }
}
