using System.Security.Claims;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Shared;
using ElectionSystem.Server.Features.Tablet;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ElectionSystem.Server.Features.Elections;

/// <summary>/api/elections, delegates: the tablet's ballot, a draft's check, the cast.</summary>
public static class CastingEndpoints
{
    public static RouteGroupBuilder MapCasting(this RouteGroupBuilder elections)
    {
        var tablet = elections.MapGroup("").RequireAuthorization(AuthSetup.Require(Roles.Delegate)).DisableAntiforgery();
        tablet.MapGet("/ballot", TabletBallot);
        tablet.MapPost("/rounds/{roundId:guid}/ballot/check", async (Guid roundId, BallotRequest r, BallotDrafts s, CancellationToken ct) =>
            (await s.CheckAsync(roundId, r, ct)).ToHttp());
        tablet.MapPost("/rounds/{roundId:guid}/ballot", async (Guid roundId, CastRequest r, BallotCasting s, ClaimsPrincipal u, CancellationToken ct) =>
            (await s.CastAsync(roundId, u, r, ct)).ToHttp());
        return elections;
    }

    private static async Task<Results<Ok<TabletBallotState>, ProblemHttpResult>> TabletBallot(ClaimsPrincipal u, BallotCasting s, CancellationToken ct) =>
        u.FindDelegateId() is { } id
            ? TypedResults.Ok(await s.TabletStateAsync(id, ct))
            : Problems.Unauthorized("Hãy đăng nhập bằng thẻ đại biểu và mã PIN.");
}
