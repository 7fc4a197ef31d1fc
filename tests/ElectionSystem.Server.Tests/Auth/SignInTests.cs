using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Hosting;
using ElectionSystem.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR.Client;

namespace ElectionSystem.Server.Tests.Auth;

public class SignInTests(HallFactory hall) : IClassFixture<HallFactory>
{
    [Fact]
    public async Task First_run_writes_the_organiser_password_readable_by_owner_only_and_it_signs_in()
    {
        var path = Path.Combine(hall.DataFolder, CongressBootstrap.InitialPasswordFile);
        _ = hall.Services; // start the server
        var lines = await File.ReadAllLinesAsync(path);
        Assert.Equal("admin", lines[0]);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        var token = await hall.LoginAsync("admin", lines[1]);
        using var client = hall.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var me = await client.GetFromJsonAsync<MeResponse>("/api/auth/me");
        Assert.Equal(Roles.Organiser, me!.Role);
    }

    [Fact]
    public async Task Wrong_password_is_refused_with_a_vietnamese_problem()
    {
        using var client = hall.AnonymousClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new LoginRequest("admin", "wrong"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal("Tên đăng nhập hoặc mật khẩu không đúng.", problem!.Detail);
    }

    [Fact]
    public async Task Cookie_from_login_opens_staff_api()
    {
        await hall.TokenAsync(Roles.CheckInStaff);
        using var client = hall.CreateClient(); // keeps cookies
        var login = await client.PostAsJsonAsync("/api/auth/login", new LoginRequest("test-checkin-staff", HallFactory.TestPassword));
        login.EnsureSuccessStatusCode();
        var me = await client.GetFromJsonAsync<MeResponse>("/api/auth/me");
        Assert.Equal(Roles.CheckInStaff, me!.Role);
    }

    [Fact]
    public async Task Display_key_opens_projector_state_and_a_wrong_key_does_not()
    {
        var key = await hall.DisplayKeyAsync();
        using var client = hall.AnonymousClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri($"/api/projector/state?key={key}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/api/projector/state?key=dk_nonsense", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/api/projector/state", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Hub_refuses_an_anonymous_connection()
    {
        await using var connection = hall.HubConnection(accessToken: null);
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => connection.StartAsync());
        Assert.Contains("401", ex.Message, StringComparison.Ordinal);
    }
}
