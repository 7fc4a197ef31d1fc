using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace ElectionSystem.Server.Features.Auth;

/// <summary>A wrong attempt as counted: its number, and the wait it started (null: none).</summary>
public sealed record CountedFailure(int Failures, DateTime? Until);

/// <summary>
/// Where a back-off is kept on a row: the row's key, the count of wrong attempts in a row, and the
/// end of the wait that count started. A staff account, a delegate's PIN and a committee member's
/// secret each name their own three columns.
/// </summary>
public sealed record BackOffColumns<T>(
    Expression<Func<T, Guid>> Key, Expression<Func<T, int>> Failures, Expression<Func<T, DateTime?>> Until);

/// <summary>
/// The one back-off counter (ADR 0009), kept on the row so a restart forgets nothing. Each wrong
/// attempt is counted by one compare-and-set UPDATE: "count + 1 where the count is still what I
/// read and no wait is running". Losing that race means another attempt was counted first, so this
/// one reads again: no increment is lost, and no attempt is looked at after a wait has started. The
/// retries end once a wait starts, so they are bounded by the schedule (<see cref="SignInBackOff"/>).
/// No lock is held while a password or PIN is hashed, and the rule holds for any number of server
/// processes sharing the database. Staff passwords (<see cref="LoginThrottle"/>), delegate PINs
/// (Tablet's PinThrottle) and committee secrets (Duties' MemberSecretThrottle) name their columns.
/// </summary>
public abstract class BackOffCounter<T>(IQueryable<T> rows, BackOffColumns<T> columns, SignInBackOff backOff) where T : class
{
    private sealed record Seen(int Failures, DateTime? Until);

    /// <summary>The schedule of waits, for the wrapper's messages.</summary>
    protected SignInBackOff Schedule { get; } = backOff;

    /// <summary>Counts a wrong attempt; null when a wait was already running (then nothing is counted).</summary>
    public async Task<CountedFailure?> FailedAsync(Guid id, DateTime now, CancellationToken ct)
    {
        while (true)
        {
            var seen = await Row(id).Select(On(columns.Failures, columns.Until, (f, u) => new Seen(f, u))).SingleAsync(ct);
            if (seen.Until > now)
            {
                return null;
            }
            var until = Schedule.Until(seen.Failures + 1, now);
            var counted = await NotWaiting(id, now).Where(On(columns.Failures, f => f == seen.Failures))
                .ExecuteUpdateAsync(u => u
                    .SetProperty(columns.Failures, On(columns.Failures, f => f + 1))
                    .SetProperty(columns.Until, until), ct);
            if (counted == 1)
            {
                return new CountedFailure(seen.Failures + 1, until);
            }
        }
    }

    /// <summary>Sets the count back to zero, unless a wait started meanwhile (then false: refuse the sign-in).</summary>
    public async Task<bool> SucceededAsync(Guid id, DateTime now, CancellationToken ct) =>
        await NotWaiting(id, now)
            .ExecuteUpdateAsync(u => u
                .SetProperty(columns.Failures, 0)
                .SetProperty(columns.Until, (DateTime?)null), ct) == 1;

    /// <summary>The end of the wait still running for this row (now if it has just ended).</summary>
    public async Task<DateTime> WaitingUntilAsync(Guid id, DateTime now, CancellationToken ct)
    {
        var until = await Row(id).Select(columns.Until).SingleOrDefaultAsync(ct);
        return until > now ? until.Value : now;
    }

    /// <summary>The row with this key.</summary>
    protected IQueryable<T> Row(Guid id) => rows.Where(On(columns.Key, k => k == id));

    /// <summary>The row with this key, if no wait runs on it now (a compare-and-set's condition).</summary>
    protected IQueryable<T> NotWaiting(Guid id, DateTime now) => Row(id).Where(On(columns.Until, u => u == null || u <= now));

    // The template's values (id, now, the count read) stay closure members, so EF sends them as parameters.
    private static Expression<Func<T, TResult>> On<TColumn, TResult>(Expression<Func<T, TColumn>> column, Expression<Func<TColumn, TResult>> template) =>
        Expression.Lambda<Func<T, TResult>>(
            ReplacingExpressionVisitor.Replace(template.Parameters[0], column.Body, template.Body), column.Parameters);

    private static Expression<Func<T, TResult>> On<TA, TB, TResult>(
        Expression<Func<T, TA>> a, Expression<Func<T, TB>> b, Expression<Func<TA, TB, TResult>> template)
    {
        var bBody = ReplacingExpressionVisitor.Replace(b.Parameters[0], a.Parameters[0], b.Body);
        var body = new ReplacingExpressionVisitor([template.Parameters[0], template.Parameters[1]], [a.Body, bBody]).Visit(template.Body);
        return Expression.Lambda<Func<T, TResult>>(body, a.Parameters);
    }
}
