using System.Security.Claims;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Attendance;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.Tablet;

/// <summary>
/// Everything a tablet needs on (re)connect, in one call: who is signed in, whether they may vote
/// now (and why not), and the state of each feature that uses the tablet (the open vote; the
/// secret ballot joins here). After a lost connection the tablet asks this and is whole again.
/// </summary>
public sealed record TabletState(TabletDelegate Delegate, Eligibility Eligibility, string? SessionTitle, OpenVotes.TabletOpenVote? OpenVote);

public static class TabletEndpoints
{
    public static IServiceCollection AddTablets(this IServiceCollection services)
    {
        services.AddSingleton<TabletSessions>();
        services.AddScoped<PinIssuer>();
        return services;
    }

    public static RouteGroupBuilder MapTablet(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/tablet").WithTags("Tablet");
        group.MapPost("/signin", TabletSignIn.SignIn).AllowAnonymous().RequireRateLimiting(AuthSetup.LoginRateLimit).DisableAntiforgery();

        var signedIn = group.MapGroup("").RequireAuthorization(AuthSetup.Require(Roles.Delegate));
        signedIn.MapPost("/signout", TabletSignIn.SignOut).DisableAntiforgery();
        signedIn.MapGet("/state", State);

        var pins = group.MapGroup("/pins").RequireAuthorization(AuthSetup.Require(Roles.Organiser));
        pins.MapGet("/", async (PinIssuer issuer, CancellationToken ct) => TypedResults.Ok(await issuer.SummaryAsync(ct)));
        pins.MapPost("/", async (GeneratePinsRequest request, PinIssuer issuer, ClaimsPrincipal user, CancellationToken ct) =>
            TypedResults.Ok(await issuer.GenerateAsync(user, request.ReplaceExisting, ct))).DisableAntiforgery();
        pins.MapPost("/{delegateId:guid}/reset", ResetPin).DisableAntiforgery();
        return group;
    }

    private static async Task<Results<Ok<PinSlips>, ProblemHttpResult>> ResetPin(Guid delegateId, PinIssuer issuer, ClaimsPrincipal user, CancellationToken ct) =>
        await issuer.ResetAsync(user, delegateId, ct) is { } slips
            ? TypedResults.Ok(slips)
            : Problems.NotFound("Không tìm thấy đại biểu này.");

    private static async Task<Results<Ok<TabletState>, ProblemHttpResult>> State(
        ClaimsPrincipal user, ElectionDbContext db, VotingEligibility eligibility, OpenVotes.OpenVoteService votes, CancellationToken ct)
    {
        if (user.FindDelegateId() is not { } id)
        {
            return Problems.Unauthorized("Hãy đăng nhập bằng thẻ đại biểu và mã PIN.");
        }
        var d = await db.Delegates.AsNoTracking().Include(x => x.Delegation).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null)
        {
            return Problems.Unauthorized(VotingEligibility.NotOnList);
        }
        var session = await db.Sessions.AsNoTracking().Where(s => s.IsCurrent).Select(s => s.Title).FirstOrDefaultAsync(ct);
        return TypedResults.Ok(new TabletState(d.ToTablet(), await eligibility.CheckAsync(id, ct), session, await votes.ForTabletAsync(id, ct)));
    }
}
