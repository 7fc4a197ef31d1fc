using System.Security.Claims;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.Presidium;

public sealed record PresidiumAccountDto(Guid Id, string UserName, string DisplayName, bool Disabled, bool MustChangePassword);

public sealed record PresidiumAccountCreate(string UserName, string DisplayName);

/// <summary>The temporary password is shown once, here, to the presidium account that asked; it must be changed at the first sign-in.</summary>
public sealed record PresidiumAccountCreated(PresidiumAccountDto Account, string Password);

/// <summary>
/// /api/presidium/accounts: the presidium makes, resets and unlocks presidium accounts, and only
/// those (ADR 0010, "Who makes the presidium"); the organiser may not. Every password made is
/// temporary. During the congress each change waits for two committee members (202, the duty gate),
/// and the temporary password goes once to the presidium account that asked (GET /api/duties/{id}).
/// </summary>
public static class PresidiumAccountEndpoints
{
    public static RouteGroupBuilder MapPresidiumAccounts(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/presidium/accounts").WithTags("Presidium accounts")
            .RequireAuthorization(AuthSetup.Require(Roles.Presidium)).DisableAntiforgery();
        group.MapGet("/", List);
        group.MapPost("/", Create);
        group.MapPost("/{id:guid}/reset-password", ResetPassword);
        group.MapPost("/{id:guid}/enable", Enable);
        return group;
    }

    private static PresidiumAccountDto ToDto(Account a) => new(a.Id, a.UserName, a.DisplayName, a.Disabled, a.MustChangePassword);

    private static async Task<Ok<List<PresidiumAccountDto>>> List(ElectionDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.Accounts.AsNoTracking().Where(a => a.Role == Roles.Presidium).OrderBy(a => a.UserName).ToListAsync(ct))
            .Select(ToDto).ToList());

    private static Results<Ok<PresidiumAccountCreated>, Accepted<PendingDuty>, ProblemHttpResult> Created(ProblemOr<AccountChange> done) =>
        done.Problem is { } p ? p : TypedResults.Ok(new PresidiumAccountCreated(ToDto(done.Value!.Account), done.Value.TemporaryPassword!));

    private static async Task<Results<Ok<PresidiumAccountCreated>, Accepted<PendingDuty>, ProblemHttpResult>> Create(
        PresidiumAccountCreate request, StaffAccounts accounts, IDutyGate gate, ClaimsPrincipal user, CancellationToken ct)
    {
        var userName = request.UserName.Trim();
        if (await accounts.NameTakenAsync(userName, ct) is { } taken)
        {
            return taken;
        }
        var subject = new AccountSubject(null, userName, request.DisplayName ?? "", Roles.Presidium);
        if (await gate.HoldAccountAsync(user, DutyKinds.AccountCreate, subject, ct) is { } pending)
        {
            return TypedResults.Accepted((string?)null, pending);
        }
        return Created(await accounts.CreateAsync(user, userName, request.DisplayName ?? "", Roles.Presidium, ct));
    }

    private static async Task<Results<Ok<PresidiumAccountCreated>, Accepted<PendingDuty>, ProblemHttpResult>> ResetPassword(
        Guid id, StaffAccounts accounts, IDutyGate gate, ClaimsPrincipal user, CancellationToken ct)
    {
        var found = await accounts.FindForAsync(id, AccountPowers.PresidiumMay, ct);
        if (found.Value is not { } account)
        {
            return found.Problem!;
        }
        if (await gate.HoldAccountAsync(user, DutyKinds.AccountPasswordReset, AccountSubject.Of(account), ct) is { } pending)
        {
            return TypedResults.Accepted((string?)null, pending);
        }
        return Created(await accounts.ResetPasswordAsync(user, id, ct));
    }

    /// <summary>Mở khóa a presidium account (the organiser may lock one, never unlock it).</summary>
    private static async Task<Results<NoContent, Accepted<PendingDuty>, ProblemHttpResult>> Enable(
        Guid id, StaffAccounts accounts, IDutyGate gate, ClaimsPrincipal user, CancellationToken ct)
    {
        var found = await accounts.FindForAsync(id, AccountPowers.PresidiumMay, ct);
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
}
