using System.Security.Claims;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Audit;
using ElectionSystem.Server.Features.Shared;
using ElectionSystem.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.Auth;

/// <summary>An account changed, and the temporary password made for it (null when none was made).</summary>
public sealed record AccountChange(Account Account, string? TemporaryPassword);

/// <summary>
/// The organisers' changes to staff accounts, as one capability: the Admin page calls them at once
/// before the congress, Features/Duties calls them once a committee member approves during it
/// (ADR 0010). Every password the server makes is temporary (<see cref="Account.MustChangePassword"/>):
/// the person sets their own before the account does anything else. Each change is audited and
/// saved in one unit with whatever the caller already tracks (a duty's decision); those that take
/// or move power end every session of the account (<see cref="StaffSessions"/>).
/// </summary>
public sealed class StaffAccounts(ElectionDbContext db, AuditLog audit, HallClock clock, StaffSessions sessions)
{
    public const string NotYourself = "Không thể tự khóa tài khoản đang dùng.";
    public const string NotYourOwnRole = "Không thể tự đổi vai trò của tài khoản đang dùng.";

    private static ProblemHttpResult Missing(Guid id) => Problems.NotFound($"Không có tài khoản {id}.");

    /// <summary>A user name already taken (compared without case, as the column is).</summary>
    public async Task<ProblemHttpResult?> NameTakenAsync(string userName, CancellationToken ct) =>
        await db.Accounts.AnyAsync(a => a.UserName == userName, ct) ? Problems.Conflict($"Tên đăng nhập \"{userName}\" đã có.") : null;

    public async Task<ProblemOr<AccountChange>> CreateAsync(
        ClaimsPrincipal user, string userName, string displayName, string role, CancellationToken ct, object? approval = null)
    {
        userName = userName.Trim();
        if (await NameTakenAsync(userName, ct) is { } taken) return taken;
        var password = PasswordHasher.NewPassword();
        var account = new Account
        {
            Id = Guid.NewGuid(),
            UserName = userName,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? userName : Domain.Names.VietnameseText.Normalize(displayName),
            Role = role,
            PasswordHash = PasswordHasher.Hash(password),
            MustChangePassword = true,
            CreatedAt = clock.UtcNow,
        };
        db.Accounts.Add(account);
        await audit.AppendAsync(user, "account.created", $"account:{userName}", approval is null ? new { account.Role } : new { account.Role, approval });
        await db.SaveChangesAsync(ct);
        return new AccountChange(account, password);
    }

    public async Task<ProblemOr<AccountChange>> ResetPasswordAsync(ClaimsPrincipal user, Guid id, CancellationToken ct, object? approval = null)
    {
        if (await FindAsync(id, ct) is not { } account) return Missing(id);
        var password = PasswordHasher.NewPassword();
        account.PasswordHash = PasswordHasher.Hash(password);
        account.MustChangePassword = true;
        return await SaveEndingSessionsAsync(user, account, "account.password-reset", approval is null ? null : new { approval }, password, ct);
    }

    /// <summary>Khóa: takes power away only, so never held for approval.</summary>
    public async Task<ProblemOr<AccountChange>> DisableAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } account) return Missing(id);
        if (account.UserName == user.Identity?.Name) return Problems.Conflict(NotYourself);
        account.Disabled = true;
        return await SaveEndingSessionsAsync(user, account, "account.disabled", null, null, ct);
    }

    /// <summary>Mở khóa: a disabled account signs in again (with its password; its old sessions stay ended).</summary>
    public async Task<ProblemOr<AccountChange>> EnableAsync(ClaimsPrincipal user, Guid id, CancellationToken ct, object? approval = null)
    {
        if (await FindAsync(id, ct) is not { } account) return Missing(id);
        if (!account.Disabled)
        {
            return new AccountChange(account, null); // nothing to do
        }
        account.Disabled = false;
        // A new stamp, and the cached one dropped: a request seen while it was disabled must not
        // keep its new sign-ins refused, and nothing from before the lock comes back.
        return await SaveEndingSessionsAsync(user, account, "account.enabled", approval is null ? null : new { approval }, null, ct);
    }

    public async Task<ProblemOr<AccountChange>> ChangeRoleAsync(ClaimsPrincipal user, Guid id, string role, CancellationToken ct, object? approval = null)
    {
        if (await FindAsync(id, ct) is not { } account) return Missing(id);
        if (account.UserName == user.Identity?.Name) return Problems.Conflict(NotYourOwnRole);
        var from = account.Role;
        account.Role = role;
        return await SaveEndingSessionsAsync(user, account, "account.role-changed",
            approval is null ? new { From = from, To = role } : new { From = from, To = role, approval }, null, ct);
    }

    public Task<Account?> FindAsync(Guid id, CancellationToken ct) => db.Accounts.FirstOrDefaultAsync(a => a.Id == id, ct);

    /// <summary>
    /// The account a screen asks to change: 404 when there is none, the screen's own 403 (<paramref name="may"/>,
    /// one of <see cref="AccountPowers"/>'s, given the account's role) when it is not that screen's to change.
    /// </summary>
    public async Task<ProblemOr<Account>> FindForAsync(Guid id, Func<string, ProblemHttpResult?> may, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } account) return Missing(id);
        return may(account.Role) is { } notYours ? notYours : account;
    }

    private async Task<ProblemOr<AccountChange>> SaveEndingSessionsAsync(
        ClaimsPrincipal user, Account account, string action, object? data, string? password, CancellationToken ct)
    {
        StaffSessions.Revoke(account);
        await audit.AppendAsync(user, action, $"account:{account.UserName}", data);
        await db.SaveChangesAsync(ct);
        sessions.Ended(account.Id);
        return new AccountChange(account, password);
    }
}
