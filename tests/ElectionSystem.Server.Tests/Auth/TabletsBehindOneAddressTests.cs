using System.Net;
using ElectionSystem.Server.Tests.OpenVotes;
using Microsoft.AspNetCore.Hosting;

namespace ElectionSystem.Server.Tests.Auth;

/// <summary>The hall with the shipped per-address sign-in limits (the other halls raise them for speed).</summary>
public sealed class ShippedLimitsHall : OpenVotesHall
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Auth:LoginAttemptsPerMinutePerAddress", "30");
    }
}

/// <summary>
/// A hall's Wi-Fi may put every tablet behind one address (NAT): tablet sign-ins are limited per
/// address only far above a hall's tablet count, and a guessed PIN is stopped per delegate code.
/// </summary>
public class TabletsBehindOneAddressTests(ShippedLimitsHall hall) : IClassFixture<ShippedLimitsHall>
{
    [Fact]
    public async Task Forty_tablet_sign_ins_in_a_minute_from_one_address_all_succeed_while_wrong_PINs_still_back_off_one_code()
    {
        var delegates = new List<ElectionSystem.Server.Data.CongressDelegate>();
        for (var i = 0; i < 40; i++)
        {
            delegates.Add(await hall.DelegateAsync($"Đại Biểu Cùng Mạng {i:D2}"));
        }

        // The test server gives every request the same address; the clock does not move: one minute.
        foreach (var d in delegates)
        {
            var response = await hall.SignInAsync(d.Code, OpenVotesHall.Pin);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{d.Code}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        // A guesser on one code is still stopped: after the free wrong PINs, even the right one waits.
        var target = delegates[0];
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await hall.SignInAsync(target.Code, "000000")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, (await hall.SignInAsync(target.Code, OpenVotesHall.Pin)).StatusCode);
        // Another delegate on the same address is not affected.
        Assert.Equal(HttpStatusCode.OK, (await hall.SignInAsync(delegates[1].Code, OpenVotesHall.Pin)).StatusCode);
    }
}
