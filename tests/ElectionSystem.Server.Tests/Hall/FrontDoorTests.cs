using System.Net;
using System.Net.Http.Headers;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ElectionSystem.Server.Tests.Hall;

/// <summary>The server's own address is the hall's front door, never a 404.</summary>
public class FrontDoorTests(HallFactory hall) : IClassFixture<HallFactory>
{
    [Fact]
    public async Task The_front_door_leads_a_newcomer_to_the_sign_in_page()
    {
        using var client = hall.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("href=\"/login\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/tablet\"", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Organiser, "/admin")]
    [InlineData(Roles.Presidium, "/presidium")]
    [InlineData(Roles.CountingCommittee, "/committee")]
    [InlineData(Roles.CheckInStaff, "/checkin")]
    [InlineData(Roles.EntryOperator, "/entry")]
    public async Task Signed_in_each_role_lands_on_its_own_screen(string role, string home)
    {
        var token = await hall.TokenAsync(role);
        using var client = hall.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(home, response.Headers.Location?.ToString());
        // And that screen exists for the role.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(home)).StatusCode);
    }
}
