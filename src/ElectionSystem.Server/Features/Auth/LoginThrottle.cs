using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.Auth;

/// <summary>
/// Per-account back-off for staff passwords (ADR 0009) on the account row, counted by the one
/// compare-and-set counter (<see cref="BackOffCounter{T}"/>). The per-address limit is the "login"
/// rate-limiter policy. The sign-in and the current password at a change (<c>/api/auth/password</c>)
/// count in the same back-off: <see cref="Waiting"/>, <see cref="WrongAsync"/> and
/// <see cref="RightAsync"/> give both the same answers.
/// </summary>
public sealed class LoginThrottle(ElectionDbContext db, SignInBackOff backOff, TimeProvider time, AuditLog audit)
    : BackOffCounter<Account>(db.Accounts, Columns, backOff)
{
    private static readonly BackOffColumns<Account> Columns = new(a => a.Id, a => a.FailedSignIns, a => a.SignInBackOffUntil);

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
        return answer($"{detail} Đã sai {counted.Failures} lần liên tiếp. {Schedule.TryAgain(until, now)}", until);
    }

    /// <summary>The right password: the count back to zero; 429 when wrong ones raced it and started a wait (it holds for the right one too).</summary>
    public async Task<ProblemHttpResult?> RightAsync(Account account, DateTime now, CancellationToken ct) =>
        await SucceededAsync(account.Id, now, ct) ? null : WaitingProblem(account.UserName, await WaitingUntilAsync(account.Id, now, ct), now);

    private ProblemHttpResult WaitingProblem(string userName, DateTime until, DateTime now) => SignInBackOff.Waiting(
        $"Tài khoản \"{userName}\" đang phải chờ vì nhập sai mật khẩu nhiều lần liên tiếp. {Schedule.TryAgain(until, now)}", until);
}
