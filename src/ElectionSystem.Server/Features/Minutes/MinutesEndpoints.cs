using System.Security.Claims;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ElectionSystem.Server.Features.Minutes;

/// <summary>/api/minutes: the minutes of a counted round as .docx (the printable page is /minutes/{roundId}).</summary>
public static class MinutesEndpoints
{
    public const string MinutesRoles = Roles.CountingCommittee + "," + Roles.Organiser + "," + Roles.Presidium;

    public static IServiceCollection AddMinutes(this IServiceCollection services) => services.AddScoped<MinutesBuilder>().AddScoped<OutcomeBuilder>();

    public static RouteGroupBuilder MapMinutes(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/minutes").WithTags("Minutes").RequireAuthorization(AuthSetup.Require(MinutesRoles));
        group.MapGet("/rounds/{roundId:guid}.docx", Docx);
        group.MapGet("/elections/{electionId:guid}/outcome.docx", OutcomeDocx);
        return group;
    }

    /// <summary>The combined result of an election across its announced rounds (Kết quả bầu cử).</summary>
    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> OutcomeDocx(Guid electionId, OutcomeBuilder outcome, CancellationToken ct)
    {
        var built = await outcome.BuildAsync(electionId, ct);
        if (built.Problem is { } problem) return problem;
        return TypedResults.File(OutcomeBuilder.Docx(built.Value!),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"ket-qua-bau-cu-{electionId:N}.docx");
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Docx(Guid roundId, MinutesBuilder minutes, ClaimsPrincipal user, CancellationToken ct)
    {
        var built = await minutes.BuildAsync(roundId, user, ct);
        if (built.Problem is { } problem) return problem;
        var model = built.Value!;
        return TypedResults.File(MinutesDocx.Write(model),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"bien-ban-kiem-phieu-{roundId:N}.docx");
    }
}
