using System.Security.Claims;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Audit;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Shared;
using ElectionSystem.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.Admin;

/// <summary>MustChangePassword: still on the temporary password it was given ("Chưa đổi mật khẩu tạm").</summary>
public sealed record AccountDto(Guid Id, string UserName, string DisplayName, string Role, string RoleName, bool Disabled, bool MustChangePassword = false);

public sealed record AccountCreate(string UserName, string DisplayName, string Role);

public sealed record AccountRoleChange(string Role);

/// <summary>The temporary password is shown once, here; only its hash is kept, and the account must change it before anything else.</summary>
public sealed record AccountCreated(AccountDto Account, string Password);

public sealed record DisplayKeyDto(Guid Id, string Name, DateTime CreatedAt, bool Revoked);

public sealed record DisplayKeyCreate(string Name);

/// <summary>The key is shown once, here; only its hash is kept. ProjectorUrl opens the projector with it.</summary>
public sealed record DisplayKeyCreated(DisplayKeyDto DisplayKey, string Key, string ProjectorUrl);

/// <summary>
/// /api/accounts, /api/display-keys and /api/audit: organisers only, every change audited. A password
/// reset, a disable and a role change end every session of the account (StaffSessions); revoking a
/// display key closes the hub connections it opened. During the congress a new account, a password
/// reset, an unlock and a role change wait for a counting-committee member (answered 202, ADR 0010);
/// a disable does not. No change here creates, resets, unlocks or re-roles a presidium account, nor
/// makes one (403, <see cref="AccountPowers"/>): the presidium makes its own (Features/Presidium).
/// </summary>
public static class AccountEndpoints
{
    public static RouteGroupBuilder MapAccounts(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/accounts").WithTags("Accounts")
            .RequireAuthorization(AuthSetup.Require(Roles.Organiser)).DisableAntiforgery();
        group.MapGet("/", List);
        group.MapPost("/", Create);
        group.MapPost("/{id:guid}/reset-password", ResetPassword);
        group.MapPost("/{id:guid}/disable", Disable);
        group.MapPost("/{id:guid}/enable", Enable);
        group.MapPost("/{id:guid}/role", ChangeRole);
        return group;
    }

    public static RouteGroupBuilder MapDisplayKeys(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/display-keys").WithTags("Display keys")
            .RequireAuthorization(AuthSetup.Require(Roles.Organiser)).DisableAntiforgery();
        group.MapGet("/", ListKeys);
        group.MapPost("/", CreateKey);
        group.MapPost("/{id:guid}/revoke", RevokeKey);
        return group;
    }

    /// <summary>/api/audit: the hash-chained log and its verifier, organisers only.</summary>
    public static RouteGroupBuilder MapAudit(this IEndpointRouteBuilder routes) =>
        routes.MapGroup("/api/audit").WithTags("Audit")
            .RequireAuthorization(AuthSetup.Require(Roles.Organiser))
            .MapAuditRoutes();

    private static AccountDto ToDto(Account a) =>
        new(a.Id, a.UserName, a.DisplayName, a.Role, Roles.DisplayNameVi(a.Role), a.Disabled, a.MustChangePassword);

    private static async Task<Ok<List<AccountDto>>> List(ElectionDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.Accounts.AsNoTracking().OrderBy(a => a.Role).ThenBy(a => a.UserName).ToListAsync(ct)).Select(ToDto).ToList());

    private static Results<Ok<AccountCreated>, Accepted<PendingDuty>, ProblemHttpResult> Created(ProblemOr<AccountChange> done) =>
        done.Problem is { } p ? p : TypedResults.Ok(new AccountCreated(ToDto(done.Value!.Account), done.Value.TemporaryPassword!));

    private static Results<Ok<AccountCreated>, Accepted<PendingDuty>, ProblemHttpResult> Held(PendingDuty pending) =>
        TypedResults.Accepted((string?)null, pending);

    /// <summary>During the congress a new account waits for a committee member (ADR 0010); its password is temporary either way.</summary>
    private static async Task<Results<Ok<AccountCreated>, Accepted<PendingDuty>, ProblemHttpResult>> Create(
        AccountCreate request, StaffAccounts accounts, IDutyGate gate, ClaimsPrincipal user, CancellationToken ct)
    {
        if (AccountPowers.OrganiserMay(request.Role) is { } notYours)
        {
            return notYours;
        }
        var userName = request.UserName.Trim();
        if (await accounts.NameTakenAsync(userName, ct) is { } taken)
        {
            return taken;
        }
        var subject = new AccountSubject(null, userName, request.DisplayName ?? "", request.Role);
        if (await gate.HoldAccountAsync(user, DutyKinds.AccountCreate, subject, ct) is { } pending)
        {
            return Held(pending);
        }
        return Created(await accounts.CreateAsync(user, userName, request.DisplayName ?? "", request.Role, ct));
    }

    private static async Task<Results<Ok<AccountCreated>, Accepted<PendingDuty>, ProblemHttpResult>> ResetPassword(
        Guid id, StaffAccounts accounts, IDutyGate gate, ClaimsPrincipal user, CancellationToken ct)
    {
        var found = await accounts.FindForAsync(id, role => AccountPowers.OrganiserMay(role), ct);
        if (found.Value is not { } account)
        {
            return found.Problem!;
        }
        if (await gate.HoldAccountAsync(user, DutyKinds.AccountPasswordReset, AccountSubject.Of(account), ct) is { } pending)
        {
            return Held(pending);
        }
        return Created(await accounts.ResetPasswordAsync(user, id, ct));
    }

    /// <summary>Khóa: at once, even during the congress (it only takes power away).</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> Disable(Guid id, StaffAccounts accounts, ClaimsPrincipal user, CancellationToken ct) =>
        (await accounts.DisableAsync(user, id, ct)).Problem is { } p ? p : TypedResults.NoContent();

    /// <summary>Mở khóa: a disabled account signs in again (with its password; its old sessions stay ended).</summary>
    private static async Task<Results<NoContent, Accepted<PendingDuty>, ProblemHttpResult>> Enable(
        Guid id, StaffAccounts accounts, IDutyGate gate, ClaimsPrincipal user, CancellationToken ct)
    {
        var found = await accounts.FindForAsync(id, role => AccountPowers.OrganiserMay(role), ct);
        if (found.Value is not { } account)
        {
            return found.Problem!;
        }
        if (account.Disabled && await gate.HoldAccountAsync(user, DutyKinds.AccountEnable, AccountSubject.Of(account), ct) is { } pending)
        {
            return TypedResults.Accepted((string?)null, pending);
        }
        return (await accounts.EnableAsync(user, id, ct)).Problem is { } p ? p : TypedResults.NoContent();
    }

    private static async Task<Results<Ok<AccountDto>, Accepted<PendingDuty>, ProblemHttpResult>> ChangeRole(
        Guid id, AccountRoleChange request, StaffAccounts accounts, IDutyGate gate, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await accounts.FindAsync(id, ct) is not { } account)
        {
            return Problems.NotFound($"Không có tài khoản {id}.");
        }
        if (account.UserName == user.Identity?.Name)
        {
            return Problems.Conflict(StaffAccounts.NotYourOwnRole);
        }
        if (AccountPowers.OrganiserMay(account.Role, request.Role) is { } notYours)
        {
            return notYours;
        }
        if (await gate.HoldAccountAsync(user, DutyKinds.AccountRoleChange, AccountSubject.Of(account) with { Role = request.Role }, ct) is { } pending)
        {
            return TypedResults.Accepted((string?)null, pending);
        }
        var done = await accounts.ChangeRoleAsync(user, id, request.Role, ct);
        return done.Problem is { } p ? p : TypedResults.Ok(ToDto(done.Value!.Account));
    }

    private static async Task<Ok<List<DisplayKeyDto>>> ListKeys(ElectionDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.DisplayKeys.AsNoTracking().OrderBy(k => k.CreatedAt)
            .Select(k => new DisplayKeyDto(k.Id, k.Name, k.CreatedAt, k.Revoked)).ToListAsync(ct));

    private static async Task<Results<Ok<DisplayKeyCreated>, ProblemHttpResult>> CreateKey(
        DisplayKeyCreate request, ElectionDbContext db, AuditLog audit, HallClock clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var key = DisplayKeys.NewKey();
        var entity = new DisplayKey { Id = Guid.NewGuid(), Name = Domain.Names.VietnameseText.Normalize(request.Name), KeyHash = DisplayKeys.HashKey(key), CreatedAt = clock.UtcNow };
        db.DisplayKeys.Add(entity);
        await audit.AppendAsync(user, "display-key.created", $"display:{entity.Name}");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new DisplayKeyCreated(new DisplayKeyDto(entity.Id, entity.Name, entity.CreatedAt, false), key, $"/projector?key={key}"));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeKey(
        Guid id, ElectionDbContext db, AuditLog audit, SignedInConnections connections, ClaimsPrincipal user, CancellationToken ct)
    {
        var key = await db.DisplayKeys.FirstOrDefaultAsync(k => k.Id == id, ct);
        if (key is null)
        {
            return Problems.NotFound($"Không có khóa màn hình {id}.");
        }
        key.Revoked = true;
        await audit.AppendAsync(user, "display-key.revoked", $"display:{key.Name}");
        await db.SaveChangesAsync(ct);
        // Its requests are refused from now on (the handler reads the key each time); its open hub
        // connections were authenticated when they opened, so they are closed here.
        connections.Revoke(SignedInConnections.DisplaySubject(key.Id));
        return TypedResults.NoContent();
    }
}
