using System.Net;
using System.Net.Http.Json;
using ElectionSystem.Server.Features.Admin;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Duties;
using ElectionSystem.Server.Features.Elections;
using ElectionSystem.Server.Features.Presidium;
using ElectionSystem.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Tests.Security;

/// <summary>
/// Issue 13, the last path to the committee's powers (ADR 0010, "Who makes the presidium"): the
/// organiser got a presidium account (made it, reset it, re-roled one, or had one member approve it
/// during the congress), then as the presidium issued committee activation codes and, with the PIN
/// slips it printed, signed in as members. Each test replays one step and shows it refused or held.
/// </summary>
public class PresidiumPowersTests(StaffAccountsHall hall) : IClassFixture<StaffAccountsHall>
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

    private static async Task<PendingDuty> HeldAsync(HttpResponseMessage response)
    {
        Assert.True(HttpStatusCode.Accepted == response.StatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<PendingDuty>())!;
    }

    private static Uri Approve(Guid id) => new($"/api/duties/{id}/approve", UriKind.Relative);

    private Task<string> RoleOfAsync(Guid id) => hall.WithDbAsync(db => db.Accounts.Where(a => a.Id == id).Select(a => a.Role).SingleAsync());

    // Was: POST /api/accounts {role: presidium}, a reset or a role change answered 200 (before the
    // congress) or 202 approved by one member (during it), and the organiser held a presidium account.
    [Fact]
    public async Task The_organiser_cannot_make_reset_unlock_or_re_role_a_presidium_account_before_or_during_the_congress()
    {
        await hall.ReadyAsync();
        using var organiser = await hall.ClientAsync(Roles.Organiser);
        var presidium = await hall.AccountAsync(Roles.Presidium);
        var desk = await hall.AccountAsync(Roles.CheckInStaff);
        await hall.WithDbAsync(db => db.Accounts.Where(a => a.Id == presidium.Id).ExecuteUpdateAsync(u => u.SetProperty(a => a.Disabled, true)));

        async Task AllRefusedAsync()
        {
            var requestsBefore = await hall.WithDbAsync(db => db.DutyRequests.CountAsync());
            var attempts = new[]
            {
                await organiser.PostAsJsonAsync("/api/accounts", new AccountCreate(hall.Unique("chu-tich-gia-"), "Chủ tịch giả", Roles.Presidium)),
                await organiser.PostAsync(new Uri($"/api/accounts/{presidium.Id}/reset-password", UriKind.Relative), null),
                await organiser.PostAsync(new Uri($"/api/accounts/{presidium.Id}/enable", UriKind.Relative), null),
                await organiser.PostAsJsonAsync($"/api/accounts/{desk.Id}/role", new AccountRoleChange(Roles.Presidium)),
                await organiser.PostAsJsonAsync($"/api/accounts/{presidium.Id}/role", new AccountRoleChange(Roles.CheckInStaff)),
            };
            foreach (var attempt in attempts)
            {
                Assert.Equal(AccountPowers.NotForTheOrganiser, (await ProblemAsync(attempt, HttpStatusCode.Forbidden)).Detail);
            }
            // Nothing made, changed or even asked.
            Assert.Equal(requestsBefore, await hall.WithDbAsync(db => db.DutyRequests.CountAsync()));
            Assert.Equal((Roles.Presidium, Roles.CheckInStaff), (await RoleOfAsync(presidium.Id), await RoleOfAsync(desk.Id)));
            Assert.True(await hall.WithDbAsync(db => db.Accounts.Where(a => a.Id == presidium.Id).Select(a => a.Disabled).SingleAsync()));
            Assert.Equal(HttpStatusCode.OK, (await hall.AnonymousClient().PostAsJsonAsync("/api/auth/login",
                new LoginRequest(desk.UserName, HallFactory.TestPassword))).StatusCode);
            // Compared here, not in SQL: the user name's case-insensitive collation refuses LIKE on PostgreSQL.
            var presidiumNames = await hall.WithDbAsync(db => db.Accounts.Where(a => a.Role == Roles.Presidium).Select(a => a.UserName).ToListAsync());
            Assert.DoesNotContain(presidiumNames, n => n.StartsWith("chu-tich-gia-", StringComparison.OrdinalIgnoreCase));
        }

        await AllRefusedAsync(); // during the congress
        await hall.BeforeTheCongressAsync(AllRefusedAsync);
        // Other accounts are still the organiser's to make (a desk, before the congress: at once).
        await hall.BeforeTheCongressAsync(async () =>
            Assert.Equal(HttpStatusCode.OK, (await organiser.PostAsJsonAsync("/api/accounts",
                new AccountCreate(hall.Unique("ban-dd-"), "Bàn điểm danh", Roles.CheckInStaff))).StatusCode));
    }

    // Was: one member's approval made a counting-committee or presidium account during the congress.
    [Fact]
    public async Task During_the_congress_a_counting_committee_account_needs_two_different_members()
    {
        await hall.ReadyAsync();
        using var organiser = await hall.ClientAsync(Roles.Organiser);
        var userName = hall.Unique("ky-thuat-kp-");
        var held = await HeldAsync(await organiser.PostAsJsonAsync("/api/accounts", new AccountCreate(userName, "Tổ kỹ thuật", Roles.CountingCommittee)));
        Assert.Equal(DutyGate.WaitingForTwo, held.Detail[(held.Detail.IndexOf(": ", StringComparison.Ordinal) + 2)..]);
        using var memberB = await hall.MemberAsync(1);
        using var memberC = await hall.MemberAsync(2);

        var first = await OkAsync<DutyResultDto>(memberB.PostAsync(Approve(held.RequestId), null));
        Assert.Equal((DutyStates.Pending, 1, 2, "1/2 thành viên đã duyệt"), (first.Request.State, first.Request.Approvals, first.Request.ApprovalsNeeded, first.Request.ApprovalsVi));
        Assert.False(await hall.WithDbAsync(db => db.Accounts.AnyAsync(a => a.UserName == userName)));
        var board = await OkAsync<DutyBoardDto>(memberC.GetAsync(new Uri("/api/duties", UriKind.Relative)));
        Assert.Equal("1/2 thành viên đã duyệt", Assert.Single(board.Pending, r => r.Id == held.RequestId).ApprovalsVi);
        Assert.Null((await OkAsync<DutyResultDto>(organiser.GetAsync(new Uri($"/api/duties/{held.RequestId}", UriKind.Relative)))).TemporaryPassword);

        // The same member twice does not count.
        Assert.Equal(DutyDecisions.NotTwice, (await ProblemAsync(await memberB.PostAsync(Approve(held.RequestId), null), HttpStatusCode.Conflict)).Detail);
        Assert.False(await hall.WithDbAsync(db => db.Accounts.AnyAsync(a => a.UserName == userName)));

        var second = await OkAsync<DutyResultDto>(memberC.PostAsync(Approve(held.RequestId), null));
        Assert.Equal((DutyStates.Approved, 2, "2/2 thành viên đã duyệt"), (second.Request.State, second.Request.Approvals, second.Request.ApprovalsVi));
        Assert.Equal(Roles.CountingCommittee, await hall.WithDbAsync(db => db.Accounts.Where(a => a.UserName == userName).Select(a => a.Role).SingleAsync()));
        Assert.NotNull((await OkAsync<DutyResultDto>(organiser.GetAsync(new Uri($"/api/duties/{held.RequestId}", UriKind.Relative)))).TemporaryPassword);
    }

    // The presidium makes presidium accounts: before the congress at once (temporary password), during it
    // with two members; never any other role.
    [Fact]
    public async Task The_presidium_makes_presidium_accounts_only_at_once_before_the_congress_and_with_two_members_during_it()
    {
        await hall.ReadyAsync();
        var presidiumAccount = await hall.AccountAsync(Roles.Presidium);
        using var presidium = hall.AnonymousClient();
        presidium.DefaultRequestHeaders.Authorization = new("Bearer", await hall.LoginAsync(presidiumAccount.UserName, HallFactory.TestPassword));
        var desk = await hall.AccountAsync(Roles.CheckInStaff);
        Assert.Equal(AccountPowers.PresidiumOnly, (await ProblemAsync(await presidium.PostAsync(
            new Uri($"/api/presidium/accounts/{desk.Id}/reset-password", UriKind.Relative), null), HttpStatusCode.Forbidden)).Detail);

        var early = hall.Unique("pho-chu-tich-");
        await hall.BeforeTheCongressAsync(async () =>
        {
            var made = await OkAsync<PresidiumAccountCreated>(presidium.PostAsJsonAsync("/api/presidium/accounts", new PresidiumAccountCreate(early, "Phó Chủ tịch")));
            Assert.True(made.Account.MustChangePassword);
            var login = await OkAsync<LoginResponse>(hall.AnonymousClient().PostAsJsonAsync("/api/auth/login", new LoginRequest(early, made.Password)));
            Assert.True(login.MustChangePassword);
        });
        Assert.Equal(Roles.Presidium, await hall.WithDbAsync(db => db.Accounts.Where(a => a.UserName == early).Select(a => a.Role).SingleAsync()));

        // During the congress: held for two members; the temporary password goes once to the presidium account that asked.
        var late = hall.Unique("uy-vien-dct-");
        var held = await HeldAsync(await presidium.PostAsJsonAsync("/api/presidium/accounts", new PresidiumAccountCreate(late, "Ủy viên Đoàn Chủ tịch")));
        using var memberA = await hall.MemberAsync(0);
        using var memberB = await hall.MemberAsync(1);
        Assert.Equal(DutyStates.Pending, (await OkAsync<DutyResultDto>(memberA.PostAsync(Approve(held.RequestId), null))).Request.State);
        Assert.False(await hall.WithDbAsync(db => db.Accounts.AnyAsync(a => a.UserName == late)));
        Assert.Equal(DutyStates.Approved, (await OkAsync<DutyResultDto>(memberB.PostAsync(Approve(held.RequestId), null))).Request.State);
        using var organiser = await hall.ClientAsync(Roles.Organiser);
        await ProblemAsync(await organiser.GetAsync(new Uri($"/api/duties/{held.RequestId}", UriKind.Relative)), HttpStatusCode.Forbidden);
        var temporary = (await OkAsync<DutyResultDto>(presidium.GetAsync(new Uri($"/api/duties/{held.RequestId}", UriKind.Relative)))).TemporaryPassword!;
        Assert.Null((await OkAsync<DutyResultDto>(presidium.GetAsync(new Uri($"/api/duties/{held.RequestId}", UriKind.Relative)))).TemporaryPassword);
        Assert.True((await OkAsync<LoginResponse>(hall.AnonymousClient().PostAsJsonAsync("/api/auth/login", new LoginRequest(late, temporary)))).MustChangePassword);
        Assert.Contains(await OkAsync<List<PresidiumAccountDto>>(presidium.GetAsync(new Uri("/api/presidium/accounts", UriKind.Relative))), a => a.UserName == late);
    }

    // Was: the presidium's "Cấp mã kích hoạt mới" answered the code at once during the congress.
    [Fact]
    public async Task A_new_activation_code_during_the_congress_waits_for_two_members_and_goes_once_to_the_presidium()
    {
        await hall.ReadyAsync();
        var c = await hall.DelegateIdAsync(hall.CommitteeCodes[2]);
        using var presidium = await hall.ClientAsync(Roles.Presidium);
        var activation = new Uri($"/api/elections/committee-members/{c}/activation", UriKind.Relative);
        try
        {
            var held = await HeldAsync(await presidium.PostAsync(activation, null));
            Assert.Equal(DutyKinds.CommitteeActivation, held.Kind);
            Assert.Contains(DutyGate.WaitingForTwo, held.Detail, StringComparison.Ordinal);
            using var memberA = await hall.MemberAsync(0);
            using var memberB = await hall.MemberAsync(1);
            using var memberC = await hall.MemberAsync(2);

            Assert.Equal(DutyDecisions.NotYourOwn, (await ProblemAsync(await memberC.PostAsync(Approve(held.RequestId), null), HttpStatusCode.Forbidden)).Detail);
            var first = await OkAsync<DutyResultDto>(memberA.PostAsync(Approve(held.RequestId), null));
            Assert.Equal((DutyStates.Pending, "1/2 thành viên đã duyệt"), (first.Request.State, first.Request.ApprovalsVi));
            Assert.Equal(DutyDecisions.NotTwice, (await ProblemAsync(await memberA.PostAsync(Approve(held.RequestId), null), HttpStatusCode.Conflict)).Detail);
            // Nothing issued yet: C still signs in with their own passphrase, and the presidium has no slip.
            await hall.MemberTokenAsync(hall.CommitteeCodes[2]);
            Assert.Null((await OkAsync<DutyResultDto>(presidium.GetAsync(new Uri($"/api/duties/{held.RequestId}", UriKind.Relative)))).Activation);

            var second = await OkAsync<DutyResultDto>(memberB.PostAsync(Approve(held.RequestId), null));
            Assert.Equal(DutyStates.Approved, second.Request.State);
            Assert.Null(second.Activation); // the members never see the code
            var slip = (await OkAsync<DutyResultDto>(presidium.GetAsync(new Uri($"/api/duties/{held.RequestId}", UriKind.Relative)))).Activation!;
            Assert.Null((await OkAsync<DutyResultDto>(presidium.GetAsync(new Uri($"/api/duties/{held.RequestId}", UriKind.Relative)))).Activation);
            Assert.Equal(hall.CommitteeCodes[2], slip.Code);
            var audit = await hall.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == CommitteeActivation.Action && e.Subject == $"delegate:{hall.CommitteeCodes[2]}")
                .OrderByDescending(e => e.Sequence).Select(e => e.DataJson).FirstAsync());
            Assert.Contains(hall.CommitteeCodes[0], audit, StringComparison.Ordinal);
            Assert.Contains(hall.CommitteeCodes[1], audit, StringComparison.Ordinal);

            // The old passphrase is gone; the slip's code activates C again (with their own passphrase).
            using var anon = hall.AnonymousClient();
            Assert.False((await anon.PostAsJsonAsync("/api/committee/signin", new CommitteeSignInRequest(null, hall.CommitteeCodes[2], HallFactory.MemberPin,
                HallFactory.MemberPassphrase))).IsSuccessStatusCode);
            await OkAsync<CommitteeSignInResponse>(anon.PostAsJsonAsync("/api/committee/signin", new CommitteeSignInRequest(null, hall.CommitteeCodes[2],
                HallFactory.MemberPin, null, slip.ActivationCode, HallFactory.MemberPassphrase, HallFactory.MemberPassphrase)));

            // Before the congress the presidium still gets a new code at once.
            await hall.BeforeTheCongressAsync(async () =>
                Assert.False(string.IsNullOrEmpty((await OkAsync<ActivationSlipDto>(presidium.PostAsync(activation, null))).ActivationCode)));
        }
        finally
        {
            // C signs in with the shared test passphrase again, whatever happened above.
            await hall.WithDbAsync(db => db.Set<CountingCommitteeMember>().Where(m => m.DelegateId == c).ExecuteUpdateAsync(u => u
                .SetProperty(m => m.PassphraseHash, PasswordHasher.Hash(HallFactory.MemberPassphrase))
                .SetProperty(m => m.ActivationHash, (string?)null)));
        }
    }

    private sealed class SecondStart(HallFactory first) : HallFactory(first);

    [Fact]
    public async Task The_first_start_writes_the_presidium_password_once_readable_by_its_owner_only_and_it_is_temporary()
    {
        await using var first = new HallFactory();
        var path = Path.Combine(first.DataFolder, CongressBootstrap.InitialPresidiumPasswordFile);
        _ = first.Services;
        var lines = await File.ReadAllLinesAsync(path);
        Assert.Equal(CongressBootstrap.FirstPresidium, lines[0]);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
        Assert.NotEqual(lines[1], (await File.ReadAllLinesAsync(Path.Combine(first.DataFolder, CongressBootstrap.InitialPasswordFile)))[1]);
        var login = await OkAsync<LoginResponse>(first.AnonymousClient().PostAsJsonAsync("/api/auth/login", new LoginRequest(lines[0], lines[1])));
        Assert.True(login.MustChangePassword);
        using var chutich = first.AnonymousClient();
        chutich.DefaultRequestHeaders.Authorization = new("Bearer", await first.SetOwnPasswordAsync(lines[0], lines[1]));
        Assert.Equal(Roles.Presidium, (await chutich.GetFromJsonAsync<MeResponse>("/api/auth/me"))!.Role);

        // The operator deletes the file after handing the password over; a later start does not write it again.
        File.Delete(path);
        await using (var again = new SecondStart(first))
        {
            _ = again.Services;
        }
        Assert.False(File.Exists(path));
        Assert.Equal(1, await first.WithDbAsync(db => db.Accounts.CountAsync(a => a.Role == Roles.Presidium)));
    }
}
