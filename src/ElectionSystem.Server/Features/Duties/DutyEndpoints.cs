using System.Security.Claims;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Shared;

namespace ElectionSystem.Server.Features.Duties;

/// <summary>
/// Separation of duties (ADR 0010): the committee member's sign-in, the approvals board and the
/// member's answer to a request; the requester reads the result (and a PIN slip, once).
/// </summary>
public static class DutyEndpoints
{
    public const string BoardRoles = Roles.CountingCommittee + "," + Roles.Organiser;
    public const string RequesterRoles = Roles.Organiser + "," + Roles.CheckInStaff + "," + Roles.CountingCommittee + "," + Roles.Presidium;

    public static IServiceCollection AddDuties(this IServiceCollection services)
    {
        services.AddScoped<IDutyGate, DutyGate>();
        services.AddScoped<DutyActions>();
        services.AddScoped<DelegateDutyActions>();
        services.AddScoped<AccountDutyActions>();
        services.AddScoped<DutyDecisions>();
        services.AddScoped<DutyBoard>();
        services.AddScoped<MemberSecretThrottle>();
        services.AddScoped<CommitteeSecret>();
        services.AddScoped<ICommitteeMemberSignOut, CommitteeSignOut>();
        services.AddSingleton<DutyNotices>();
        services.AddScoped<DutySlips>();
        return services;
    }

    public static RouteGroupBuilder MapDuties(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/committee/signin", CommitteeSignIn.SignIn).WithTags("Committee")
            .AllowAnonymous().RequireRateLimiting(AuthSetup.LoginRateLimit).DisableAntiforgery();

        var group = routes.MapGroup("/api/duties").WithTags("Duties");
        group.MapGet("/", async (DutyBoard board, CancellationToken ct) => TypedResults.Ok(await board.ReadAsync(ct)))
            .RequireAuthorization(AuthSetup.Require(BoardRoles));
        group.MapGet("/{id:guid}", async (Guid id, DutyDecisions s, ClaimsPrincipal u, CancellationToken ct) => (await s.ResultAsync(id, u, ct)).ToHttp())
            .RequireAuthorization(AuthSetup.Require(RequesterRoles));
        var members = group.MapGroup("").RequireAuthorization(AuthSetup.Require(Roles.CountingCommittee)).DisableAntiforgery();
        members.MapPost("/{id:guid}/approve", async (Guid id, DutyDecisions s, DutyNotices n, ClaimsPrincipal u, CancellationToken ct) =>
            await ThenNotifyAsync(await s.DecideAsync(id, true, u, ct), n));
        members.MapPost("/{id:guid}/refuse", async (Guid id, DutyDecisions s, DutyNotices n, ClaimsPrincipal u, CancellationToken ct) =>
            await ThenNotifyAsync(await s.DecideAsync(id, false, u, ct), n));
        return group;
    }

    private static async Task<Microsoft.AspNetCore.Http.HttpResults.Results<Microsoft.AspNetCore.Http.HttpResults.Ok<DutyResultDto>, Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>> ThenNotifyAsync(
        ProblemOr<DutyResultDto> decided, DutyNotices notices)
    {
        if (decided.Problem is null) await notices.ChangedAsync();
        return decided.ToHttp();
    }
}
