using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Admin;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.CheckIn;
using ElectionSystem.Server.Features.Duties;
using ElectionSystem.Server.Features.Tablet;
using ElectionSystem.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Tests.Security;

/// <summary>
/// Issue 13, open problems 2–4 (ADR 0010): the organiser knew every staff password it made and could
/// make or reset a desk account during the congress alone; one member could approve a PIN reset for
/// another member, the slip going to the organiser; and bulk PIN generation needed no one. Each test
/// replays what was possible and shows it refused now.
/// </summary>
public class StaffAccountDutiesTests(StaffAccountsHall hall) : IClassFixture<StaffAccountsHall>
{
    private static async Task<ProblemDetails> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<ProblemDetails>())!;
    }

    private static async Task<T> OkAsync<T>(Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    private HttpClient Bearer(string token)
    {
        var client = hall.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task<HttpStatusCode> LoginStatusAsync(string userName, string password)
    {
        using var anon = hall.AnonymousClient();
        return (await anon.PostAsJsonAsync("/api/auth/login", new LoginRequest(userName, password))).StatusCode;
    }

    // Was: POST /api/accounts answered 200 with a password the organiser kept, and the desk account
    // worked at once with it (check-in and vote path for an absent delegate).
    [Fact]
    public async Task A_desk_account_made_during_the_congress_waits_for_a_member_then_must_set_its_own_password_and_the_organisers_stops_working()
    {
        await hall.ReadyAsync();
        using var organiser = await hall.ClientAsync(Roles.Organiser);
        var userName = hall.Unique("ban-diem-danh-");

        var asked = await organiser.PostAsJsonAsync("/api/accounts", new AccountCreate(userName, "Bàn điểm danh", Roles.CheckInStaff));
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        var held = (await asked.Content.ReadFromJsonAsync<PendingDuty>())!;
        Assert.Equal((DutyKinds.AccountCreate, userName), (held.Kind, held.Account));
        Assert.Contains("chờ một thành viên Ban Kiểm phiếu duyệt", held.Detail, StringComparison.Ordinal);
        Assert.False(await hall.WithDbAsync(db => db.Accounts.AnyAsync(a => a.UserName == userName)));

        // The board shows it with the account's user name and role, pending.
        using var memberB = await hall.MemberAsync(1);
        var board = await OkAsync<DutyBoardDto>(memberB.GetAsync(new Uri("/api/duties", UriKind.Relative)));
        var row = Assert.Single(board.Pending, r => r.Id == held.RequestId);
        Assert.Equal((userName, Roles.CheckInStaff, "Tạo tài khoản", "0/1 thành viên đã duyệt"), (row.AccountUserName, row.AccountRole, row.KindVi, row.ApprovalsVi));

        var approved = await hall.ApproveAsync(held.RequestId, memberB);
        Assert.Equal(DutyStates.Approved, approved.Request.State);
        Assert.Null(approved.TemporaryPassword); // the member never sees it
        var result = await OkAsync<DutyResultDto>(organiser.GetAsync(new Uri($"/api/duties/{held.RequestId}", UriKind.Relative)));
        var temporary = result.TemporaryPassword!;
        Assert.Null((await OkAsync<DutyResultDto>(organiser.GetAsync(new Uri($"/api/duties/{held.RequestId}", UriKind.Relative)))).TemporaryPassword);
        Assert.Contains(await organiser.GetFromJsonAsync<List<AccountDto>>("/api/accounts") ?? [], a => a.UserName == userName && a.MustChangePassword);

        // Signed in with the organiser's password: told to change it, and nothing else opens.
        var login = await OkAsync<LoginResponse>(hall.AnonymousClient().PostAsJsonAsync("/api/auth/login", new LoginRequest(userName, temporary)));
        Assert.True(login.MustChangePassword);
        using var desk = Bearer(login.AccessToken);
        var refused = await ProblemAsync(await desk.GetAsync(new Uri("/api/attendance", UriKind.Relative)), HttpStatusCode.Forbidden);
        Assert.Equal(TemporaryPasswords.MustChange, refused.Detail);
        var d = await hall.AddDelegateAsync("Vắng Mặt Hai Trăm");
        await ProblemAsync(await desk.PostAsJsonAsync("/api/checkin/manual", new ManualCheckInRequest(d.Id)), HttpStatusCode.Forbidden);
        await using (var hub = hall.HubConnection(login.AccessToken))
        {
            var hubRefused = await Assert.ThrowsAsync<HttpRequestException>(() => hub.StartAsync());
            Assert.Equal(HttpStatusCode.Forbidden, hubRefused.StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await desk.GetAsync(new Uri("/api/auth/me", UriKind.Relative))).StatusCode);

        // The change itself: the current password, at least 10 characters, not the user name.
        await ProblemAsync(await desk.PostAsJsonAsync("/api/auth/password", new PasswordChangeRequest("sai-mat-khau", "mat-khau-rieng-1")), HttpStatusCode.BadRequest);
        await ProblemAsync(await desk.PostAsJsonAsync("/api/auth/password", new PasswordChangeRequest(temporary, "ngan")), HttpStatusCode.BadRequest);
        Assert.Equal(TemporaryPasswords.SameAsUserName,
            (await ProblemAsync(await desk.PostAsJsonAsync("/api/auth/password", new PasswordChangeRequest(temporary, userName.ToUpperInvariant())), HttpStatusCode.BadRequest)).Detail);
        var own = await OkAsync<LoginResponse>(desk.PostAsJsonAsync("/api/auth/password", new PasswordChangeRequest(temporary, "mat-khau-rieng-1")));
        Assert.False(own.MustChangePassword);

        // Its own sign-in works; the temporary one's session ended and the organiser's password fails.
        using var mine = Bearer(own.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await mine.GetAsync(new Uri("/api/attendance", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await desk.GetAsync(new Uri("/api/auth/me", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await LoginStatusAsync(userName, temporary));
        Assert.Equal(HttpStatusCode.OK, await LoginStatusAsync(userName, "mat-khau-rieng-1"));
        Assert.DoesNotContain(await organiser.GetFromJsonAsync<List<AccountDto>>("/api/accounts") ?? [], a => a.UserName == userName && a.MustChangePassword);
        Assert.True(await hall.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "account.password-changed" && e.Subject == "account:" + userName)));
        Assert.True(await hall.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "account.created" && e.Subject == "account:" + userName
            && e.DataJson!.Contains("approvedBy"))));
    }

    // Was: a reset answered 200 with the new password to the organiser, and a role change or an
    // unlock took effect at once.
    [Fact]
    public async Task During_the_congress_reset_unlock_and_role_change_wait_for_a_member_and_disable_is_immediate()
    {
        await hall.ReadyAsync();
        using var organiser = await hall.ClientAsync(Roles.Organiser);
        var account = await hall.AccountAsync(Roles.CheckInStaff);
        using var before = Bearer(await hall.LoginAsync(account.UserName, HallFactory.TestPassword));

        var reset = await organiser.PostAsync(new Uri($"/api/accounts/{account.Id}/reset-password", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Accepted, reset.StatusCode);
        // Pending: nothing changed, the account still works with its own password.
        Assert.Equal(HttpStatusCode.OK, (await before.GetAsync(new Uri("/api/attendance", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, await LoginStatusAsync(account.UserName, HallFactory.TestPassword));
        var held = (await reset.Content.ReadFromJsonAsync<PendingDuty>())!;
        await hall.ApproveAsync(held.RequestId, await hall.MemberAsync(0));
        var temporary = (await OkAsync<DutyResultDto>(organiser.GetAsync(new Uri($"/api/duties/{held.RequestId}", UriKind.Relative)))).TemporaryPassword!;
        Assert.Equal(HttpStatusCode.Unauthorized, (await before.GetAsync(new Uri("/api/attendance", UriKind.Relative))).StatusCode);
        Assert.True((await OkAsync<LoginResponse>(hall.AnonymousClient().PostAsJsonAsync("/api/auth/login", new LoginRequest(account.UserName, temporary)))).MustChangePassword);

        // Role change: held. (Was: to Presidium, approved by one member. The organiser may no longer
        // make a presidium account at all (PresidiumPowersTests); a counting-committee role needs two members.)
        var role = await organiser.PostAsJsonAsync($"/api/accounts/{account.Id}/role", new AccountRoleChange(Roles.CountingCommittee));
        Assert.Equal(HttpStatusCode.Accepted, role.StatusCode);
        var roleHeld = (await role.Content.ReadFromJsonAsync<PendingDuty>())!;
        var board = await OkAsync<DutyBoardDto>((await hall.MemberAsync(1)).GetAsync(new Uri("/api/duties", UriKind.Relative)));
        var row = Assert.Single(board.Pending, r => r.Id == roleHeld.RequestId);
        Assert.Equal((account.UserName, Roles.CountingCommittee, Roles.DisplayNameVi(Roles.CountingCommittee), "0/2 thành viên đã duyệt"),
            (row.AccountUserName, row.AccountRole, row.AccountRoleVi, row.ApprovalsVi));
        Assert.Equal(Roles.CheckInStaff, await hall.WithDbAsync(db => db.Accounts.Where(a => a.Id == account.Id).Select(a => a.Role).SingleAsync()));

        // Disable: at once, even in session.
        Assert.Equal(HttpStatusCode.NoContent, (await organiser.PostAsync(new Uri($"/api/accounts/{account.Id}/disable", UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await LoginStatusAsync(account.UserName, temporary));

        // Unlock: held until a member approves.
        var enable = await organiser.PostAsync(new Uri($"/api/accounts/{account.Id}/enable", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Accepted, enable.StatusCode);
        Assert.True(await hall.WithDbAsync(db => db.Accounts.Where(a => a.Id == account.Id).Select(a => a.Disabled).SingleAsync()));
        await hall.ApproveAsync(enable, await hall.MemberAsync(2));
        Assert.False(await hall.WithDbAsync(db => db.Accounts.Where(a => a.Id == account.Id).Select(a => a.Disabled).SingleAsync()));
        Assert.Equal(DutyStates.Pending, (await hall.ApproveAsync(roleHeld.RequestId, await hall.MemberAsync(2))).Request.State);
        Assert.Equal(Roles.CheckInStaff, await hall.WithDbAsync(db => db.Accounts.Where(a => a.Id == account.Id).Select(a => a.Role).SingleAsync()));
        await hall.ApproveAsync(roleHeld.RequestId, await hall.MemberAsync(0));
        Assert.Equal(Roles.CountingCommittee, await hall.WithDbAsync(db => db.Accounts.Where(a => a.Id == account.Id).Select(a => a.Role).SingleAsync()));
    }

    // Was: member B alone approved a PIN reset for member A, and the slip went to the organiser.
    [Fact]
    public async Task A_PIN_reset_for_a_member_needs_two_other_members_and_one_cannot_count_twice()
    {
        await hall.ReadyAsync();
        using var organiser = await hall.ClientAsync(Roles.Organiser);
        var a = await hall.DelegateIdAsync(hall.CommitteeCodes[0]);
        try
        {
            var reset = await organiser.PostAsync(new Uri($"/api/tablet/pins/{a}/reset", UriKind.Relative), null);
            Assert.Equal(HttpStatusCode.Accepted, reset.StatusCode);
            var held = (await reset.Content.ReadFromJsonAsync<PendingDuty>())!;
            var approve = new Uri($"/api/duties/{held.RequestId}/approve", UriKind.Relative);
            using var memberA = await hall.MemberAsync(0);
            using var memberB = await hall.MemberAsync(1);
            using var memberC = await hall.MemberAsync(2);

            Assert.Equal(DutyDecisions.NotYourOwn, (await ProblemAsync(await memberA.PostAsync(approve, null), HttpStatusCode.Forbidden)).Detail);
            var first = await OkAsync<DutyResultDto>(memberB.PostAsync(approve, null));
            Assert.Equal((DutyStates.Pending, 1, 2, "1/2 thành viên đã duyệt"), (first.Request.State, first.Request.Approvals, first.Request.ApprovalsNeeded, first.Request.ApprovalsVi));
            // Still A's own PIN; no slip for the organiser yet.
            Assert.Equal(HttpStatusCode.OK, (await hall.AnonymousClient().PostAsJsonAsync("/api/tablet/signin",
                new TabletSignInRequest(null, hall.CommitteeCodes[0], HallFactory.MemberPin))).StatusCode);
            Assert.Null((await OkAsync<DutyResultDto>(organiser.GetAsync(new Uri($"/api/duties/{held.RequestId}", UriKind.Relative)))).Slips);
            var board = await OkAsync<DutyBoardDto>(memberC.GetAsync(new Uri("/api/duties", UriKind.Relative)));
            Assert.Equal("1/2 thành viên đã duyệt", Assert.Single(board.Pending, r => r.Id == held.RequestId).ApprovalsVi);

            Assert.Equal(DutyDecisions.NotTwice, (await ProblemAsync(await memberB.PostAsync(approve, null), HttpStatusCode.Conflict)).Detail);
            Assert.Equal(DutyStates.Pending, await hall.WithDbAsync(db => db.DutyRequests.Where(r => r.Id == held.RequestId).Select(r => r.State).SingleAsync()));

            var second = await OkAsync<DutyResultDto>(memberC.PostAsync(approve, null));
            Assert.Equal((DutyStates.Approved, "Đã cấp mã PIN mới"), (second.Request.State, second.Request.Outcome));
            var pin = Assert.Single((await OkAsync<DutyResultDto>(organiser.GetAsync(new Uri($"/api/duties/{held.RequestId}", UriKind.Relative)))).Slips!.Slips).Pin;
            Assert.Equal(HttpStatusCode.OK, (await hall.AnonymousClient().PostAsJsonAsync("/api/tablet/signin",
                new TabletSignInRequest(null, hall.CommitteeCodes[0], pin))).StatusCode);
            var audit = await hall.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "duty.approved" && e.Subject == $"delegate:{hall.CommitteeCodes[0]}")
                .Select(e => e.DataJson).SingleAsync());
            Assert.Contains(hall.CommitteeCodes[1], audit, StringComparison.Ordinal);
            Assert.Contains(hall.CommitteeCodes[2], audit, StringComparison.Ordinal);
        }
        finally
        {
            // Put A's PIN back for the other tests of this class, whatever happened above.
            await hall.WithDbAsync(db => db.DelegateCredentials.Where(c => c.DelegateId == a)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.PinHash, PinHasher.Hash(HallFactory.MemberPin))));
        }
    }

    // Was: POST /api/tablet/pins gave every delegate without a PIN one (slips to the organiser) during the congress.
    [Fact]
    public async Task Bulk_PIN_generation_is_refused_during_the_congress_and_a_delegate_without_a_PIN_gets_one_through_approval()
    {
        await hall.ReadyAsync();
        using var organiser = await hall.ClientAsync(Roles.Organiser);
        var d = await hall.AddDelegateAsync("Chưa Có Mã");

        foreach (var replace in new[] { false, true })
        {
            var refused = await ProblemAsync(await organiser.PostAsJsonAsync("/api/tablet/pins", new GeneratePinsRequest(replace)), HttpStatusCode.Conflict);
            Assert.Equal(PinIssuer.NoBulkInSession, refused.Detail);
        }
        Assert.False(await hall.WithDbAsync(db => db.DelegateCredentials.AnyAsync(c => c.DelegateId == d.Id && c.PinHash != null)));
        var page = await (await organiser.GetAsync(new Uri("/tablet/pins", UriKind.Relative))).Content.ReadAsStringAsync();
        Assert.Contains("không cấp mã PIN hàng loạt", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Cấp lại tất cả", page, StringComparison.Ordinal);

        var asked = await organiser.PostAsync(new Uri($"/api/tablet/pins/{d.Id}/reset", UriKind.Relative), null);
        var approved = await hall.ApproveAsync(asked, await hall.MemberAsync(1));
        Assert.Equal(DutyStates.Approved, approved.Request.State);
        var pin = Assert.Single((await OkAsync<DutyResultDto>(organiser.GetAsync(new Uri($"/api/duties/{approved.Request.Id}", UriKind.Relative)))).Slips!.Slips).Pin;
        Assert.Equal(HttpStatusCode.OK, (await hall.AnonymousClient().PostAsJsonAsync("/api/tablet/signin", new TabletSignInRequest(null, d.Code, pin))).StatusCode);
    }

    [Fact]
    public async Task Any_staff_account_changes_its_own_password_ending_its_other_sessions_and_a_member_session_has_none_to_change()
    {
        await hall.ReadyAsync();
        var account = await hall.AccountAsync(Roles.Presidium);
        using var first = Bearer(await hall.LoginAsync(account.UserName, HallFactory.TestPassword));
        using var second = Bearer(await hall.LoginAsync(account.UserName, HallFactory.TestPassword));

        var changed = await OkAsync<LoginResponse>(first.PostAsJsonAsync("/api/auth/password", new PasswordChangeRequest(HallFactory.TestPassword, "mot-mat-khau-moi")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync(new Uri("/api/auth/me", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Bearer(changed.AccessToken).GetAsync(new Uri("/api/auth/me", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await LoginStatusAsync(account.UserName, HallFactory.TestPassword));
        // The same password again is not a change.
        await ProblemAsync(await Bearer(changed.AccessToken).PostAsJsonAsync("/api/auth/password",
            new PasswordChangeRequest("mot-mat-khau-moi", "mot-mat-khau-moi")), HttpStatusCode.BadRequest);

        using var member = await hall.MemberAsync(0);
        Assert.Equal(TemporaryPasswords.NoPasswordHere, (await ProblemAsync(await member.PostAsJsonAsync("/api/auth/password",
            new PasswordChangeRequest("x", "mot-mat-khau-moi")), HttpStatusCode.Forbidden)).Detail);
    }

    [Fact]
    public async Task The_first_runs_admin_password_is_temporary_too()
    {
        _ = hall.Services;
        var lines = await File.ReadAllLinesAsync(Path.Combine(hall.DataFolder, ElectionSystem.Server.CongressBootstrap.InitialPasswordFile));
        var login = await OkAsync<LoginResponse>(hall.AnonymousClient().PostAsJsonAsync("/api/auth/login", new LoginRequest("admin", lines[1])));
        Assert.True(login.MustChangePassword);
        using var admin = Bearer(login.AccessToken);
        await ProblemAsync(await admin.GetAsync(new Uri("/api/accounts", UriKind.Relative)), HttpStatusCode.Forbidden);
        // A page sends it to the change form on /login.
        var page = await admin.GetAsync(new Uri("/admin", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/login?doimatkhau=1", page.Headers.Location!.ToString());
    }
}
