using System.Net;
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
}
