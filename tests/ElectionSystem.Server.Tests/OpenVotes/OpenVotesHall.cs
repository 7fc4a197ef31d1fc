using System.Net.Http.Headers;
using System.Net.Http.Json;
using ElectionSystem.Domain.Congress;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Tablet;
using ElectionSystem.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ElectionSystem.Server.Tests.OpenVotes;

/// <summary>A clock the test moves by hand (lockouts without sleeping).</summary>
public sealed class TestClock : TimeProvider
{
    // A whole second: PostgreSQL stores microseconds, so a time the test computes equals the one read back.
    private long _ticks = DateTimeOffset.UtcNow.UtcTicks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}

/// <summary>
/// The hall with a hand-moved clock and helpers for tablets: delegates with a known PIN, checked
/// in or not, signed in on a tablet.
/// </summary>
public class OpenVotesHall : HallFactory
{
    public const string Pin = "246810";

    public TestClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    private static readonly Lazy<string> PinHash = new(() => PinHasher.Hash(Pin));

    /// <summary>A delegate with PIN <see cref="Pin"/>, checked in for the current session unless told otherwise.</summary>
    public async Task<CongressDelegate> DelegateAsync(string name, bool checkedIn = true, DelegateCategory category = DelegateCategory.Official,
        Guid? replaces = null, bool absent = false)
    {
        var session = await EnsureCurrentSessionAsync();
        var d = await AddDelegateAsync(name, category, absent: absent, replaces: replaces);
        await WithDbAsync(async db =>
        {
            db.DelegateCredentials.Add(new DelegateCredential { DelegateId = d.Id, PinHash = PinHash.Value });
            if (checkedIn)
            {
                db.CheckIns.Add(new CheckIn { Id = Guid.NewGuid(), SessionId = session, DelegateId = d.Id, At = DateTime.UtcNow, By = "test" });
            }
            await db.SaveChangesAsync();
        });
        return d;
    }

    public async Task<HttpResponseMessage> SignInAsync(string code, string pin)
    {
        using var client = AnonymousClient();
        return await client.PostAsJsonAsync("/api/tablet/signin", new TabletSignInRequest(null, code, pin));
    }

    /// <summary>Signs in on a "tablet" and returns its token.</summary>
    public async Task<string> TabletTokenAsync(CongressDelegate d)
    {
        var response = await SignInAsync(d.Code, Pin);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<TabletSignInResponse>())!.AccessToken;
    }

    public HttpClient TabletClient(string token)
    {
        var client = AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
