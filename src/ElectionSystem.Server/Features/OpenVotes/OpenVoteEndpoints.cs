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
        services.AddScoped<OpenVoteCorrection>();
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
        presidium.MapPost("/", async (CreateOpenVoteRequest r, OpenVoteService s, ClaimsPrincipal u, CancellationToken ct) =>
            (await s.CreateAsync(u, r, ct)).ToCreated(v => $"/api/openvotes/{v.Id}"));
        presidium.MapPost("/{id:guid}/open", async (Guid id, OpenVoteService s, ClaimsPrincipal u, CancellationToken ct) => (await s.OpenAsync(u, id, ct)).ToHttp());
        presidium.MapPost("/{id:guid}/close", async (Guid id, OpenVoteClosing s, ClaimsPrincipal u, CancellationToken ct) => (await s.CloseAsync(u, id, ct)).ToHttp());
        presidium.MapPost("/{id:guid}/show-of-hands", async (Guid id, ShowOfHandsRequest r, OpenVoteClosing s, ClaimsPrincipal u, CancellationToken ct) =>
            (await s.ShowOfHandsAsync(u, id, r, ct)).ToHttp());
        presidium.MapPut("/{id:guid}/show-of-hands", async (Guid id, ShowOfHandsRequest r, OpenVoteCorrection s, ClaimsPrincipal u, CancellationToken ct) =>
            (await s.CorrectAsync(u, id, r, ct)).ToHttp());
        presidium.MapPost("/{id:guid}/printed", async (Guid id, OpenVoteCorrection s, ClaimsPrincipal u, CancellationToken ct) =>
            (await s.MarkPrintedAsync(u, id, ct)).ToHttp());

        // The running count goes to those who run the vote; a display (or ?screen=projector) gets the hall's copy.
        group.MapGet("/live", async (OpenVoteViews s, ClaimsPrincipal u, string? screen, CancellationToken ct) =>
            {
                var live = await s.LiveAsync(ct);
                var runner = Runners.Split(',').Any(u.IsInRole) && screen != "projector";
                return TypedResults.Ok(new OpenVoteLiveMessage(runner ? live : live?.ForHall()));
            })
            .RequireAuthorization(AuthSetup.Require(Roles.StaffAndDisplays));
        group.MapGet("/decisions", async (OpenVoteService s, CancellationToken ct) => TypedResults.Ok(await s.DecisionsAsync(ct)))
            .RequireAuthorization(AuthSetup.Require(Roles.Staff));

        // The delegate's choice, from the tablet.
        routes.MapPost("/api/tablet/openvotes/{id:guid}/choice",
                async (Guid id, CastRequest r, OpenVoteCasting s, ClaimsPrincipal u, CancellationToken ct) => (await s.CastAsync(u, id, r, ct)).ToHttp())
            .WithTags("Tablet").RequireAuthorization(AuthSetup.Require(Roles.Delegate)).DisableAntiforgery();
        routes.MapTabletState();
        return group;
    }
}
