using System.Security.Claims;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Elections;
using ElectionSystem.Server.Features.Minutes;
using ElectionSystem.Server.Features.Shared;

namespace ElectionSystem.Server.Features.PaperEntry;

/// <summary>
/// /api/entry: the entry stations (role entry-operator) — each sees and writes only its own entries.
/// /api/paper: the counting committee's paper desk (ADR 0010, "The paper desk is the members'";
/// <see cref="PaperDeskAccess"/>):
/// <list type="bullet">
/// <item>open, issued, bundles — the role (a staff account too): procedure, no ballot's contents.</item>
/// <item>ruling, complete — a committee member's own session only (403 otherwise): they change the count.</item>
/// <item>GET status — a member whole; a counting-committee staff account before the announcement its
/// progress without contents (no disagreements, overrides); the presidium and the organiser 403 until
/// the announcement (<see cref="TallyAccess"/>). Every action answers the status as its caller may see it.</item>
/// </list>
/// </summary>
public static class PaperEntryEndpoints
{
    public const string LogRoles = MinutesEndpoints.MinutesRoles;

    public static IServiceCollection AddPaperEntry(this IServiceCollection services)
    {
        services.AddScoped<PaperStations>();
        services.AddScoped<PaperDesk>();
        // Counting waits for paper entry: the round's confirmation asks every registered blocker.
        services.AddScoped<IConfirmationBlocker, PaperConfirmationBlocker>();
        return services;
    }

    public static IEndpointRouteBuilder MapPaperEntry(this IEndpointRouteBuilder routes)
    {
        var entry = routes.MapGroup("/api/entry").WithTags("Paper entry")
            .RequireAuthorization(AuthSetup.Require(Roles.EntryOperator)).DisableAntiforgery();
        entry.MapGet("/rounds", async (PaperStations s, ClaimsPrincipal u, CancellationToken ct) => TypedResults.Ok(await s.RoundsAsync(u, ct)));
        entry.MapPost("/rounds/{roundId:guid}/bundles/{bundle:int}/start", async (Guid roundId, int bundle, StartBundleRequest r, PaperStations s, ClaimsPrincipal u, CancellationToken ct) =>
            (await s.StartAsync(roundId, bundle, r, u, ct)).ToHttp());
        entry.MapGet("/rounds/{roundId:guid}/bundles/{bundle:int}", async (Guid roundId, int bundle, PaperStations s, ClaimsPrincipal u, CancellationToken ct) =>
            (await s.MyBundleAsync(roundId, bundle, u, ct)).ToHttp());
        entry.MapPut("/rounds/{roundId:guid}/bundles/{bundle:int}/ballots/{index:int}", async (Guid roundId, int bundle, int index, EnterRequest r, PaperStations s, ClaimsPrincipal u, CancellationToken ct) =>
            (await s.EnterAsync(roundId, bundle, index, r, u, ct)).ToHttp());
        entry.MapPost("/rounds/{roundId:guid}/bundles/{bundle:int}/finish", async (Guid roundId, int bundle, PaperStations s, ClaimsPrincipal u, CancellationToken ct) =>
            (await s.FinishAsync(roundId, bundle, u, ct)).ToHttp());

        var paper = routes.MapGroup("/api/paper").WithTags("Paper entry");
        var read = paper.MapGroup("").RequireAuthorization(AuthSetup.Require(LogRoles));
        read.MapGet("/rounds/{roundId:guid}", async (Guid roundId, PaperDesk s, ClaimsPrincipal u, CancellationToken ct) => (await s.DeskStatusAsync(roundId, u, ct)).ToHttp());

        var act = paper.MapGroup("").RequireAuthorization(AuthSetup.Require(Roles.CountingCommittee)).DisableAntiforgery();
        act.MapPost("/rounds/{roundId:guid}/open", async (Guid roundId, OpenPaperRequest r, PaperDesk s, ClaimsPrincipal u, CancellationToken ct) =>
            (await s.OpenAsync(roundId, r, u, ct)).ToHttp());
        act.MapPut("/rounds/{roundId:guid}/issued", async (Guid roundId, SetIssuedRequest r, PaperDesk s, ClaimsPrincipal u, CancellationToken ct) =>
            (await s.SetIssuedAsync(roundId, r, u, ct)).ToHttp());
        act.MapPost("/rounds/{roundId:guid}/bundles", async (Guid roundId, AddBundlesRequest r, PaperDesk s, ClaimsPrincipal u, CancellationToken ct) =>
            (await s.AddBundlesAsync(roundId, r, u, ct)).ToHttp());
        // A member's own session only (PaperDesk answers 403 to a staff account): rulings and completion change the count.
        act.MapPost("/rounds/{roundId:guid}/bundles/{bundle:int}/ballots/{index:int}/ruling", async (Guid roundId, int bundle, int index, ResolveRequest r, PaperDesk s, ClaimsPrincipal u, CancellationToken ct) =>
            (await s.ResolveAsync(roundId, bundle, index, r, u, ct)).ToHttp());
        act.MapPost("/rounds/{roundId:guid}/complete", async (Guid roundId, PaperDesk s, ClaimsPrincipal u, CancellationToken ct) =>
            (await s.CompleteAsync(roundId, u, ct)).ToHttp());
        return routes;
    }
}
