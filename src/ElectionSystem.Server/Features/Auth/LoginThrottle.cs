using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.Auth;

/// <summary>A wrong attempt as counted: its number, and the wait it started (null: none).</summary>
public sealed record CountedFailure(int Failures, DateTime? Until);

/// <summary>
/// Per-account back-off for staff passwords (ADR 0009), kept on the account row so a restart
/// forgets nothing. Each wrong password is counted by one compare-and-set UPDATE: "count + 1 where
/// the count is still what I read and no wait is running". Losing that race means another attempt
/// was counted first, so this one reads again: no increment is lost, and no attempt is looked at
/// after a wait has started. The retries end once a wait starts, so they are bounded by the
/// schedule. The per-address limit is the "login" rate-limiter policy. The sign-in and the current
/// password at a change (<c>/api/auth/password</c>) count in the same back-off: <see cref="Waiting"/>,
/// <see cref="WrongAsync"/> and <see cref="RightAsync"/> give both the same answers.
/// </summary>
public sealed class LoginThrottle(ElectionDbContext db, SignInBackOff backOff, TimeProvider time, AuditLog audit)
{
    public DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>429 while the account's wait runs (no password is even looked at), else null.</summary>
    public ProblemHttpResult? Waiting(Account account, DateTime now) =>
        account.SignInBackOffUntil is { } until && until > now ? WaitingProblem(account.UserName, until, now) : null;

    /// <summary>
    /// A wrong password of this account, at <paramref name="attempt"/> ("sign-in", "password-change"):
    /// counted; a wait it starts is audited (<c>auth.back-off</c>) and told in the answer made by
    /// <paramref name="answer"/> (detail, retryAt); 429 when a wait had started meanwhile.
    /// </summary>
    public async Task<ProblemHttpResult> WrongAsync(
        Account account, DateTime now, string attempt, string detail, Func<string, DateTime?, ProblemHttpResult> answer, CancellationToken ct)
    {
        var counted = await FailedAsync(account.Id, now, ct);
        if (counted is null)
        {
            return WaitingProblem(account.UserName, await WaitingUntilAsync(account.Id, now, ct), now);
        }
        if (counted.Until is not { } until)
        {
            return answer(detail, null);
        }
        await audit.AppendAsync($"{account.UserName} ({attempt})", "auth.back-off", $"account:{account.UserName}", new { failures = counted.Failures, until });
        await db.SaveChangesAsync(ct);
        return answer($"{detail} Đã sai {counted.Failures} lần liên tiếp. {backOff.TryAgain(until, now)}", until);
    }

    /// <summary>The right password: the count back to zero; 429 when wrong ones raced it and started a wait (it holds for the right one too).</summary>
    public async Task<ProblemHttpResult?> RightAsync(Account account, DateTime now, CancellationToken ct) =>
        await SucceededAsync(account.Id, now, ct) ? null : WaitingProblem(account.UserName, await WaitingUntilAsync(account.Id, now, ct), now);

    private ProblemHttpResult WaitingProblem(string userName, DateTime until, DateTime now) => SignInBackOff.Waiting(
        $"Tài khoản \"{userName}\" đang phải chờ vì nhập sai mật khẩu nhiều lần liên tiếp. {backOff.TryAgain(until, now)}", until);

    /// <summary>Counts a wrong password; null when a wait was already running (then nothing is counted).</summary>
    public async Task<CountedFailure?> FailedAsync(Guid accountId, DateTime now, CancellationToken ct)
    {
        while (true)
        {
            var seen = await db.Accounts.Where(a => a.Id == accountId)
                .Select(a => new { a.FailedSignIns, a.SignInBackOffUntil }).SingleAsync(ct);
            if (seen.SignInBackOffUntil > now)
            {
                return null;
            }
            var until = backOff.Until(seen.FailedSignIns + 1, now);
            var counted = await db.Accounts
                .Where(a => a.Id == accountId && a.FailedSignIns == seen.FailedSignIns
                    && (a.SignInBackOffUntil == null || a.SignInBackOffUntil <= now))
                .ExecuteUpdateAsync(u => u
                    .SetProperty(a => a.FailedSignIns, a => a.FailedSignIns + 1)
                    .SetProperty(a => a.SignInBackOffUntil, until), ct);
            if (counted == 1)
            {
                return new CountedFailure(seen.FailedSignIns + 1, until);
            }
        }
    }

    /// <summary>Sets the count back to zero, unless a wait started meanwhile (then false: refuse the sign-in).</summary>
    public async Task<bool> SucceededAsync(Guid accountId, DateTime now, CancellationToken ct) =>
        await db.Accounts
            .Where(a => a.Id == accountId && (a.SignInBackOffUntil == null || a.SignInBackOffUntil <= now))
            .ExecuteUpdateAsync(u => u
                .SetProperty(a => a.FailedSignIns, 0)
                .SetProperty(a => a.SignInBackOffUntil, (DateTime?)null), ct) == 1;

    /// <summary>The end of the wait still running for this account (now if it has just ended).</summary>
    public async Task<DateTime> WaitingUntilAsync(Guid accountId, DateTime now, CancellationToken ct)
    {
        var until = await db.Accounts.Where(a => a.Id == accountId).Select(a => a.SignInBackOffUntil).SingleOrDefaultAsync(ct);
        return until > now ? until.Value : now;
    }
}
