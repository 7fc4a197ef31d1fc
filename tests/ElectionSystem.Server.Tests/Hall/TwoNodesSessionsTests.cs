using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ElectionSystem.Server.Features.Tablet;
using ElectionSystem.Server.Hosting;
using ElectionSystem.Server.Tests.Elections;
using Microsoft.Extensions.DependencyInjection;

namespace ElectionSystem.Server.Tests.Hall;

/// <summary>Sessions across two hall servers (issue 15): what one node ends, the other refuses.</summary>
public sealed class TwoNodesSessionsTests(TwoNodesHall hall) : IClassFixture<TwoNodesHall>
{
    [Fact]
    public async Task A_tablet_session_replaced_on_node_A_is_refused_by_node_B_once_B_has_heard_it()
    {
        var d = (await hall.SeatAsync(1))[0];
        await using var b = hall.SecondNode();
        // B listens (its TabletSessions subscribes when made) and so does the test, after it: the bus
        // runs B's handlers in the order they subscribed, so when the test hears, B has dropped its entry.
        _ = b.Services.GetRequiredService<TabletSessions>();
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        b.Services.GetRequiredService<IHallBus>().Subscribe(TabletSessions.Topic, id =>
        {
            if (Guid.TryParse(id, out var delegateId) && delegateId == d.Delegate.Id) heard.TrySetResult();
        });
        using var oldOnB = b.AnonymousClient();
        oldOnB.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", d.Token);
        // B has cached the first tablet's session.
        Assert.Equal(HttpStatusCode.OK, (await oldOnB.GetAsync(new Uri("/api/tablet/state", UriKind.Relative))).StatusCode);

        // The delegate signs in on another tablet, through node A.
        using var anonOnA = hall.AnonymousClient();
        var again = await anonOnA.PostAsJsonAsync("/api/tablet/signin", new TabletSignInRequest(null, d.Delegate.Code, ElectionsHall.Pin));
        again.EnsureSuccessStatusCode();
        var newToken = (await again.Content.ReadFromJsonAsync<TabletSignInResponse>())!.AccessToken;
        await heard.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.Unauthorized, (await oldOnB.GetAsync(new Uri("/api/tablet/state", UriKind.Relative))).StatusCode);
        using var newOnB = b.AnonymousClient();
        newOnB.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", newToken);
        Assert.Equal(HttpStatusCode.OK, (await newOnB.GetAsync(new Uri("/api/tablet/state", UriKind.Relative))).StatusCode);
    }
}
