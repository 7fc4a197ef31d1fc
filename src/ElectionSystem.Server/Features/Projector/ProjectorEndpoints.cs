using ElectionSystem.Server.Features.Attendance;
using ElectionSystem.Server.Features.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ElectionSystem.Server.Features.Projector;

/// <summary>
/// The projector's attendance, in one call (the open vote and the election have their own:
/// /api/openvotes/live, /api/elections/projector). Opened with a display key (<c>?key=</c>) or by staff.
/// </summary>
public sealed record ProjectorState(AttendanceSnapshot Attendance);

public static class ProjectorEndpoints
{
    public static RouteGroupBuilder MapProjector(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/projector").WithTags("Projector")
            .RequireAuthorization(AuthSetup.Require(Roles.StaffAndDisplays));
        group.MapGet("/state", State);
        return group;
    }

    private static async Task<Ok<ProjectorState>> State(AttendanceService attendance, CancellationToken ct) =>
        TypedResults.Ok(new ProjectorState(await attendance.SnapshotAsync(ct)));
}
