using ElectionSystem.Server.Features.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ElectionSystem.Server.Features.Attendance;

public static class AttendanceEndpoints
{
    /// <summary>GET /api/attendance: the current session's attendance and Base, for staff.</summary>
    public static RouteGroupBuilder MapAttendance(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/attendance").WithTags("Attendance")
            .RequireAuthorization(AuthSetup.Require(Roles.Staff));
        group.MapGet("/", Get);
        return group;
    }

    private static async Task<Ok<AttendanceSnapshot>> Get(AttendanceService attendance, CancellationToken ct) =>
        TypedResults.Ok(await attendance.SnapshotAsync(ct));
}
