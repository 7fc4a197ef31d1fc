using System.Net;
using System.Net.Http.Headers;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Duties;
using ElectionSystem.Server.Tests.Elections;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Tests.Hall;

/// <summary>
/// The PIN slip of an approved request is kept in the shared database, sealed, until its requester
/// takes it once, on either node (issue 15: it lived in the approving node's memory).
/// </summary>
public sealed class TwoNodesDutySlipsTests(TwoNodesHall hall) : IClassFixture<TwoNodesHall>
{
    [Fact]
    public async Task A_PIN_slip_approved_on_node_A_is_collected_once_from_node_B()
    {
        await hall.EnsureCurrentSessionAsync();
        var absent = await hall.AddDelegateAsync("Vắng Mặt Hai Máy");
        using var organiserOnA = await hall.ClientAsync(Roles.Organiser);
        var held = await hall.ApproveAsync(await organiserOnA.PostAsync(new Uri($"/api/tablet/pins/{absent.Id}/reset", UriKind.Relative), null));
        Assert.Null(held.Slips);
        var requestId = held.Request.Id;
        // What the database holds is sealed: no PIN in it.
        var stored = await hall.DbAsync(db => db.Set<DutySlip>().Where(s => s.RequestId == requestId).Select(s => s.Sealed).SingleAsync());

        await using var b = hall.SecondNode();
        using var organiserOnB = b.AnonymousClient();
        organiserOnB.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await hall.TokenAsync(Roles.Organiser));
        var onB = await ElectionsHall.OkAsync<DutyResultDto>(organiserOnB.GetAsync(new Uri($"/api/duties/{requestId}", UriKind.Relative)));

        var pin = Assert.Single(onB.Slips!.Slips).Pin;
        Assert.Matches("^[0-9]{6}$", pin);
        Assert.DoesNotContain(pin, stored, StringComparison.Ordinal);
        // Once: neither node has it any more, and the row is gone.
        Assert.Null((await ElectionsHall.OkAsync<DutyResultDto>(organiserOnA.GetAsync(new Uri($"/api/duties/{requestId}", UriKind.Relative)))).Slips);
        Assert.Null((await ElectionsHall.OkAsync<DutyResultDto>(organiserOnB.GetAsync(new Uri($"/api/duties/{requestId}", UriKind.Relative)))).Slips);
        Assert.False(await hall.DbAsync(db => db.Set<DutySlip>().AnyAsync(s => s.RequestId == requestId)));
        Assert.Equal(1, await hall.DbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "duty.collected" && e.Subject == $"duty:{requestId}")));
    }

    [Fact]
    public async Task An_expired_slip_is_deleted_and_not_handed_out()
    {
        await hall.EnsureCurrentSessionAsync();
        var absent = await hall.AddDelegateAsync("Quá Hạn Hai Máy");
        using var organiser = await hall.ClientAsync(Roles.Organiser);
        var held = await hall.ApproveAsync(await organiser.PostAsync(new Uri($"/api/tablet/pins/{absent.Id}/reset", UriKind.Relative), null));
        var requestId = held.Request.Id;
        // Its hour has passed (the hall clock is the system's: the row is moved back instead).
        await hall.DbAsync(db => db.Set<DutySlip>().Where(s => s.RequestId == requestId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ExpiresAt, DateTime.UtcNow.AddMinutes(-1))));

        var result = await ElectionsHall.OkAsync<DutyResultDto>(organiser.GetAsync(new Uri($"/api/duties/{requestId}", UriKind.Relative)));

        Assert.Null(result.Slips);
        Assert.Equal(DutyStates.Approved, result.Request.State);
        Assert.False(await hall.DbAsync(db => db.Set<DutySlip>().AnyAsync(s => s.RequestId == requestId)));
        Assert.True(await hall.DbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "duty.slips-expired")));
    }
}
