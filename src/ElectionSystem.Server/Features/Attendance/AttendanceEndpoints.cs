using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.Attendance;

public static class AttendanceEndpoints
{
    /// <summary>The voter roll and the attendance built from it.</summary>
    public static IServiceCollection AddAttendance(this IServiceCollection services)
    {
        services.AddScoped<VotingEligibility>();
        services.AddScoped<AttendanceService>();
        return services;
    }

    /// <summary>GET /api/attendance[?sessionId=]: a session's attendance (default: the current one) and Base, for staff.</summary>
    public static RouteGroupBuilder MapAttendance(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/attendance").WithTags("Attendance")
            .RequireAuthorization(AuthSetup.Require(Roles.Staff));
        group.MapGet("/", Get);
        return group;
    }

    private static async Task<Results<Ok<AttendanceSnapshot>, ProblemHttpResult>> Get(
        Guid? sessionId, AttendanceService attendance, ElectionDbContext db, CancellationToken ct)
    {
        if (sessionId is { } id && !await db.Sessions.AnyAsync(s => s.Id == id, ct))
        {
            return Problems.NotFound($"Không có phiên họp {id} (tham số \"sessionId\").");
        }
        return TypedResults.Ok(await attendance.SnapshotAsync(sessionId, ct));
    }
}
