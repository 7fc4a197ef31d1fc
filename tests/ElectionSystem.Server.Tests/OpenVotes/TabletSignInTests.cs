using System.Net;
using System.Net.Http.Json;
using ElectionSystem.Domain.Congress;
using ElectionSystem.Server.Features.Attendance;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.OpenVotes;
using ElectionSystem.Server.Features.Live;
using ElectionSystem.Server.Features.Tablet;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Tests.OpenVotes;

public class TabletSignInTests(OpenVotesHall hall) : IClassFixture<OpenVotesHall>
{
    [Fact]
    public async Task Signing_in_on_a_second_tablet_signs_the_first_out_at_once()
    {
        var d = await hall.DelegateAsync("Lê Văn Cường");
        var first = await hall.TabletTokenAsync(d);
        await using var firstHub = hall.HubConnection(first);
        var signedOut = new TaskCompletionSource<TabletSignedOut>(TaskCreationOptions.RunContinuationsAsynchronously);
        firstHub.On<TabletSignedOut>(nameof(ICongressClient.SignedOut), m => signedOut.TrySetResult(m));
        await firstHub.StartAsync();

        var second = await hall.TabletTokenAsync(d);

        var message = await signedOut.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(TabletSessions.SignedInElsewhere, message.Reason);

        using var oldTablet = hall.TabletClient(first);
        var refused = await oldTablet.GetAsync("/api/tablet/state");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains(TabletSessions.SignedInElsewhere, (await refused.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);

        // A new hub connection with the old token is refused too; the new tablet works.
        await using var again = hall.HubConnection(first);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => again.StartAsync());
        using var newTablet = hall.TabletClient(second);
        Assert.Equal(HttpStatusCode.OK, (await newTablet.GetAsync("/api/tablet/state")).StatusCode);
    }

    [Fact]
    public async Task A_delegate_not_checked_in_is_told_why_they_cannot_vote()
    {
        var d = await hall.DelegateAsync("Phạm Thị Dung", checkedIn: false);
        using var tablet = hall.TabletClient(await hall.TabletTokenAsync(d));
        var state = (await tablet.GetFromJsonAsync<TabletState>("/api/tablet/state"))!;
        Assert.Equal("Phạm Thị Dung", state.Delegate.FullName);
        Assert.False(state.Eligibility.MayVote);
        Assert.Equal(VotingEligibility.NotCheckedIn, state.Eligibility.Reason);
    }

    [Fact]
    public async Task An_alternate_not_summoned_is_told_why_even_when_checked_in()
    {
        var d = await hall.DelegateAsync("Hoàng Văn Em", category: DelegateCategory.Alternate);
        using var tablet = hall.TabletClient(await hall.TabletTokenAsync(d));
        var state = (await tablet.GetFromJsonAsync<TabletState>("/api/tablet/state"))!;
        Assert.False(state.Eligibility.MayVote);
        Assert.Equal(VotingEligibility.AlternateNotSummoned, state.Eligibility.Reason);
    }

    [Fact]
    public async Task A_summoned_alternate_who_is_checked_in_may_vote()
    {
        var absent = await hall.DelegateAsync("Vũ Văn Giang", checkedIn: false, absent: true);
        var d = await hall.DelegateAsync("Đỗ Thị Hạnh", category: DelegateCategory.Alternate, replaces: absent.Id);
        using var tablet = hall.TabletClient(await hall.TabletTokenAsync(d));
        var state = (await tablet.GetFromJsonAsync<TabletState>("/api/tablet/state"))!;
        Assert.True(state.Eligibility.MayVote);
    }

    [Fact]
    public async Task Organisers_issue_PIN_slips_once_and_only_hashes_are_kept()
    {
        var d = await hall.AddDelegateAsync("Ngô Văn Khoa");
        using var organiser = await hall.ClientAsync(Roles.Organiser);
        // Slips for everyone are printed before the congress opens: during it there is no bulk
        // generation (ADR 0010, StaffAccountDutiesTests), only one delegate's PIN with a member's approval.
        await hall.EnsureCurrentSessionAsync();
        HttpResponseMessage response = null!;
        PinSlips again = null!;
        await hall.BeforeTheCongressAsync(async () =>
        {
            response = await organiser.PostAsJsonAsync("/api/tablet/pins", new GeneratePinsRequest(false));
            again = (await (await organiser.PostAsJsonAsync("/api/tablet/pins", new GeneratePinsRequest(false))).Content.ReadFromJsonAsync<PinSlips>())!;
        });
        response.EnsureSuccessStatusCode();
        var slips = (await response.Content.ReadFromJsonAsync<PinSlips>())!;
        var slip = Assert.Single(slips.Slips, s => s.DelegateId == d.Id);
        Assert.Matches("^[0-9]{6}$", slip.Pin);

        var stored = await hall.WithDbAsync(db => db.DelegateCredentials.Where(c => c.DelegateId == d.Id).Select(c => c.PinHash).SingleAsync());
        Assert.DoesNotContain(slip.Pin, stored!, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await hall.SignInAsync(d.Code, slip.Pin)).StatusCode);

        // Without "replace", a second run leaves this delegate's PIN alone.
        Assert.DoesNotContain(again.Slips, s => s.DelegateId == d.Id);

        // A reset gives a new PIN; the old one stops working. In session it waits for a committee
        // member's approval, then the slip goes once to the organiser who asked (ADR 0010).
        var asked = await organiser.PostAsync($"/api/tablet/pins/{d.Id}/reset", null);
        var approved = await hall.ApproveAsync(asked);
        var reset = (await (await organiser.GetAsync($"/api/duties/{approved.Request.Id}")).Content
            .ReadFromJsonAsync<ElectionSystem.Server.Features.Duties.DutyResultDto>())!.Slips!;
        var newPin = Assert.Single(reset.Slips).Pin;
        if (newPin != slip.Pin)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await hall.SignInAsync(d.Code, slip.Pin)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await hall.SignInAsync(d.Code, newPin)).StatusCode);
        var audit = await hall.WithDbAsync(db => db.AuditEntries.Where(e => e.Action.StartsWith("tablet.pin")).Select(e => e.DataJson).ToListAsync());
        Assert.All(audit, json => Assert.DoesNotContain(newPin, json, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_organisers_issue_PINs()
    {
        using var presidium = await hall.ClientAsync(Roles.Presidium);
        var response = await presidium.PostAsJsonAsync("/api/tablet/pins", new GeneratePinsRequest(true));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
