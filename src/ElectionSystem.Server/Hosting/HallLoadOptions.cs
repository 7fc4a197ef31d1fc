using FluentValidation;

namespace ElectionSystem.Server.Hosting;

/// <summary>How much of the election traffic is served at once (section <c>Hall</c>).</summary>
public sealed class HallLoadOptions
{
    public const string Section = "Hall";

    /// <summary>
    /// Ballots, ballot fetches and turnout in progress at once; the rest wait in order (never
    /// refused). Enough for the ballot writer's group commit to fill its batches, few enough that
    /// 1,600 tablets do not grow the thread pool (ADR 0007).
    /// </summary>
    public int ElectionRequestsInFlight { get; set; } = 64;
}

public sealed class HallLoadOptionsValidator : AbstractValidator<HallLoadOptions>
{
    public HallLoadOptionsValidator()
    {
        RuleFor(o => o.ElectionRequestsInFlight).GreaterThan(0)
            .WithMessage(o => $"{HallLoadOptions.Section}:{nameof(HallLoadOptions.ElectionRequestsInFlight)}: {o.ElectionRequestsInFlight} is not a positive number of requests.");
    }
}
