using System.Security.Claims;
using System.Text;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ElectionSystem.Server.Features.Elections;

/// <summary>
/// /api/committee: Ban Kiểm phiếu's workflow per round — live issued / collected and who has voted
/// (names only), close, review, two confirmations by different members, announce; the record export.
/// </summary>
public static class CountingEndpoints
{
    public const string ViewRoles = Roles.CountingCommittee + "," + Roles.Organiser;

    public static RouteGroupBuilder MapCounting(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/committee").WithTags("Committee");

        var view = group.MapGroup("").RequireAuthorization(AuthSetup.Require(ViewRoles));
        view.MapGet("/rounds", async (CommitteeRoundView v, CancellationToken ct) => TypedResults.Ok(await v.RoundsAsync(ct)));
        view.MapGet("/rounds/{roundId:guid}", async (Guid roundId, CommitteeRoundView v, ClaimsPrincipal u, CancellationToken ct) => (await v.ForRoundAsync(roundId, u, ct)).ToHttp());
        view.MapGet("/rounds/{roundId:guid}/record.json", Record);

        var act = group.MapGroup("").RequireAuthorization(AuthSetup.Require(Roles.CountingCommittee)).DisableAntiforgery();
        act.MapPost("/rounds/{roundId:guid}/close", async (Guid roundId, RoundClosing s, CommitteeRoundView v, ClaimsPrincipal u, CancellationToken ct) =>
            await ThenViewAsync(await s.CloseAsync(roundId, u, ct), roundId, v, u, ct));
        act.MapPost("/rounds/{roundId:guid}/confirm", async (Guid roundId, RoundConfirmation s, CommitteeRoundView v, ClaimsPrincipal u, CancellationToken ct) =>
            await ThenViewAsync(await s.ConfirmAsync(roundId, u, ct), roundId, v, u, ct));
        act.MapPost("/rounds/{roundId:guid}/announce", async (Guid roundId, AnnounceRequest? r, RoundAnnouncement s, ClaimsPrincipal u, CancellationToken ct) =>
            (await s.AnnounceAsync(roundId, r ?? new AnnounceRequest(), u, ct)).ToHttp());
        return group;
    }

    /// <summary>After a state change the committee's page redraws from its view of the round.</summary>
    private static async Task<Results<Ok<CommitteeRoundDto>, ProblemHttpResult>> ThenViewAsync(
        ProblemOr<RoundSignal> changed, Guid roundId, CommitteeRoundView view, ClaimsPrincipal user, CancellationToken ct) =>
        changed.Problem is { } problem ? problem : (await view.ForRoundAsync(roundId, user, ct)).ToHttp();

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Record(Guid roundId, RoundResults s, HttpContext http, CancellationToken ct)
    {
        var o = await s.RecordAsync(roundId, http.User, ct);
        if (o.Problem is { } p) return p;
        http.Response.Headers["X-Record-SHA256"] = Sha256Text.Hex(o.Value!);
        return TypedResults.File(Encoding.UTF8.GetBytes(o.Value!), "application/json", $"election-record-{roundId:N}.json");
    }
}
