using ElectionSystem.Server.Features.Auth;

namespace ElectionSystem.Server.Features.Elections;

/// <summary>/api/elections, results: announced results and receipts (everyone signed in), turnout and the projector's view (staff, displays).</summary>
public static class ResultEndpoints
{
    public const string ResultRoles = Roles.StaffAndDisplays + "," + Roles.Delegate;

    public static RouteGroupBuilder MapResults(this RouteGroupBuilder elections)
    {
        var results = elections.MapGroup("").RequireAuthorization(AuthSetup.Require(ResultRoles));
        results.MapGet("/rounds/{roundId:guid}/results", async (Guid roundId, RoundResults s, CancellationToken ct) => (await s.PublicResultAsync(roundId, ct)).ToHttp());
        results.MapGet("/{electionId:guid}/outcome", async (Guid electionId, ElectionOutcome s, CancellationToken ct) => (await s.ForElectionAsync(electionId, ct)).ToHttp());
        results.MapGet("/rounds/{roundId:guid}/receipts", async (Guid roundId, RoundResults s, CancellationToken ct) => (await s.PublicReceiptsAsync(roundId, ct)).ToHttp());

        var screens = elections.MapGroup("").RequireAuthorization(AuthSetup.Require(Roles.StaffAndDisplays));
        screens.MapGet("/turnout", async (RoundTurnout s, CancellationToken ct) => TypedResults.Ok(await s.TurnoutAsync(ct)));
        screens.MapGet("/projector", async (RoundTurnout s, CancellationToken ct) => TypedResults.Ok(await s.ProjectorStateAsync(ct)));
        return elections;
    }
}
