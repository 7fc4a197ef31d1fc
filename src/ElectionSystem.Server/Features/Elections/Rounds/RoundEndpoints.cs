using System.Security.Claims;
using ElectionSystem.Server.Features.Auth;

namespace ElectionSystem.Server.Features.Elections;

/// <summary>/api/elections, rounds: what comes next, creating it and opening it (organisers, presidium).</summary>
public static class RoundEndpoints
{
    public static RouteGroupBuilder MapRounds(this RouteGroupBuilder elections)
    {
        var setup = elections.MapGroup("").RequireAuthorization(AuthSetup.Require(SetupEndpoints.SetupRoles)).DisableAntiforgery();
        setup.MapPost("/{id:guid}/rounds", async (Guid id, CreateRoundRequest? r, RoundCreation s, ClaimsPrincipal u, CancellationToken ct) =>
            (await s.CreateAsync(id, r ?? new CreateRoundRequest(), u, ct)).ToHttp());
        setup.MapDelete("/rounds/{roundId:guid}", async (Guid roundId, RoundCreation s, ClaimsPrincipal u, CancellationToken ct) =>
            (await s.DeleteDraftAsync(roundId, u, ct)).ToHttp());
        setup.MapPost("/rounds/{roundId:guid}/open", async (Guid roundId, RoundOpening s, ClaimsPrincipal u, CancellationToken ct) =>
            (await s.OpenAsync(roundId, u, ct)).ToHttp());

        var read = elections.MapGroup("").RequireAuthorization(AuthSetup.Require(SetupEndpoints.ReadRoles));
        read.MapGet("/{id:guid}/next-step", async (Guid id, RoundCreation s, CancellationToken ct) => (await s.NextStepAsync(id, ct)).ToHttp());
        return elections;
    }
}
