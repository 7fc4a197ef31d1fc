using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Shared;
using FluentValidation;

namespace ElectionSystem.Server.Features.Presidium;

/// <summary>A new presidium account: the same user-name and display-name rules as every account.</summary>
public sealed class PresidiumAccountCreateValidator : AbstractValidator<PresidiumAccountCreate>
{
    public PresidiumAccountCreateValidator()
    {
        RuleFor(r => r.UserName).Must(AccountPowers.IsPlainUserName)
            .WithMessage("Tên đăng nhập (trường \"userName\") phải có 2–100 ký tự, chỉ gồm chữ cái không dấu a–z, chữ số 0–9 và các dấu “.”, “-”, “_”.");
        RuleFor(r => r.DisplayName).Must(name => TextLimits.Fits(name, TextLimits.Name))
            .WithMessage($"Tên hiển thị (trường \"displayName\") dài quá {TextLimits.Name} ký tự.");
    }
}
