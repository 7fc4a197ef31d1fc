using FluentValidation;

namespace ElectionSystem.Server.Features.Auth;

/// <summary>Sign-in settings (section <c>Auth</c>).</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>
    /// Staff sign-ins and tablet sign-ins allowed per minute from one address (fixed window);
    /// wrong passwords and PINs are throttled per account and delegate besides.
    /// </summary>
    public int LoginAttemptsPerMinutePerAddress { get; set; } = 30;
}

public sealed class AuthOptionsValidator : AbstractValidator<AuthOptions>
{
    public AuthOptionsValidator()
    {
        RuleFor(o => o.LoginAttemptsPerMinutePerAddress).GreaterThan(0)
            .WithMessage(o => $"{AuthOptions.Section}:{nameof(AuthOptions.LoginAttemptsPerMinutePerAddress)}: {o.LoginAttemptsPerMinutePerAddress} is not a positive number of attempts.");
    }
}
