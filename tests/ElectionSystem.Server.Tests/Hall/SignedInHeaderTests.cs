using System.Net;
using System.Net.Http.Headers;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Tests.Infrastructure;

namespace ElectionSystem.Server.Tests.Hall;

/// <summary>Every staff page says who is signed in and offers "Đăng xuất" (a desk PC is shared).</summary>
public class SignedInHeaderTests(HallFactory hall) : IClassFixture<HallFactory>
{
    [Theory]
    [InlineData(Roles.Organiser, "/admin")]
    [InlineData(Roles.CheckInStaff, "/checkin")]
    [InlineData(Roles.Presidium, "/presidium")]
    [InlineData(Roles.CountingCommittee, "/committee")]
    [InlineData(Roles.CountingCommittee, "/entry/committee")]
    [InlineData(Roles.EntryOperator, "/entry")]
    public async Task A_staff_page_shows_who_is_signed_in_and_sign_out(string role, string page)
    {
        using var client = hall.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await hall.TokenAsync(role));
        var response = await client.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("href=\"/login?logout=1\"", html, StringComparison.Ordinal);
        Assert.Contains("Đăng xuất", html, StringComparison.Ordinal);
        Assert.Matches("class=\"(who|signed-in)\"[^>]*>[^<·]*\\S[^<·]*·", html);
    }
}
