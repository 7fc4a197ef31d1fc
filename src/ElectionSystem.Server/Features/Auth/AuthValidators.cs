using FluentValidation;

namespace ElectionSystem.Server.Features.Auth;

/// <summary>Both fields present (one message for either); a wrong pair is the endpoint's 401.</summary>
public sealed class LoginRequestValidator : AbstractValidator<LoginRequest>
{
    public const string Missing = "Hãy nhập tên đăng nhập và mật khẩu.";

    public LoginRequestValidator()
    {
        RuleFor(r => r.UserName).Must(name => !string.IsNullOrWhiteSpace(name)).WithMessage(Missing);
        RuleFor(r => r.Password).Must(password => !string.IsNullOrEmpty(password)).WithMessage(Missing);
    }
}
