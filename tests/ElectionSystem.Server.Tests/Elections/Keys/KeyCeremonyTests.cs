using System.Net;
using System.Net.Http.Json;
using ElectionSystem.Crypto;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Elections;

namespace ElectionSystem.Server.Tests.Elections.Keys;

/// <summary>
/// The key ceremony through the public API (issue 14): k of n over the committee's list, each step
/// from the member's own session; a complaint fails it; a clean one yields pk = Π C_{i,0} and K_j = g^(x_j);
/// no new ceremony once an encrypted round has opened.
/// </summary>
public class KeyCeremonyTests(ElectionsHall hall) : IClassFixture<ElectionsHall>
{
    [Fact]
    public async Task A_complaint_fails_the_ceremony_and_a_clean_one_gives_the_joint_key_that_any_k_shares_open()
    {
        var members = await Trustees.SignInAsync(hall, 5);
        var presidium = await hall.PresidiumAsync();
        Assert.Equal(HttpStatusCode.BadRequest, (await presidium.PostAsJsonAsync("/api/ceremony", new StartCeremonyRequest(6))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await presidium.PostAsJsonAsync("/api/ceremony", new StartCeremonyRequest(1))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await members[0].Client.PostAsJsonAsync("/api/ceremony", new StartCeremonyRequest(3))).StatusCode);

        // Dealer 2 sends member 4 a share that does not match its commitments: member 4 complains, the ceremony fails.
        var failed = await Trustees.CeremonyAsync(hall, members, 3, corrupt: (dealer, recipient) => dealer == 2 && recipient == 4, beforeVerifying: async () =>
        {
            // A complaint about no dealer, or about oneself, is bad input and changes nothing.
            foreach (int[] bad in (int[][])[[0], [6], [1]])
            {
                var response = await members[0].Client.PostAsJsonAsync("/api/ceremony/verification", new VerificationRequest(bad));
                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            }
        });
        var view = await ElectionsHall.OkAsync<CeremonyDto>(presidium.GetAsync("/api/ceremony"));
        Assert.Equal(CeremonyStates.Failed, view.State);
        Assert.Null(view.PublicKey);
        Assert.Contains("Thành viên 4", view.Failure);
        Assert.Contains("từ: 2", view.Failure);
        Assert.Equal([2], view.Members.Single(m => m.Index == 4).Complaints);
        _ = failed;

        // A staff account with the committee's role is not a member: refused at every step.
        using var account = await hall.ClientAsync(Roles.CountingCommittee);
        var ready = await Trustees.CeremonyAsync(hall, members, 3);
        Assert.Equal(HttpStatusCode.Forbidden, (await account.GetAsync("/api/ceremony/shares")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await account.PostAsJsonAsync("/api/ceremony/verification", new VerificationRequest([]))).StatusCode);
        Assert.Equal(CeremonyStates.Ready, ready.State);
        Assert.Equal((3, 5), (ready.K, ready.N));

        // pk = Π_i C_{i,0}; K_j = g^(x_j) for every member; any 3 shares interpolate to the secret behind pk.
        var pk = Group.DecodeElement(ready.PublicKey!);
        Assert.Equal(ThresholdKey.JointPublicKey(members.Select(m => m.Dealing!.Commitments)), pk);
        foreach (var m in members)
        {
            Assert.Equal(Group.GPow(m.Share), Group.DecodeElement(ready.Members.Single(x => x.Index == m.Index).VerificationKey!));
        }
        foreach (int[] set in (int[][])[[1, 3, 5], [2, 3, 4]])
        {
            var secret = set.Aggregate(Scalar.Zero, (acc, j) => acc + ThresholdDecryption.LagrangeAtZero(j, set) * members.Single(m => m.Index == j).Share);
            Assert.Equal(pk, Group.GPow(secret));
        }
        // Two shares are not enough: they interpolate to another point.
        int[] two = [1, 2];
        Assert.NotEqual(pk, Group.GPow(two.Aggregate(Scalar.Zero, (acc, j) => acc + ThresholdDecryption.LagrangeAtZero(j, two) * members.Single(m => m.Index == j).Share)));

        // A step out of turn is refused.
        Assert.Equal(HttpStatusCode.Conflict, (await members[0].Client.PostAsJsonAsync("/api/ceremony/box-key", new BoxKeyRequest(new string('a', 64)))).StatusCode);

        // Once a round has opened encrypted to this key, no new ceremony.
        var seated = await hall.SeatAsync(2);
        var e = await hall.ElectionAsync(ElectionKinds.Other, "Bầu thử khóa", 1, ["Ứng viên Khóa"]);
        var round = await hall.OpenNextRoundAsync(e.Id);
        var ballot = await ElectionsHall.OkAsync<TabletBallotState>(seated[0].Tablet.GetAsync("/api/elections/ballot"));
        Assert.Equal(round.Id, ballot.Ballot!.RoundId);
        Assert.Equal(ready.PublicKey, ballot.Ballot.Encryption!.PublicKey);
        var again = await presidium.PostAsJsonAsync("/api/ceremony", new StartCeremonyRequest(3));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }
}
