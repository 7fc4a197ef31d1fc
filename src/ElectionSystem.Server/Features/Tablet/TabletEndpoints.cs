using System.Security.Claims;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ElectionSystem.Server.Features.Tablet;

public static class TabletEndpoints
{
    public static IServiceCollection AddTablets(this IServiceCollection services)
    {
        services.AddSingleton<TabletSessions>();
        services.AddScoped<PinIssuer>();
        services.AddScoped<PinThrottle>();
        return services;
    }

    public static RouteGroupBuilder MapTablet(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/tablet").WithTags("Tablet");
        group.MapPost("/signin", TabletSignIn.SignIn).AllowAnonymous().RequireRateLimiting(AuthSetup.TabletSignInRateLimit).DisableAntiforgery();

        var signedIn = group.MapGroup("").RequireAuthorization(AuthSetup.Require(Roles.Delegate));
        signedIn.MapPost("/signout", TabletSignIn.SignOut).DisableAntiforgery();
        // GET /api/tablet/state is mapped by OpenVotes (TabletStateEndpoint): it carries the open vote.

        var pins = group.MapGroup("/pins").RequireAuthorization(AuthSetup.Require(Roles.Organiser));
        pins.MapGet("/", async (PinIssuer issuer, CancellationToken ct) => TypedResults.Ok(await issuer.SummaryAsync(ct)));
        pins.MapPost("/", GeneratePins).DisableAntiforgery();
        pins.MapPost("/{delegateId:guid}/reset", ResetPin).DisableAntiforgery();
        return group;
    }

    /// <summary>
    /// New PINs for those without one (or, deliberately, everyone's): only before the congress opens.
    /// During it a PIN, new or replaced, is one delegate's, approved by a committee member (ADR 0010).
    /// </summary>
    private static async Task<Results<Ok<PinSlips>, ProblemHttpResult>> GeneratePins(
        GeneratePinsRequest request, PinIssuer issuer, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await issuer.InSessionAsync(ct))
        {
            return Problems.Conflict(PinIssuer.NoBulkInSession);
        }
        return TypedResults.Ok(await issuer.GenerateAsync(user, request.ReplaceExisting, ct));
    }

    private static async Task<Results<Ok<PinSlips>, Accepted<PendingDuty>, ProblemHttpResult>> ResetPin(
        Guid delegateId, PinIssuer issuer, IDutyGate gate, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!await issuer.ExistsAsync(delegateId, ct))
        {
            return Problems.NotFound("Không tìm thấy đại biểu này.");
        }
        // During the congress a new PIN needs a committee member's approval (ADR 0010).
        if (await gate.HoldAsync(user, DutyKinds.PinReset, delegateId, ct) is { } pending)
        {
            return TypedResults.Accepted((string?)null, pending);
        }
        return await issuer.ResetAsync(user, delegateId, ct) is { } slips
            ? TypedResults.Ok(slips)
            : Problems.NotFound("Không tìm thấy đại biểu này.");
    }
}
