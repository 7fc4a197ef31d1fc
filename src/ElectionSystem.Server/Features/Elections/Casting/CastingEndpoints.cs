using System.Security.Claims;
using System.Text.Json;
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
        tablet.MapPost("/rounds/{roundId:guid}/ballot/check", CheckAsync);
        tablet.MapPost("/rounds/{roundId:guid}/ballot", async (Guid roundId, CastRequest r, BallotCasting s, ClaimsPrincipal u, CancellationToken ct) =>
            (await s.CastAsync(roundId, u, r, ct)).ToHttp());
        return elections;
    }

    /// <summary>
    /// A plaintext round: the Domain's verdict on the draft. An encrypted round: only <c>{ encrypted }</c>, the
    /// ballot the tablet encrypted at the review, whose proofs are checked now so its cast only writes.
    /// </summary>
    private static async Task<Results<Ok<BallotCheck>, Ok<EncryptedBallotCheck>, ProblemHttpResult>> CheckAsync(Guid roundId, BallotRequest r,
        BallotDrafts drafts, EncryptedPrechecking encrypted, ClaimsPrincipal u, CancellationToken ct)
    {
        if (r.Encrypted is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } sealedBallot)
        {
            if (u.FindDelegateId() is not { } delegateId) return Problems.Unauthorized("Hãy đăng nhập bằng thẻ đại biểu và mã PIN.");
            if (r.Struck is not null || r.Marks is not null) return Problems.BadRequest(EncryptedCasting.Mixed);
            var check = await encrypted.CheckAsync(roundId, delegateId, sealedBallot, ct);
            return check.Problem is { } refused ? refused : TypedResults.Ok(check.Value!);
        }
        var draft = await drafts.CheckAsync(roundId, r, ct);
        return draft.Problem is { } problem ? problem : TypedResults.Ok(draft.Value!);
    }

    private static async Task<Results<Ok<TabletBallotState>, ProblemHttpResult>> TabletBallot(ClaimsPrincipal u, BallotCasting s, CancellationToken ct) =>
        u.FindDelegateId() is { } id
            ? TypedResults.Ok(await s.TabletStateAsync(id, ct))
            : Problems.Unauthorized("Hãy đăng nhập bằng thẻ đại biểu và mã PIN.");
}
