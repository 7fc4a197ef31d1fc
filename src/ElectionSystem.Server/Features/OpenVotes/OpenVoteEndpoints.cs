using System.Security.Claims;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Live;

namespace ElectionSystem.Server.Features.OpenVotes;

public static class OpenVoteEndpoints
{
    /// <summary>Who runs open votes: the presidium, and organisers standing in.</summary>
    public const string Runners = Roles.Presidium + "," + Roles.Organiser;

    public static IServiceCollection AddOpenVotes(this IServiceCollection services)
    {
        services.AddSingleton<OpenVoteGate>();
        services.AddScoped<OpenVoteBroadcast>();
        services.AddScoped<DecisionRecorder>();
        services.AddScoped<OpenVoteService>();
        services.AddScoped<OpenVoteClosing>();
        services.AddScoped<OpenVoteCasting>();
        services.AddScoped<OpenVoteViews>();
        services.AddScoped<OpenVoteDecisions>();
        services.AddLiveTopic<OpenVoteTopic>();
        return services;
    }

    public static RouteGroupBuilder MapOpenVotes(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/openvotes").WithTags("OpenVotes");

        var presidium = group.MapGroup("").RequireAuthorization(AuthSetup.Require(Runners)).DisableAntiforgery();
        presidium.MapGet("/", (OpenVoteService s, CancellationToken ct) => s.AgendaAsync(ct));
        presidium.MapPost("/", (CreateOpenVoteRequest r, OpenVoteService s, ClaimsPrincipal u, CancellationToken ct) => s.CreateAsync(u, r, ct));
        presidium.MapPost("/{id:guid}/open", (Guid id, OpenVoteService s, ClaimsPrincipal u, CancellationToken ct) => s.OpenAsync(u, id, ct));
        presidium.MapPost("/{id:guid}/close", (Guid id, OpenVoteClosing s, ClaimsPrincipal u, CancellationToken ct) => s.CloseAsync(u, id, ct));
        presidium.MapPost("/{id:guid}/show-of-hands", (Guid id, ShowOfHandsRequest r, OpenVoteClosing s, ClaimsPrincipal u, CancellationToken ct) =>
            s.ShowOfHandsAsync(u, id, r, ct));

        group.MapGet("/live", async (OpenVoteViews s, CancellationToken ct) => TypedResults.Ok(new OpenVoteLiveMessage(await s.LiveAsync(ct))))
            .RequireAuthorization(AuthSetup.Require(Roles.StaffAndDisplays));
        group.MapGet("/decisions", async (OpenVoteService s, CancellationToken ct) => TypedResults.Ok(await s.DecisionsAsync(ct)))
            .RequireAuthorization(AuthSetup.Require(Roles.Staff));

        // The delegate's choice, from the tablet.
        routes.MapPost("/api/tablet/openvotes/{id:guid}/choice",
                (Guid id, CastRequest r, OpenVoteCasting s, ClaimsPrincipal u, CancellationToken ct) => s.CastAsync(u, id, r, ct))
            .WithTags("Tablet").RequireAuthorization(AuthSetup.Require(Roles.Delegate)).DisableAntiforgery();
        routes.MapTabletState();
        return group;
    }
}
