using System.Net;
using ElectionSystem.Domain.Elections;
using ElectionSystem.Server.Features.Elections;
using Microsoft.Extensions.DependencyInjection;

namespace ElectionSystem.Server.Tests.Elections.Keys;

/// <summary>A tablet cannot spend the hall's CPU on pre-checks: <see cref="ProofPrechecks.PerDelegate"/> a round, then 429, unchecked.</summary>
public class PrecheckLimitTests(ElectionsHall hall) : IClassFixture<ElectionsHall>
{
    [Fact]
    public async Task A_delegate_gets_the_limit_of_prechecks_a_round_then_429_and_nothing_is_checked()
    {
        var members = await Trustees.SignInAsync(hall, 3);
        await Trustees.CeremonyAsync(hall, members, 2);
        var seated = await hall.SeatAsync(2);
        var election = await hall.ElectionAsync(ElectionKinds.Other, "Bầu thử giới hạn kiểm tra", 1, ["Hoàng Văn Em"]);
        var round = await hall.OpenNextRoundAsync(election.Id);
        var (view, layout) = await EncryptedCasting.OpenAsync(seated[0], round.Id, ElectionKind.Other);
        var only = layout.Rows[0];
        var ballot = EncryptedCasting.Encrypt(view, layout, [(0, new BallotContent.Marks(new Dictionary<string, Mark> { [only] = Mark.Agree }))])[0];
        var gate = hall.Services.GetRequiredService<ProofCheckGate>();

        for (var i = 0; i < ProofPrechecks.PerDelegate; i++)
            Assert.Equal(ballot.Tracker, (await ElectionsHall.OkAsync<EncryptedBallotCheck>(EncryptedPrecheckTests.Precheck(seated[0], round.Id, ballot.Json))).Tracker);
        var checkedSoFar = gate.Verified;
        await EncryptedRoundTests.RefusedAsync(EncryptedPrecheckTests.Precheck(seated[0], round.Id, ballot.Json), (HttpStatusCode)429,
            $"{ProofPrechecks.PerDelegate} lần");
        Assert.Equal(checkedSoFar, gate.Verified);

        // Another delegate is not held by it; the cast of the pre-checked ballot goes in as ever, unchecked.
        await ElectionsHall.OkAsync<EncryptedBallotCheck>(EncryptedPrecheckTests.Precheck(seated[1], round.Id, ballot.Json));
        Assert.Equal(ballot.Tracker, (await ElectionsHall.OkAsync<CastReceipt>(EncryptedRoundTests.Cast(seated[0], round.Id, ElectionsHall.NewKey(), ballot.Json))).Receipt);
        Assert.Equal(checkedSoFar + 1, gate.Verified);
    }
}
