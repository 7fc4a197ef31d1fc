using System.Security.Claims;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Audit;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Shared;
using ElectionSystem.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.Admin;

public sealed record AccountDto(Guid Id, string UserName, string DisplayName, string Role, string RoleName, bool Disabled);

public sealed record AccountCreate(string UserName, string DisplayName, string Role);

public sealed record AccountRoleChange(string Role);

/// <summary>The password is shown once, here; only its hash is kept.</summary>
public sealed record AccountCreated(AccountDto Account, string Password);

public sealed record DisplayKeyDto(Guid Id, string Name, DateTime CreatedAt, bool Revoked);

public sealed record DisplayKeyCreate(string Name);

/// <summary>The key is shown once, here; only its hash is kept. ProjectorUrl opens the projector with it.</summary>
public sealed record DisplayKeyCreated(DisplayKeyDto DisplayKey, string Key, string ProjectorUrl);

/// <summary>
/// /api/accounts, /api/display-keys and /api/audit: organisers only, every change audited. A password
/// reset, a disable and a role change end every session of the account (StaffSessions); revoking a
/// display key closes the hub connections it opened.
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

    private static AccountDto ToDto(Account a) => new(a.Id, a.UserName, a.DisplayName, a.Role, Roles.DisplayNameVi(a.Role), a.Disabled);

    private static async Task<Ok<List<AccountDto>>> List(ElectionDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.Accounts.AsNoTracking().OrderBy(a => a.Role).ThenBy(a => a.UserName).ToListAsync(ct)).Select(ToDto).ToList());

    private static async Task<Results<Ok<AccountCreated>, ProblemHttpResult>> Create(
        AccountCreate request, ElectionDbContext db, AuditLog audit, HallClock clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var userName = request.UserName.Trim();
        if (await db.Accounts.AnyAsync(a => a.UserName == userName, ct))
        {
            return Problems.Conflict($"Tên đăng nhập \"{userName}\" đã có.");
        }
        var password = PasswordHasher.NewPassword();
        var account = new Account
        {
            Id = Guid.NewGuid(),
            UserName = userName,
            DisplayName = string.IsNullOrWhiteSpace(request.DisplayName) ? userName : Domain.Names.VietnameseText.Normalize(request.DisplayName),
            Role = request.Role,
            PasswordHash = PasswordHasher.Hash(password),
            CreatedAt = clock.UtcNow,
        };
        db.Accounts.Add(account);
        await audit.AppendAsync(user, "account.created", $"account:{userName}", new { account.Role });
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new AccountCreated(ToDto(account), password));
    }

    private static async Task<Results<Ok<AccountCreated>, ProblemHttpResult>> ResetPassword(
        Guid id, ElectionDbContext db, AuditLog audit, StaffSessions sessions, ClaimsPrincipal user, CancellationToken ct)
    {
        var account = await db.Accounts.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (account is null)
        {
            return Problems.NotFound($"Không có tài khoản {id}.");
        }
        var password = PasswordHasher.NewPassword();
        account.PasswordHash = PasswordHasher.Hash(password);
        StaffSessions.Revoke(account);
        await audit.AppendAsync(user, "account.password-reset", $"account:{account.UserName}");
        await db.SaveChangesAsync(ct);
        sessions.Ended(account.Id);
        return TypedResults.Ok(new AccountCreated(ToDto(account), password));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Disable(
        Guid id, ElectionDbContext db, AuditLog audit, StaffSessions sessions, ClaimsPrincipal user, CancellationToken ct)
    {
        var account = await db.Accounts.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (account is null)
        {
            return Problems.NotFound($"Không có tài khoản {id}.");
        }
        if (account.UserName == user.Identity?.Name)
        {
            return Problems.Conflict("Không thể tự khóa tài khoản đang dùng.");
        }
        account.Disabled = true;
        StaffSessions.Revoke(account);
        await audit.AppendAsync(user, "account.disabled", $"account:{account.UserName}");
        await db.SaveChangesAsync(ct);
        sessions.Ended(account.Id);
        return TypedResults.NoContent();
    }

    /// <summary>Mở khóa: a disabled account signs in again (with its password; its old sessions stay ended).</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> Enable(
        Guid id, ElectionDbContext db, AuditLog audit, StaffSessions sessions, ClaimsPrincipal user, CancellationToken ct)
    {
        var account = await db.Accounts.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (account is null)
        {
            return Problems.NotFound($"Không có tài khoản {id}.");
        }
        if (account.Disabled)
        {
            account.Disabled = false;
            // A new stamp, and the cached one dropped: a request seen while it was disabled must not
            // keep its new sign-ins refused, and nothing from before the lock comes back.
            StaffSessions.Revoke(account);
            await audit.AppendAsync(user, "account.enabled", $"account:{account.UserName}");
            await db.SaveChangesAsync(ct);
            sessions.Ended(account.Id);
        }
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<AccountDto>, ProblemHttpResult>> ChangeRole(
        Guid id, AccountRoleChange request, ElectionDbContext db, AuditLog audit, StaffSessions sessions, ClaimsPrincipal user, CancellationToken ct)
    {
        var account = await db.Accounts.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (account is null)
        {
            return Problems.NotFound($"Không có tài khoản {id}.");
        }
        if (account.UserName == user.Identity?.Name)
        {
            return Problems.Conflict("Không thể tự đổi vai trò của tài khoản đang dùng.");
        }
        var from = account.Role;
        account.Role = request.Role;
        StaffSessions.Revoke(account);
        await audit.AppendAsync(user, "account.role-changed", $"account:{account.UserName}", new { From = from, To = request.Role });
        await db.SaveChangesAsync(ct);
        sessions.Ended(account.Id);
        return TypedResults.Ok(ToDto(account));
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
