using System.Security.Claims;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ElectionSystem.Server.Features.Elections;

/// <summary>
/// The committee's keys (issue 14; docs/verifiable-ballot.md, "Server API"): /api/ceremony — the key
/// ceremony, started by the presidium, stepped through by each member from their own session — and
/// /api/committee/rounds/{id}/totals and /decryption — an encrypted round's totals and the members'
/// partial decryptions, which confirm its result.
/// </summary>
public static class KeyEndpoints
{
    public static IServiceCollection AddCommitteeKeys(this IServiceCollection services)
    {
        services.AddScoped<KeyCeremonies>();
        services.AddScoped<EncryptedRounds>();
        services.AddScoped<EncryptedCasting>();
        services.AddSingleton<ProofCheckGate>();
        services.AddSingleton<ProofPrechecks>();
        services.AddScoped<EncryptedPrechecking>();
        services.AddScoped<RoundDecryption>();
        services.AddScoped<RoundBoards>();
        services.AddSingleton<RoundBoardCache>();
        return services;
    }

    public static RouteGroupBuilder MapCommitteeKeys(this IEndpointRouteBuilder routes)
    {
        var ceremony = routes.MapGroup("/api/ceremony").WithTags("Ceremony").DisableAntiforgery();
        ceremony.MapGet("", async (KeyCeremonies s, ClaimsPrincipal u, CancellationToken ct) => (await s.ViewAsync(u, ct)).ToHttp())
            .RequireAuthorization(AuthSetup.Require(Roles.CountingCommittee + "," + Roles.Presidium));
        ceremony.MapPost("", async (StartCeremonyRequest r, KeyCeremonies s, ClaimsPrincipal u, CancellationToken ct) => (await s.StartAsync(r, u, ct)).ToHttp())
            .RequireAuthorization(AuthSetup.Require(Roles.Presidium));
        var member = ceremony.MapGroup("").RequireAuthorization(AuthSetup.Require(Roles.CountingCommittee));
        member.MapPost("/box-key", async (BoxKeyRequest r, KeyCeremonies s, ClaimsPrincipal u, CancellationToken ct) => (await s.PostBoxKeyAsync(r, u, ct)).ToHttp());
        member.MapPost("/dealing", async (DealingRequest r, KeyCeremonies s, ClaimsPrincipal u, CancellationToken ct) => (await s.PostDealingAsync(r, u, ct)).ToHttp());
        member.MapGet("/shares", async (KeyCeremonies s, ClaimsPrincipal u, CancellationToken ct) => (await s.SharesAsync(u, ct)).ToHttp());
        member.MapPost("/verification", async (VerificationRequest r, KeyCeremonies s, ClaimsPrincipal u, CancellationToken ct) => (await s.PostVerificationAsync(r, u, ct)).ToHttp());

        var rounds = routes.MapGroup("/api/committee/rounds").WithTags("Committee").DisableAntiforgery()
            .RequireAuthorization(AuthSetup.Require(Roles.CountingCommittee));
        rounds.MapGet("/{roundId:guid}/totals", async (Guid roundId, RoundDecryption s, ClaimsPrincipal u, CancellationToken ct) => (await s.TotalsAsync(roundId, u, ct)).ToHttp());
        rounds.MapPost("/{roundId:guid}/decryption", async (Guid roundId, PartialDecryptionRequest r, RoundDecryption s, ClaimsPrincipal u, CancellationToken ct) =>
            (await s.PostAsync(roundId, r, u, ct)).ToHttp());

        // The board of an announced encrypted round, and a tracker's place on it: everyone who may read results.
        var boards = routes.MapGroup("/api/elections/rounds").WithTags("Elections").RequireAuthorization(AuthSetup.Require(ResultEndpoints.ResultRoles));
        boards.MapGet("/{roundId:guid}/board", Board);
        boards.MapGet("/{roundId:guid}/board/{tracker}", async (Guid roundId, string tracker, RoundBoards s, CancellationToken ct) => (await s.FindAsync(roundId, tracker, ct)).ToHttp());
        return ceremony;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Board(Guid roundId, RoundBoards s, CancellationToken ct)
    {
        var board = await s.JsonAsync(roundId, ct);
        return board.Problem is { } p ? p : TypedResults.Bytes(board.Value!, "application/json");
    }
}
