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

/// <summary>
/// A new password of at least <see cref="MinLength"/> characters, not the current one (the password
/// someone else knows must stop working); that it is not the user name is the endpoint's to say.
/// </summary>
public sealed class PasswordChangeRequestValidator : AbstractValidator<PasswordChangeRequest>
{
    public const int MinLength = 10;
    public const int MaxLength = 200;

    public PasswordChangeRequestValidator()
    {
        RuleFor(r => r.CurrentPassword).Must(p => !string.IsNullOrEmpty(p))
            .WithMessage("Hãy nhập mật khẩu hiện tại (trường \"currentPassword\").");
        RuleFor(r => r.NewPassword).Must(p => p is { Length: >= MinLength and <= MaxLength })
            .WithMessage($"Mật khẩu mới (trường \"newPassword\") phải có từ {MinLength} đến {MaxLength} ký tự.");
        RuleFor(r => r.NewPassword).Must((r, p) => p != r.CurrentPassword)
            .WithMessage("Mật khẩu mới (trường \"newPassword\") phải khác mật khẩu hiện tại.");
    }
}
