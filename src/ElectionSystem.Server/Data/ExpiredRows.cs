using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ElectionSystem.Server.Data;

/// <summary>
/// A row any hall server may delete once it has expired (a duty slip past its hour). Its delete is a
/// tracked change, saved — with its audit line — by the caller's one SaveChanges (ARCHITECTURE.md
/// invariant 4); <see cref="ExpiredRowsInterceptor"/> lets it find the row already gone.
/// </summary>
public interface IExpiredRow
{
    /// <summary>Set by whoever removes the row because it has expired; not stored.</summary>
    bool RemovedAsExpired { get; }
}

/// <summary>
/// With two hall servers both may delete the same expired rows at once: the delete that finds its row
/// gone (the other server's) is done, not a conflict — so the caller's SaveChanges, which carries a
/// decision or a collection besides, goes on. Any other conflict (a row taken once, a stale update)
/// still throws.
/// </summary>
public sealed class ExpiredRowsInterceptor : SaveChangesInterceptor
{
    public static readonly ExpiredRowsInterceptor Instance = new();

    private ExpiredRowsInterceptor()
    {
    }

    private static bool AllExpiredDeletes(ConcurrencyExceptionEventData data) =>
        data.Entries.Count > 0 && data.Entries.All(e => e.State == EntityState.Deleted && e.Entity is IExpiredRow { RemovedAsExpired: true });

    public override InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result) =>
        AllExpiredDeletes(eventData) ? InterceptionResult.Suppress() : result;

    public override ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(
        ConcurrencyExceptionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(AllExpiredDeletes(eventData) ? InterceptionResult.Suppress() : result);
}
