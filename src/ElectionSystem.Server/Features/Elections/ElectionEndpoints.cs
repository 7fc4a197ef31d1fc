using ElectionSystem.Server.Features.Live;
using ElectionSystem.Server.Hosting;

namespace ElectionSystem.Server.Features.Elections;

/// <summary>
/// Secret elections, one slice per stage of a round's life: setup (the election and its list), rounds
/// (what comes next, create, open), casting (the tablet's ballot), counting (close, confirm, announce —
/// the committee's workflow under /api/committee) and results. Each slice maps its own endpoints.
/// </summary>
public static class ElectionEndpoints
{
    public static IServiceCollection AddElections(this IServiceCollection services)
    {
        // The round's state, its open snapshot and the ballot writer are one per process.
        services.AddSingleton<OpenRoundCache>();
        services.AddSingleton<RoundTransitions>();
        services.AddSingleton<IBallotCounter, DomainBallotCounter>();
        services.AddSingleton<RoundCounts>();
        services.AddSingleton<BallotWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<BallotWriter>());
        services.AddLiveTopic<ElectionTurnoutTopic>();
        // Setup.
        services.AddScoped<ElectionSetup>();
        services.AddScoped<CountingCommitteeMembers>();
        services.AddOptions<CommitteeOptions>().BindConfiguration(CommitteeOptions.Section).ValidatedOnStart();
        services.AddScoped<CommitteeActivation>();
        services.AddSingleton<CommitteeSessions>();
        // Rounds.
        services.AddScoped<RoundPlanner>();
        services.AddScoped<RoundCreation>();
        services.AddScoped<RoundOpening>();
        // Casting.
        services.AddScoped<OpenRound>();
        services.AddScoped<BallotDrafts>();
        services.AddScoped<BallotCasting>();
        // Counting.
        services.AddScoped<RoundTally>();
        services.AddScoped<RoundClosing>();
        services.AddScoped<RoundConfirmation>();
        services.AddScoped<RoundAnnouncement>();
        // Results.
        services.AddScoped<RoundResults>();
        services.AddScoped<ElectionOutcome>();
        services.AddScoped<RoundTurnout>();
        services.AddScoped<CommitteeRoundView>();
        // The committee's keys: ceremony, encrypted casting, decryption (Keys/).
        services.AddCommitteeKeys();
        return services;
    }

    public static RouteGroupBuilder MapElections(this IEndpointRouteBuilder routes) =>
        routes.MapGroup("/api/elections").WithTags("Elections")
            .MapElectionSetup()
            .MapRounds()
            .MapCasting()
            .MapResults();
}
