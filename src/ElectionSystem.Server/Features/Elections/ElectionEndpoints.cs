using System.Security.Claims;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Projection;
using ElectionSystem.Server.Features.Tablet;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ElectionSystem.Server.Features.Elections;

/// <summary>
/// /api/elections: setup (organisers, presidium), the tablet's ballot (delegates), announced
/// results and receipts (everyone signed in), turnout (staff and displays). The committee's
/// workflow is in Features/Committee.
/// </summary>
public static class ElectionEndpoints
{
    public const string SetupRoles = Roles.Organiser + "," + Roles.Presidium;
    public const string ReadRoles = Roles.Organiser + "," + Roles.Presidium + "," + Roles.CountingCommittee;
    public const string ResultRoles = Roles.StaffAndDisplays + "," + Roles.Delegate;

    public static IServiceCollection AddElections(this IServiceCollection services)
    {
        services.AddSingleton<ElectionGate>();
        services.AddSingleton<ElectionCache>();
        services.AddSingleton<BallotWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<BallotWriter>());
        services.AddScoped<ElectionService>();
        services.AddScoped<ElectionBroadcast>();
        services.AddScoped<Minutes.MinutesBuilder>();
        services.AddLiveTopic<ElectionTurnoutTopic>();
        return services;
    }

    public static RouteGroupBuilder MapElections(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/elections").WithTags("Elections");

        var setup = group.MapGroup("").RequireAuthorization(AuthSetup.Require(SetupRoles)).DisableAntiforgery();
        setup.MapPost("/", async (CreateElectionRequest r, ElectionService s, ClaimsPrincipal u, CancellationToken ct) => Reply(await s.CreateAsync(r, u, ct)));
        setup.MapPost("/{id:guid}/candidates", async (Guid id, AddCandidateRequest r, ElectionService s, ClaimsPrincipal u, CancellationToken ct) =>
            Reply(await s.AddCandidateAsync(id, r, u, ct)));
        setup.MapPost("/{id:guid}/candidates/{candidateId:guid}/withdraw", async (Guid id, Guid candidateId, WithdrawRequest r, ElectionService s, ClaimsPrincipal u, CancellationToken ct) =>
            Reply(await s.WithdrawAsync(id, candidateId, r, u, ct)));
        setup.MapPost("/{id:guid}/candidates/admit", async (Guid id, AdmitNomineeRequest r, ElectionService s, ClaimsPrincipal u, CancellationToken ct) =>
            Reply(await s.AdmitNomineeAsync(id, r, u, ct)));
        setup.MapPost("/{id:guid}/rounds", async (Guid id, CreateRoundRequest? r, ElectionService s, ClaimsPrincipal u, CancellationToken ct) =>
            Reply(await s.CreateRoundAsync(id, r ?? new CreateRoundRequest(), u, ct)));
        setup.MapPost("/rounds/{roundId:guid}/open", Open);

        var read = group.MapGroup("").RequireAuthorization(AuthSetup.Require(ReadRoles));
        read.MapGet("/", async (ElectionService s, CancellationToken ct) => TypedResults.Ok(await s.ListAsync(ct)));
        read.MapGet("/{id:guid}", async (Guid id, ElectionService s, CancellationToken ct) => Reply(await s.GetAsync(id, ct)));
        read.MapGet("/{id:guid}/next-step", async (Guid id, ElectionService s, CancellationToken ct) => Reply(await s.NextStepAsync(id, ct)));
        read.MapGet("/committee-members", async (ElectionService s, CancellationToken ct) => TypedResults.Ok(await s.MembersAsync(ct)));

        var organisers = group.MapGroup("").RequireAuthorization(AuthSetup.Require(Roles.Organiser)).DisableAntiforgery();
        organisers.MapPut("/committee-members", async (List<CommitteeMemberDto> members, ElectionService s, ClaimsPrincipal u, CancellationToken ct) =>
            Reply(await s.SetMembersAsync(members, u, ct)));

        var tablet = group.MapGroup("").RequireAuthorization(AuthSetup.Require(Roles.Delegate)).DisableAntiforgery();
        tablet.MapGet("/ballot", TabletBallot);
        tablet.MapPost("/rounds/{roundId:guid}/ballot/check", async (Guid roundId, BallotRequest r, ElectionService s, CancellationToken ct) =>
            Reply(await s.CheckAsync(roundId, r, ct)));
        tablet.MapPost("/rounds/{roundId:guid}/ballot", Cast);

        var results = group.MapGroup("").RequireAuthorization(AuthSetup.Require(ResultRoles));
        results.MapGet("/rounds/{roundId:guid}/results", async (Guid roundId, ElectionService s, CancellationToken ct) => Reply(await s.PublicResultAsync(roundId, ct)));
        results.MapGet("/rounds/{roundId:guid}/receipts", async (Guid roundId, ElectionService s, CancellationToken ct) => Reply(await s.PublicReceiptsAsync(roundId, ct)));

        var screens = group.MapGroup("").RequireAuthorization(AuthSetup.Require(Roles.StaffAndDisplays));
        screens.MapGet("/turnout", async (ElectionService s, CancellationToken ct) => TypedResults.Ok(await s.TurnoutAsync(ct)));
        screens.MapGet("/projector", async (ElectionService s, CancellationToken ct) => TypedResults.Ok(await s.ProjectorStateAsync(ct)));
        return group;
    }

    internal static Results<Ok<T>, ProblemHttpResult> Reply<T>(Outcome<T> o) =>
        o.Problem is { } p ? p : TypedResults.Ok(o.Value!);

    private static async Task<Results<Ok<RoundSummaryDto>, ProblemHttpResult>> Open(
        Guid roundId, ElectionService s, ElectionBroadcast live, ClaimsPrincipal u, CancellationToken ct)
    {
        var o = await s.OpenAsync(roundId, u, ct);
        if (o.Value is { } round)
        {
            var view = (await s.CommitteeViewAsync(roundId, ct)).Value!;
            await live.RoundOpenedAsync(new RoundSignal(round.Id, view.ElectionId, round.State, view.ElectionTitle, round.Label));
        }
        return Reply(o);
    }

    private static async Task<Results<Ok<TabletBallotState>, ProblemHttpResult>> TabletBallot(ClaimsPrincipal u, ElectionService s, CancellationToken ct) =>
        u.FindDelegateId() is { } id
            ? TypedResults.Ok(await s.TabletStateAsync(id, ct))
            : Shared.Problems.Unauthorized("Hãy đăng nhập bằng thẻ đại biểu và mã PIN.");

    private static async Task<Results<Ok<CastReceipt>, ProblemHttpResult>> Cast(
        Guid roundId, CastRequest r, ElectionService s, ElectionBroadcast live, ClaimsPrincipal u, CancellationToken ct)
    {
        var o = await s.CastAsync(roundId, u, r, ct);
        if (o.Value is { AlreadyRecorded: false })
        {
            live.TurnoutChanged();
        }
        return Reply(o);
    }
}
