using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Admin;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace ElectionSystem.Server.Tests.Security;

/// <summary>
/// Issue 13, "staff sessions can't be revoked": a bearer token and a cookie of the same account both
/// worked after sign-out, password reset and disable. Now each of those, and a role change, ends
/// every cookie and token of the account at once; and a revoked display key's open hub connection
/// is closed.
/// </summary>
public class SessionRevocationTests(HallFactory hall) : IClassFixture<HallFactory>
{
    /// <summary>A new account signed in twice: a page cookie in one client, a bearer token in another.</summary>
    private async Task<(Guid Id, HttpClient Cookie, HttpClient Bearer)> SignedInTwiceAsync(string role)
    {
        var userName = hall.Unique("phien-");
        var id = Guid.NewGuid();
        await hall.WithDbAsync(async db =>
        {
            db.Accounts.Add(new Account
            {
                Id = id, UserName = userName, DisplayName = userName, Role = role,
                PasswordHash = PasswordHasher.Hash(HallFactory.TestPassword), CreatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        });
        var cookie = hall.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        (await cookie.PostAsJsonAsync("/api/auth/login", new LoginRequest(userName, HallFactory.TestPassword))).EnsureSuccessStatusCode();
        var bearer = hall.AnonymousClient();
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await hall.LoginAsync(userName, HallFactory.TestPassword));
        // As it was, and still is until the account changes: both sign-ins open the API.
        Assert.Equal(HttpStatusCode.OK, (await cookie.GetAsync(new Uri("/api/auth/me", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync(new Uri("/api/auth/me", UriKind.Relative))).StatusCode);
        return (id, cookie, bearer);
    }

    private static async Task AssertEndedAsync(HttpClient cookie, HttpClient bearer)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await cookie.GetAsync(new Uri("/api/auth/me", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync(new Uri("/api/auth/me", UriKind.Relative))).StatusCode);
        // A page with the old cookie sends the person to sign in again.
        var page = await cookie.GetAsync(new Uri("/checkin", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/login", page.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_out_with_the_cookie_ends_the_bearer_token_too()
    {
        var (_, cookie, bearer) = await SignedInTwiceAsync(Roles.CheckInStaff);
        using var logout = new HttpRequestMessage(HttpMethod.Post, "/api/auth/logout");
        logout.Headers.Add("Origin", "http://localhost");
        Assert.Equal(HttpStatusCode.NoContent, (await cookie.SendAsync(logout)).StatusCode);
        await AssertEndedAsync(cookie, bearer);
    }

    [Fact]
    public async Task Sign_out_with_the_bearer_token_ends_the_cookie_too_and_a_new_sign_in_works()
    {
        var (id, cookie, bearer) = await SignedInTwiceAsync(Roles.Presidium);
        Assert.Equal(HttpStatusCode.NoContent, (await bearer.PostAsync(new Uri("/api/auth/logout", UriKind.Relative), null)).StatusCode);
        await AssertEndedAsync(cookie, bearer);

        var userName = await hall.WithDbAsync(db => Task.FromResult(db.Accounts.Single(a => a.Id == id).UserName));
        using var again = hall.AnonymousClient();
        again.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await hall.LoginAsync(userName, HallFactory.TestPassword));
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync(new Uri("/api/auth/me", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData("reset-password")]
    [InlineData("disable")]
    [InlineData("role")]
    public async Task An_organisers_change_to_the_account_ends_its_cookie_and_token(string change)
    {
        var (id, cookie, bearer) = await SignedInTwiceAsync(Roles.CountingCommittee);
        var organiser = await hall.ClientAsync(Roles.Organiser);
        var response = change == "role"
            ? await organiser.PostAsJsonAsync($"/api/accounts/{id}/role", new AccountRoleChange(Roles.CheckInStaff))
            : await organiser.PostAsync(new Uri($"/api/accounts/{id}/{change}", UriKind.Relative), null);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        await AssertEndedAsync(cookie, bearer);
    }

    [Fact]
    public async Task A_role_change_is_audited_and_takes_effect_at_the_next_sign_in()
    {
        var (id, _, bearer) = await SignedInTwiceAsync(Roles.CountingCommittee);
        var organiser = await hall.ClientAsync(Roles.Organiser);
        // Was: to Presidium; the organiser may no longer make a presidium account (ADR 0010), so another role.
        var changed = await (await organiser.PostAsJsonAsync($"/api/accounts/{id}/role", new AccountRoleChange(Roles.EntryOperator)))
            .Content.ReadFromJsonAsync<AccountDto>();
        Assert.Equal(Roles.EntryOperator, changed!.Role);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync(new Uri("/api/auth/me", UriKind.Relative))).StatusCode);

        using var again = hall.AnonymousClient();
        again.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await hall.LoginAsync(changed.UserName, HallFactory.TestPassword));
        Assert.Equal(Roles.EntryOperator, (await again.GetFromJsonAsync<MeResponse>("/api/auth/me"))!.Role);
        Assert.True(await hall.WithDbAsync(db => Task.FromResult(
            db.AuditEntries.Any(a => a.Action == "account.role-changed" && a.Subject == "account:" + changed.UserName))));
    }

    [Fact]
    public async Task A_bad_role_is_refused_with_a_vietnamese_message()
    {
        var (id, _, _) = await SignedInTwiceAsync(Roles.CheckInStaff);
        var organiser = await hall.ClientAsync(Roles.Organiser);
        var response = await organiser.PostAsJsonAsync($"/api/accounts/{id}/role", new AccountRoleChange(Roles.Display));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Vai trò", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoking_a_display_key_closes_its_open_hub_connection()
    {
        var organiser = await hall.ClientAsync(Roles.Organiser);
        var created = (await (await organiser.PostAsJsonAsync("/api/display-keys", new DisplayKeyCreate(hall.Unique("màn hình thu hồi "))))
            .Content.ReadFromJsonAsync<DisplayKeyCreated>())!;
        await using var connection = hall.HubConnection(created.Key);
        var closed = HallFactory.ClosedAsync(connection);
        await connection.StartAsync();
        // As it was: the screen's connection is open and reads live data.
        await connection.InvokeAsync<object>("GetAttendance");

        (await organiser.PostAsync(new Uri($"/api/display-keys/{created.DisplayKey.Id}/revoke", UriKind.Relative), null)).EnsureSuccessStatusCode();

        await closed.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(HubConnectionState.Disconnected, connection.State);
        await using var again = hall.HubConnection(created.Key);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => again.StartAsync());
    }

    [Fact]
    public async Task Sign_out_closes_the_accounts_open_hub_connection()
    {
        var (_, _, bearer) = await SignedInTwiceAsync(Roles.Presidium);
        var token = bearer.DefaultRequestHeaders.Authorization!.Parameter!;
        await using var connection = hall.HubConnection(token);
        var closed = HallFactory.ClosedAsync(connection);
        await connection.StartAsync();
        await connection.InvokeAsync<object>("GetAttendance");

        (await bearer.PostAsync(new Uri("/api/auth/logout", UriKind.Relative), null)).EnsureSuccessStatusCode();

        await closed.WaitAsync(TimeSpan.FromSeconds(30));
        await using var again = hall.HubConnection(token);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => again.StartAsync());
    }
}
