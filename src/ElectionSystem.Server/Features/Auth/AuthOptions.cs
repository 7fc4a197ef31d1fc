using FluentValidation;

namespace ElectionSystem.Server.Features.Auth;

/// <summary>Sign-in settings (section <c>Auth</c>).</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>
    /// Staff sign-ins allowed per minute from one address (fixed window);
    /// wrong passwords are throttled per account besides.
    /// </summary>
    public int LoginAttemptsPerMinutePerAddress { get; set; } = 30;

    /// <summary>
    /// Tablet sign-ins allowed per minute from one address: far above a hall's tablet count, since
    /// the hall's Wi-Fi may put every tablet behind one address; wrong PINs back off per delegate.
    /// </summary>
    public int TabletSignInsPerMinutePerAddress { get; set; } = 2000;

    /// <summary>Consecutive wrong passwords (per account) or PINs (per delegate) that cost no wait.</summary>
    public int FreeWrongAttempts { get; set; } = 3;

    /// <summary>The longest wait after wrong attempts (the waits double from 2 seconds up to this).</summary>
    public int MaxBackOffSeconds { get; set; } = 300;
}

public sealed class AuthOptionsValidator : AbstractValidator<AuthOptions>
{
    public AuthOptionsValidator()
    {
        RuleFor(o => o.LoginAttemptsPerMinutePerAddress).GreaterThan(0)
            .WithMessage(o => $"{AuthOptions.Section}:{nameof(AuthOptions.LoginAttemptsPerMinutePerAddress)}: {o.LoginAttemptsPerMinutePerAddress} is not a positive number of attempts.");
        RuleFor(o => o.TabletSignInsPerMinutePerAddress).GreaterThan(0)
            .WithMessage(o => $"{AuthOptions.Section}:{nameof(AuthOptions.TabletSignInsPerMinutePerAddress)}: {o.TabletSignInsPerMinutePerAddress} is not a positive number of sign-ins.");
        RuleFor(o => o.FreeWrongAttempts).InclusiveBetween(0, 10)
            .WithMessage(o => $"{AuthOptions.Section}:{nameof(AuthOptions.FreeWrongAttempts)}: {o.FreeWrongAttempts} is not between 0 and 10 attempts.");
        RuleFor(o => o.MaxBackOffSeconds).InclusiveBetween(2, 3600)
            .WithMessage(o => $"{AuthOptions.Section}:{nameof(AuthOptions.MaxBackOffSeconds)}: {o.MaxBackOffSeconds} is not between 2 and 3600 seconds.");
    }
}
