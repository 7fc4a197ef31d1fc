using System.Security.Claims;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Elections;
using ElectionSystem.Server.Features.Minutes;

namespace ElectionSystem.Server.Features.PaperEntry;

/// <summary>
/// /api/entry: the entry stations (role entry-operator) — each sees and writes only its own entries.
/// /api/paper: the counting committee — open paper entry, bundles, the disagreements and its rulings,
/// completion; the status (also the entry log's data) for those who read the minutes.
/// </summary>
public static class PaperEntryEndpoints
{
    public const string LogRoles = MinutesEndpoints.MinutesRoles;

    public static IServiceCollection AddPaperEntry(this IServiceCollection services) => services.AddScoped<PaperEntryService>();

    public static IEndpointRouteBuilder MapPaperEntry(this IEndpointRouteBuilder routes)
    {
        var entry = routes.MapGroup("/api/entry").WithTags("Paper entry")
            .RequireAuthorization(AuthSetup.Require(Roles.EntryOperator)).DisableAntiforgery();
        entry.MapGet("/rounds", async (PaperEntryService s, ClaimsPrincipal u, CancellationToken ct) => TypedResults.Ok(await s.RoundsAsync(u, ct)));
        entry.MapPost("/rounds/{roundId:guid}/bundles/{bundle:int}/start", async (Guid roundId, int bundle, StartBundleRequest r, PaperEntryService s, ClaimsPrincipal u, CancellationToken ct) =>
            ElectionEndpoints.Reply(await s.StartAsync(roundId, bundle, r, u, ct)));
        entry.MapGet("/rounds/{roundId:guid}/bundles/{bundle:int}", async (Guid roundId, int bundle, PaperEntryService s, ClaimsPrincipal u, CancellationToken ct) =>
            ElectionEndpoints.Reply(await s.MyBundleAsync(roundId, bundle, u, ct)));
        entry.MapPut("/rounds/{roundId:guid}/bundles/{bundle:int}/ballots/{index:int}", async (Guid roundId, int bundle, int index, EnterRequest r, PaperEntryService s, ClaimsPrincipal u, CancellationToken ct) =>
            ElectionEndpoints.Reply(await s.EnterAsync(roundId, bundle, index, r, u, ct)));
        entry.MapPost("/rounds/{roundId:guid}/bundles/{bundle:int}/finish", async (Guid roundId, int bundle, PaperEntryService s, ClaimsPrincipal u, CancellationToken ct) =>
            ElectionEndpoints.Reply(await s.FinishAsync(roundId, bundle, u, ct)));

        var paper = routes.MapGroup("/api/paper").WithTags("Paper entry");
        var read = paper.MapGroup("").RequireAuthorization(AuthSetup.Require(LogRoles));
        read.MapGet("/rounds/{roundId:guid}", async (Guid roundId, PaperEntryService s, CancellationToken ct) => ElectionEndpoints.Reply(await s.StatusAsync(roundId, ct)));

        var act = paper.MapGroup("").RequireAuthorization(AuthSetup.Require(Roles.CountingCommittee)).DisableAntiforgery();
        act.MapPost("/rounds/{roundId:guid}/open", async (Guid roundId, OpenPaperRequest r, PaperEntryService s, ClaimsPrincipal u, CancellationToken ct) =>
            ElectionEndpoints.Reply(await s.OpenAsync(roundId, r, u, ct)));
        act.MapPut("/rounds/{roundId:guid}/issued", async (Guid roundId, SetIssuedRequest r, PaperEntryService s, ClaimsPrincipal u, CancellationToken ct) =>
            ElectionEndpoints.Reply(await s.SetIssuedAsync(roundId, r, u, ct)));
        act.MapPost("/rounds/{roundId:guid}/bundles", async (Guid roundId, AddBundlesRequest r, PaperEntryService s, ClaimsPrincipal u, CancellationToken ct) =>
            ElectionEndpoints.Reply(await s.AddBundlesAsync(roundId, r, u, ct)));
        act.MapPost("/rounds/{roundId:guid}/bundles/{bundle:int}/ballots/{index:int}/ruling", async (Guid roundId, int bundle, int index, ResolveRequest r, PaperEntryService s, ClaimsPrincipal u, CancellationToken ct) =>
            ElectionEndpoints.Reply(await s.ResolveAsync(roundId, bundle, index, r, u, ct)));
        act.MapPost("/rounds/{roundId:guid}/complete", async (Guid roundId, PaperEntryService s, ClaimsPrincipal u, CancellationToken ct) =>
            ElectionEndpoints.Reply(await s.CompleteAsync(roundId, u, ct)));
        return routes;
    }
}
