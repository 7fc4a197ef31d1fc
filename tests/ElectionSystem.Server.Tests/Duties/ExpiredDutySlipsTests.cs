using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Duties;
using ElectionSystem.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElectionSystem.Server.Tests.Duties;

/// <summary>
/// Every state change is audited in the same SaveChanges (ARCHITECTURE.md invariant 4): an expired
/// duty slip's delete and its "duty.slips-expired" line go together. The delete rides on the
/// caller's SaveChanges (a decision keeping a new slip, a requester collecting one): when that
/// SaveChanges fails, or never comes, the slip is still there and no line says it went; when it
/// succeeds, the slip is gone and the line names it.
/// </summary>
public sealed class ExpiredDutySlipsTests(HallFactory hall) : IClassFixture<HallFactory>
{
    private static readonly KeptForRequester Kept = new(null, "mat-khau-tam-1");

    private async Task<Guid> SlipAsync(TimeSpan fromNow)
    {
        var id = Guid.NewGuid();
        await hall.WithDbAsync(async db =>
        {
            db.Set<DutySlip>().Add(new DutySlip { RequestId = id, AccountId = Guid.NewGuid(), Sealed = "niêm phong", ExpiresAt = DateTime.UtcNow + fromNow });
            await db.SaveChangesAsync();
        });
        return id;
    }

    private async Task<(bool Gone, bool Audited)> StateAsync(Guid slip) =>
        (!await hall.WithDbAsync(db => db.Set<DutySlip>().AnyAsync(s => s.RequestId == slip)),
         await hall.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "duty.slips-expired" && e.DataJson.Contains(slip.ToString()))));

    [Fact]
    public async Task An_expired_slip_is_gone_only_with_its_audit_line()
    {
        var expired = await SlipAsync(TimeSpan.FromMinutes(-1));
        var live = await SlipAsync(DutySlips.Lifetime);

        // A decision keeps its slip, then fails before its SaveChanges: nothing of it stays.
        await using (var scope = hall.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DutySlips>().KeepAsync(Guid.NewGuid(), Guid.NewGuid(), Kept, default);
        }
        Assert.Equal((false, false), await StateAsync(expired));

        // A decision whose SaveChanges fails (here: a slip for a request that already has one).
        await using (var scope = hall.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DutySlips>().KeepAsync(live, Guid.NewGuid(), Kept, default);
            await Assert.ThrowsAsync<DbUpdateException>(() => scope.ServiceProvider.GetRequiredService<ElectionDbContext>().SaveChangesAsync());
        }
        Assert.Equal((false, false), await StateAsync(expired));

        // A decision that is saved: the expired slip goes, and the audit says so, naming it.
        await using (var scope = hall.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DutySlips>().KeepAsync(Guid.NewGuid(), Guid.NewGuid(), Kept, default);
            await scope.ServiceProvider.GetRequiredService<ElectionDbContext>().SaveChangesAsync();
        }
        Assert.Equal((true, true), await StateAsync(expired));
        Assert.True(await hall.WithDbAsync(db => db.Set<DutySlip>().AnyAsync(s => s.RequestId == live)));
    }

    [Fact]
    public async Task An_expired_slip_the_other_server_deleted_first_does_not_fail_the_save()
    {
        var expired = await SlipAsync(TimeSpan.FromMinutes(-1));
        var kept = Guid.NewGuid();
        await using var scope = hall.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DutySlips>().KeepAsync(kept, Guid.NewGuid(), Kept, default);
        // The other hall server expires it between this one's read and its save.
        await hall.WithDbAsync(db => db.Set<DutySlip>().Where(s => s.RequestId == expired).ExecuteDeleteAsync());

        await scope.ServiceProvider.GetRequiredService<ElectionDbContext>().SaveChangesAsync();

        Assert.True(await hall.WithDbAsync(db => db.Set<DutySlip>().AnyAsync(s => s.RequestId == kept)));
        Assert.Equal((true, true), await StateAsync(expired));
    }
}
