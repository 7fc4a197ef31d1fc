using System.Net;
using System.Net.Http.Json;
using ElectionSystem.Server.Features.Admin;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.CheckIn;
using ElectionSystem.Server.Features.CongressSetup;
using ElectionSystem.Server.Features.Duties;
using ElectionSystem.Server.Features.Elections;
using ElectionSystem.Server.Features.Tablet;
using ElectionSystem.Server.Tests.Elections;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Tests.Security;

/// <summary>
/// Issue 13, finding 2 (ADR 0010): no one alone can act for a delegate or for the committee. Each
/// test replays what an organiser did alone before, and shows it refused now.
/// </summary>
public class SeparationOfDutiesTests(ElectionsHall hall) : IClassFixture<ElectionsHall>
{
    private static async Task<ProblemDetails> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ProblemDetails>())!;
    }

    // During the congress a new account waits for a member's approval and must set its own
    // password before it does anything (ADR 0010): the shared helper does both.
    private Task<HttpClient> NewAccountAsync(HttpClient organiser, string role) =>
        hall.NewStaffAccountAsync(organiser, hall.Unique("minted-"), role);

    [Fact]
    public async Task Organiser_alone_cannot_enable_an_absent_delegate_and_cast_for_them()
    {
        await hall.EnsureCurrentSessionAsync();
        var absent = await hall.AddDelegateAsync("Vắng Mặt Một Trăm");
        using var organiser = await hall.ClientAsync(Roles.Organiser);

        // 1. PIN reset: held for a member, no slip, no PIN stored.
        var reset = await organiser.PostAsync(new Uri($"/api/tablet/pins/{absent.Id}/reset", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Accepted, reset.StatusCode);
        var held = (await reset.Content.ReadFromJsonAsync<PendingDuty>())!;
        Assert.Contains("chờ một thành viên Ban Kiểm phiếu duyệt", held.Detail, StringComparison.Ordinal);
        Assert.Null(await hall.DbAsync(db => db.DelegateCredentials.Where(c => c.DelegateId == absent.Id).Select(c => c.PinHash).FirstOrDefaultAsync()));

        // 2. Manual check-in: the organiser is not a desk; a desk account it makes only asks.
        Assert.Equal(HttpStatusCode.Forbidden, (await organiser.PostAsJsonAsync("/api/checkin/manual", new ManualCheckInRequest(absent.Id))).StatusCode);
        using var mintedDesk = await NewAccountAsync(organiser, Roles.CheckInStaff);
        var manual = await mintedDesk.PostAsJsonAsync("/api/checkin/manual", new ManualCheckInRequest(absent.Id));
        Assert.Equal(HttpStatusCode.Accepted, manual.StatusCode);
        Assert.False(await hall.DbAsync(db => db.CheckIns.AnyAsync(c => c.DelegateId == absent.Id && c.UndoneAt == null)));

        // 3. The tablet: no PIN anybody approved, no sign-in, whatever PIN is tried.
        using var tablet = hall.AnonymousClient();
        await ProblemAsync(await tablet.PostAsJsonAsync("/api/tablet/signin", new TabletSignInRequest(null, absent.Code, "123456")), HttpStatusCode.Unauthorized);

        // With a member's approval the reset goes through; the slip goes once to the organiser who asked.
        var approved = await hall.ApproveAsync(held.RequestId);
        Assert.Equal(DutyStates.Approved, approved.Request.State);
        Assert.Null(approved.Slips); // the member never sees the PIN
        var result = await ElectionsHall.OkAsync<DutyResultDto>(organiser.GetAsync($"/api/duties/{held.RequestId}"));
        var pin = Assert.Single(result.Slips!.Slips).Pin;
        Assert.Null((await ElectionsHall.OkAsync<DutyResultDto>(organiser.GetAsync($"/api/duties/{held.RequestId}"))).Slips);
        Assert.True((await tablet.PostAsJsonAsync("/api/tablet/signin", new TabletSignInRequest(null, absent.Code, pin))).IsSuccessStatusCode);
        var audit = await hall.DbAsync(db => db.AuditEntries.Where(e => e.Action == "duty.approved" && e.Subject == $"delegate:{absent.Code}").Select(e => e.DataJson).SingleAsync());
        Assert.Contains("(organiser)", audit, StringComparison.Ordinal); // who asked
        Assert.Contains(hall.CommitteeCodes[0], audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_organiser_minted_counting_account_cannot_confirm_two_members_can()
    {
        var seated = await hall.SeatAsync(2);
        var e = await hall.ElectionAsync(ElectionKinds.Other, "Bầu thử tách nhiệm vụ " + hall.Unique(""), 1, ["Nguyễn Văn An", "Trần Thị Bình"]);
        var round = await hall.OpenNextRoundAsync(e.Id);
        await ElectionsHall.OkAsync<CastReceipt>(ElectionsHall.CastAsync(seated[0].Tablet, round.Id, ElectionsHall.NewKey(), ["c2"]));
        var member1 = await hall.CounterAsync();
        await ElectionsHall.OkAsync<CommitteeRoundDto>(member1.PostAsync($"/api/committee/rounds/{round.Id}/close", null));

        using var organiser = await hall.ClientAsync(Roles.Organiser);
        using var minted = await NewAccountAsync(organiser, Roles.CountingCommittee);
        var confirm = $"/api/committee/rounds/{round.Id}/confirm";
        Assert.Equal(RoundConfirmation.NotAMember, (await ProblemAsync(await minted.PostAsync(confirm, null), HttpStatusCode.Forbidden)).Detail);
        // Any account with the role, not only a new one: still not a member.
        using var account = await hall.ClientAsync(Roles.CountingCommittee);
        await ProblemAsync(await account.PostAsync(confirm, null), HttpStatusCode.Forbidden);
        // It may still read the round (view, close and announce stay with the role).
        Assert.True((await account.GetAsync($"/api/committee/rounds/{round.Id}")).IsSuccessStatusCode);

        await ElectionsHall.OkAsync<CommitteeRoundDto>(member1.PostAsync(confirm, null));
        await ProblemAsync(await member1.PostAsync(confirm, null), HttpStatusCode.Conflict);
        var confirmed = await ElectionsHall.OkAsync<CommitteeRoundDto>((await hall.SecondCounterAsync()).PostAsync(confirm, null));
        Assert.Equal("confirmed", confirmed.State);
        Assert.Equal(2, confirmed.Confirmations.Select(c => c.By).Distinct().Count());
    }

    [Fact]
    public async Task Only_a_member_approves_and_never_for_themself_and_their_tablet_stays_signed_in()
    {
        await hall.EnsureCurrentSessionAsync();
        var member1 = await hall.CounterAsync();
        var code1 = hall.CommitteeCodes[0];
        var id1 = await hall.DbAsync(db => db.Delegates.Where(d => d.Code == code1).Select(d => d.Id).SingleAsync());

        // Member 1's tablet is signed in; the committee sign-in does not end it.
        using var anon = hall.AnonymousClient();
        var tabletToken = (await ElectionsHall.OkAsync<TabletSignInResponse>(anon.PostAsJsonAsync("/api/tablet/signin",
            new TabletSignInRequest(null, code1, Infrastructure.HallFactory.MemberPin)))).AccessToken;
        await hall.MemberTokenAsync(code1);
        using var tablet = hall.AnonymousClient();
        tablet.DefaultRequestHeaders.Authorization = new("Bearer", tabletToken);
        Assert.True((await tablet.GetAsync("/api/tablet/state")).IsSuccessStatusCode);

        using var organiser = await hall.ClientAsync(Roles.Organiser);
        var reset = await organiser.PostAsync(new Uri($"/api/tablet/pins/{id1}/reset", UriKind.Relative), null);
        var held = (await reset.Content.ReadFromJsonAsync<PendingDuty>())!;
        var approve = $"/api/duties/{held.RequestId}/approve";
        Assert.Equal(DutyDecisions.NotYourOwn, (await ProblemAsync(await member1.PostAsync(approve, null), HttpStatusCode.Forbidden)).Detail);
        using var account = await hall.ClientAsync(Roles.CountingCommittee);
        Assert.Equal(DutyDecisions.NotAMember, (await ProblemAsync(await account.PostAsync(approve, null), HttpStatusCode.Forbidden)).Detail);
        Assert.Equal(HttpStatusCode.Forbidden, (await organiser.PostAsync(approve, null)).StatusCode);

        // A delegate who is not on the list gets no committee session.
        var outsider = (await hall.SeatAsync(1))[0];
        await ProblemAsync(await anon.PostAsJsonAsync("/api/committee/signin", new TabletSignInRequest(null, outsider.Delegate.Code, ElectionsHall.Pin)), HttpStatusCode.Forbidden);

        // The request is about a member (member 1's own PIN): one other member's approval is not
        // enough any more, it takes two (StaffAccountDutiesTests); the same member cannot count twice.
        var done = await hall.ApproveAsync(held.RequestId, await hall.SecondCounterAsync());
        Assert.Equal((DutyStates.Pending, "1/2 thành viên đã duyệt"), (done.Request.State, done.Request.ApprovalsVi));
        await ProblemAsync(await (await hall.SecondCounterAsync()).PostAsync(approve, null), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_committee_screen_lists_every_request_and_the_accounts_made_during_the_congress()
    {
        using var organiser = await hall.ClientAsync(Roles.Organiser);
        var session = await ElectionsHall.OkAsync<SessionDto>(organiser.PostAsJsonAsync("/api/congress/sessions",
            new SessionCreate(hall.Unique("Phiên "), new DateOnly(2025, 10, 15), null)));
        (await organiser.PostAsync(new Uri($"/api/congress/sessions/{session.Id}/current", UriKind.Relative), null)).EnsureSuccessStatusCode();
        using var minted = await NewAccountAsync(organiser, Roles.CountingCommittee);
        var d = await hall.AddDelegateAsync("Cấp Lại Thẻ");

        var reissue = await organiser.PostAsync(new Uri($"/api/badges/{d.Code}/reissue", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Accepted, reissue.StatusCode);
        var held = (await reissue.Content.ReadFromJsonAsync<PendingDuty>())!;
        var member = await hall.CounterAsync();
        var board = await ElectionsHall.OkAsync<DutyBoardDto>(member.GetAsync("/api/duties"));
        var pending = Assert.Single(board.Pending, r => r.Id == held.RequestId);
        Assert.Equal((DutyKinds.BadgeReissue, d.Code, "Chờ duyệt"), (pending.Kind, pending.DelegateCode, pending.StateVi));
        Assert.Contains(board.Accounts, a => a.Action == "account.created" && minted.DefaultRequestHeaders.Authorization is not null && a.Account.StartsWith("minted-", StringComparison.Ordinal));

        await ElectionsHall.OkAsync<DutyResultDto>(member.PostAsync($"/api/duties/{held.RequestId}/refuse", null));
        board = await ElectionsHall.OkAsync<DutyBoardDto>(member.GetAsync("/api/duties"));
        Assert.DoesNotContain(board.Pending, r => r.Id == held.RequestId);
        Assert.Equal(DutyStates.Refused, Assert.Single(board.Decided, r => r.Id == held.RequestId).State);
        Assert.Equal(d.BadgeVersion, await hall.DbAsync(db => db.Delegates.Where(x => x.Id == d.Id).Select(x => x.BadgeVersion).SingleAsync()));
    }

    [Fact]
    public async Task The_committee_is_set_by_the_presidium_from_a_passed_open_vote_named_from_the_delegates_and_ends_former_members_sessions()
    {
        await hall.SeatAsync(3);
        using var before = await hall.CounterAsync(); // a member of the list this replaces
        var members = await hall.DbAsync(db => db.Delegates.OrderBy(x => x.Code).Take(2).Select(x => new { x.Id, x.FullName }).ToListAsync());
        var body = new SetCommitteeRequest(Guid.Empty, [new(members[0].Id, true), new(members[1].Id, false)]);
        using var organiser = await hall.ClientAsync(Roles.Organiser);
        Assert.Equal(HttpStatusCode.Forbidden, (await organiser.PutAsJsonAsync("/api/elections/committee-members", body with { OpenVoteId = Guid.NewGuid() })).StatusCode);

        var presidium = await hall.PresidiumAsync();
        var failed = await hall.DecisionAsync("Bầu Ban Kiểm phiếu (không thông qua)", 0);
        await ProblemAsync(await presidium.PutAsJsonAsync("/api/elections/committee-members", body with { OpenVoteId = failed }), HttpStatusCode.Conflict);
        var passed = await hall.DecisionAsync("Bầu Ban Kiểm phiếu", 1000);
        var list = await ElectionsHall.OkAsync<List<CommitteeMemberDto>>(presidium.PutAsJsonAsync("/api/elections/committee-members", body with { OpenVoteId = passed }));
        Assert.Equal([(members[0].FullName, true), (members[1].FullName, false)], list.Select(m => (m.FullName, m.IsChair)));
        // Off the list, the former member's session stops at once.
        Assert.Equal(HttpStatusCode.Unauthorized, (await before.GetAsync("/api/committee/rounds")).StatusCode);
        // Put the test committee back for the other tests of this class.
        await hall.SetCommitteeAsync(("Kiểm phiếu Một", true), ("Kiểm phiếu Hai", false));
    }
}
