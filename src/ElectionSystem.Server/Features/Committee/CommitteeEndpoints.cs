using System.Security.Claims;
using System.Text;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Elections;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.Committee;

/// <summary>
/// /api/committee: Ban Kiểm phiếu's workflow per round — live issued / collected and who has voted
/// (names only), close, review, two confirmations by different members, announce; the record export.
/// </summary>
public static class CommitteeEndpoints
{
    public const string ViewRoles = Roles.CountingCommittee + "," + Roles.Organiser;

    public static RouteGroupBuilder MapCommittee(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/committee").WithTags("Committee");

        var view = group.MapGroup("").RequireAuthorization(AuthSetup.Require(ViewRoles));
        view.MapGet("/rounds", Rounds);
        view.MapGet("/rounds/{roundId:guid}", async (Guid roundId, ElectionService s, CancellationToken ct) =>
            ElectionEndpoints.Reply(await s.CommitteeViewAsync(roundId, ct)));
        view.MapGet("/rounds/{roundId:guid}/record.json", Record);

        var act = group.MapGroup("").RequireAuthorization(AuthSetup.Require(Roles.CountingCommittee)).DisableAntiforgery();
        act.MapPost("/rounds/{roundId:guid}/close", Close);
        act.MapPost("/rounds/{roundId:guid}/confirm", Confirm);
        act.MapPost("/rounds/{roundId:guid}/announce", Announce);
        return group;
    }

    public sealed record CommitteeRoundItem(Guid RoundId, Guid ElectionId, string ElectionTitle, string Label, string State);

    private static async Task<Ok<List<CommitteeRoundItem>>> Rounds(ElectionService s, CancellationToken ct)
    {
        var db = s.Db;
        var rows = await (from r in db.Set<ElectionRoundRow>().AsNoTracking()
                          join e in db.Set<Election>().AsNoTracking() on r.ElectionId equals e.Id
                          where r.State != RoundStates.Draft
                          select new { r, e.Title, e.CreatedAt }).ToListAsync(ct);
        return TypedResults.Ok(rows.OrderBy(x => x.CreatedAt).ThenBy(x => x.r.Number)
            .Select(x => new CommitteeRoundItem(x.r.Id, x.r.ElectionId, x.Title, ElectionService.Label(x.r), x.r.State)).ToList());
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Record(Guid roundId, ElectionService s, HttpContext http, CancellationToken ct)
    {
        var o = await s.RecordAsync(roundId, ct);
        if (o.Problem is { } p) return p;
        http.Response.Headers["X-Record-SHA256"] = ElectionService.Sha256Hex(o.Value!);
        return TypedResults.File(Encoding.UTF8.GetBytes(o.Value!), "application/json", $"election-record-{roundId:N}.json");
    }

    private static async Task<Results<Ok<CommitteeRoundDto>, ProblemHttpResult>> Close(
        Guid roundId, ElectionService s, ElectionBroadcast live, ClaimsPrincipal u, CancellationToken ct)
    {
        var o = await s.CloseAsync(roundId, u, ct);
        if (o.Value is { } v) await live.RoundClosedAsync(new RoundSignal(v.RoundId, v.ElectionId, v.State, v.ElectionTitle, v.RoundLabel));
        return ElectionEndpoints.Reply(o);
    }

    private static async Task<Results<Ok<CommitteeRoundDto>, ProblemHttpResult>> Confirm(
        Guid roundId, ElectionService s, ElectionBroadcast live, ClaimsPrincipal u, CancellationToken ct)
    {
        var o = await s.ConfirmAsync(roundId, u, ct);
        if (o.Value is { } v) await live.RoundConfirmedAsync(new RoundSignal(v.RoundId, v.ElectionId, v.State, v.ElectionTitle, v.RoundLabel));
        return ElectionEndpoints.Reply(o);
    }

    private static async Task<Results<Ok<ResultsAnnounced>, ProblemHttpResult>> Announce(
        Guid roundId, AnnounceRequest? r, ElectionService s, ElectionBroadcast live, ClaimsPrincipal u, CancellationToken ct)
    {
        var o = await s.AnnounceAsync(roundId, r ?? new AnnounceRequest(), u, ct);
        if (o.Value is { } v) await live.ResultsAnnouncedAsync(v);
        return ElectionEndpoints.Reply(o);
    }
}
