using ElectionSystem.Server.Data;
using ElectionSystem.Server.Hosting;
using ElectionSystem.Server.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.Tablet;

/// <summary>
/// Which tablet session is current for each delegate: one tablet at a time. The database row
/// (<see cref="DelegateCredential.TabletSessionId"/>) is the truth; this cache saves a query on
/// every tablet request and is updated by sign-in and sign-out in this process; the other hall
/// server drops its entry (<see cref="IHallBus"/>), and with two servers an entry expires by itself.
/// </summary>
public sealed class TabletSessions
{
    public const string SignedInElsewhere = "Đã đăng nhập trên máy tính bảng khác";
    internal const string Topic = "tablet-session";

    private readonly IServiceScopeFactory scopes;
    private readonly IHallBus bus;
    private readonly NodeCache<Guid, Guid?> _current;

    public TabletSessions(IServiceScopeFactory scopes, IHallBus bus)
    {
        this.scopes = scopes;
        this.bus = bus;
        _current = new NodeCache<Guid, Guid?>(bus.CacheLifetime);
        bus.Subscribe(Topic, id =>
        {
            if (Guid.TryParse(id, out var delegateId)) _current.Remove(delegateId);
        });
    }

    public async Task<bool> IsCurrentAsync(Guid delegateId, Guid tabletSession, CancellationToken cancellationToken)
    {
        // A sign-in saved (here or on the other node) while the query runs does not leave the old session in the cache.
        var current = await _current.GetOrLoadAsync(delegateId, async (id, ct) =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ElectionDbContext>();
            return await db.Set<DelegateCredential>().AsNoTracking()
                .Where(c => c.DelegateId == id).Select(c => c.TabletSessionId).FirstOrDefaultAsync(ct);
        }, cancellationToken);
        return current == tabletSession;
    }

    public void Set(Guid delegateId, Guid? tabletSession)
    {
        _current.Set(delegateId, tabletSession);
        bus.Publish(Topic, delegateId.ToString("N"));
    }
}

/// <summary>
/// Refuses a request or hub connection made with a tablet token whose session has been replaced by
/// a sign-in on another tablet: 401 with the reason, so the old tablet can say why.
/// </summary>
public static class TabletSessionMiddleware
{
    public static IApplicationBuilder UseTabletSessions(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var user = http.User;
        if (user.FindDelegateId() is { } delegateId && user.FindTabletSession() is { } session
            && !await http.RequestServices.GetRequiredService<TabletSessions>().IsCurrentAsync(delegateId, session, http.RequestAborted))
        {
            var problem = Problems.Unauthorized(SignedInElsewhereDetail);
            await problem.ExecuteAsync(http);
            return;
        }
        await next(http);
    });

    private const string SignedInElsewhereDetail = TabletSessions.SignedInElsewhere + ". Máy này đã được đăng xuất.";
}
