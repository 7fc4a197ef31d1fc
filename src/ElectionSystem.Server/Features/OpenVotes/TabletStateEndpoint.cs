using System.Security.Claims;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Attendance;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Shared;
using ElectionSystem.Server.Features.Tablet;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.OpenVotes;

/// <summary>
/// Everything a tablet needs on (re)connect, in one call: who is signed in, whether they may vote
/// now (and why not), and the state of each feature that uses the tablet (the open vote; the
/// secret ballot joins here). After a lost connection the tablet asks this and is whole again.
/// </summary>
public sealed record TabletState(TabletDelegate Delegate, Eligibility Eligibility, string? SessionTitle, TabletOpenVote? OpenVote);

/// <summary>
/// GET /api/tablet/state. Mapped here, not in Tablet: the state includes the open vote, and Tablet
/// comes before OpenVotes in the dependency order (open votes use the tablet's sign-in, not the
/// other way round).
/// </summary>
public static class TabletStateEndpoint
{
    public static RouteHandlerBuilder MapTabletState(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/tablet/state", State).WithTags("Tablet").RequireAuthorization(AuthSetup.Require(Roles.Delegate));

    private static async Task<Results<Ok<TabletState>, ProblemHttpResult>> State(
        ClaimsPrincipal user, ElectionDbContext db, VotingEligibility eligibility, OpenVoteViews votes, CancellationToken ct)
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
