using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ElectionSystem.Server.Features.Admin;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Tests.Admin;

public class AccountAndDisplayKeyTests(HallFactory hall) : IClassFixture<HallFactory>
{
    [Fact]
    public async Task New_account_signs_in_with_the_password_shown_once_until_it_is_disabled()
    {
        using var organiser = await hall.ClientAsync(Roles.Organiser);
        var created = await (await organiser.PostAsJsonAsync("/api/accounts", new AccountCreate("ban-kiem-phieu-2", "Tổ kỹ thuật", Roles.CountingCommittee)))
            .Content.ReadFromJsonAsync<AccountCreated>();
        Assert.NotEmpty(await hall.LoginAsync("ban-kiem-phieu-2", created!.Password));
        var stored = await hall.WithDbAsync(db => db.Accounts.SingleAsync(a => a.UserName == "ban-kiem-phieu-2"));
        Assert.DoesNotContain(created.Password, stored.PasswordHash, StringComparison.Ordinal);

        (await organiser.PostAsync(new Uri($"/api/accounts/{created.Account.Id}/disable", UriKind.Relative), null)).EnsureSuccessStatusCode();
        using var anonymous = hall.AnonymousClient();
        var refused = await anonymous.PostAsJsonAsync("/api/auth/login", new LoginRequest("ban-kiem-phieu-2", created.Password));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.True(await hall.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "account.disabled")));
    }

    [Fact]
    public async Task Account_role_must_be_a_staff_role()
    {
        using var organiser = await hall.ClientAsync(Roles.Organiser);
        var response = await organiser.PostAsJsonAsync("/api/accounts", new AccountCreate("man-hinh", "Màn hình", Roles.Display));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Display_key_opens_the_projector_until_revoked()
    {
        using var organiser = await hall.ClientAsync(Roles.Organiser);
        var created = await (await organiser.PostAsJsonAsync("/api/display-keys", new DisplayKeyCreate("Máy chiếu phải")))
            .Content.ReadFromJsonAsync<DisplayKeyCreated>();
        Assert.StartsWith("/projector?key=dk_", created!.ProjectorUrl, StringComparison.Ordinal);
        using var screen = hall.AnonymousClient();
        Assert.Equal(HttpStatusCode.OK, (await screen.GetAsync(new Uri($"/api/projector/state?key={created.Key}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await screen.GetAsync(new Uri(created.ProjectorUrl, UriKind.Relative))).StatusCode);

        (await organiser.PostAsync(new Uri($"/api/display-keys/{created.DisplayKey.Id}/revoke", UriKind.Relative), null)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Unauthorized, (await screen.GetAsync(new Uri($"/api/projector/state?key={created.Key}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await screen.GetAsync(new Uri(created.ProjectorUrl, UriKind.Relative))).StatusCode);
    }

    // A lock can be undone (issue 11): the account signs in again with its password, and what it held before stays ended.
    [Fact]
    public async Task A_locked_account_unlocked_signs_in_again_but_its_old_sessions_stay_ended()
    {
        using var organiser = await hall.ClientAsync(Roles.Organiser);
        var created = await (await organiser.PostAsJsonAsync("/api/accounts", new AccountCreate("diem-danh-3", "Bàn điểm danh 3", Roles.CheckInStaff)))
            .Content.ReadFromJsonAsync<AccountCreated>();
        var before = await hall.LoginAsync("diem-danh-3", created!.Password);

        (await organiser.PostAsync(new Uri($"/api/accounts/{created.Account.Id}/disable", UriKind.Relative), null)).EnsureSuccessStatusCode();
        using var anonymous = hall.AnonymousClient();
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await anonymous.PostAsJsonAsync("/api/auth/login", new LoginRequest("diem-danh-3", created.Password))).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await organiser.PostAsync(new Uri($"/api/accounts/{created.Account.Id}/enable", UriKind.Relative), null)).StatusCode);
        Assert.NotEmpty(await hall.LoginAsync("diem-danh-3", created.Password));
        using var old = hall.AnonymousClient();
        old.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", before);
        Assert.Equal(HttpStatusCode.Unauthorized, (await old.GetAsync(new Uri("/api/attendance", UriKind.Relative))).StatusCode);
        Assert.True(await hall.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "account.enabled" && e.Subject == "account:diem-danh-3")));
    }

    [Fact]
    public async Task Only_an_organiser_unlocks()
    {
        using var presidium = await hall.ClientAsync(Roles.Presidium);
        Assert.Equal(HttpStatusCode.Forbidden, (await presidium.PostAsync(new Uri($"/api/accounts/{Guid.NewGuid()}/enable", UriKind.Relative), null)).StatusCode);
    }

    [Fact]
    public async Task An_account_unlocked_after_a_refused_request_signs_in_again_at_once()
    {
        using var organiser = await hall.ClientAsync(Roles.Organiser);
        var created = await (await organiser.PostAsJsonAsync("/api/accounts", new AccountCreate("diem-danh-4", "Bàn điểm danh 4", Roles.CheckInStaff)))
            .Content.ReadFromJsonAsync<AccountCreated>();
        // The organiser's password is temporary: the desk sets its own before it works (ADR 0010).
        await hall.SetOwnPasswordAsync("diem-danh-4", created!.Password);
        created = created with { Password = HallFactory.OwnPassword };
        var before = await hall.LoginAsync("diem-danh-4", created.Password);
        (await organiser.PostAsync(new Uri($"/api/accounts/{created.Account.Id}/disable", UriKind.Relative), null)).EnsureSuccessStatusCode();
        using var old = hall.AnonymousClient();
        old.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", before);
        // A desk tab still polling while the account is locked.
        Assert.Equal(HttpStatusCode.Unauthorized, (await old.GetAsync(new Uri("/api/attendance", UriKind.Relative))).StatusCode);

        (await organiser.PostAsync(new Uri($"/api/accounts/{created.Account.Id}/enable", UriKind.Relative), null)).EnsureSuccessStatusCode();
        using var fresh = hall.AnonymousClient();
        fresh.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await hall.LoginAsync("diem-danh-4", created.Password));
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync(new Uri("/api/attendance", UriKind.Relative))).StatusCode);
        Assert.True(await hall.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "account.enabled" && e.Subject == "account:diem-danh-4")));
    }
}
