using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ElectionSystem.Server.Features.Admin;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Tests.Admin;

/// <summary>A lock can be undone (issue 11): the account signs in again with its password, and what it held before stays ended.</summary>
public class AccountUnlockTests(HallFactory hall) : IClassFixture<HallFactory>
{
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
}
