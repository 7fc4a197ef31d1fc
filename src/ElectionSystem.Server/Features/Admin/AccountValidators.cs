using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Shared;
using FluentValidation;

namespace ElectionSystem.Server.Features.Admin;

// The shape of the organisers' account and display-key requests (RequestValidation runs these
// before the endpoint); whether the name is already taken is the endpoint's to say.

public sealed class AccountCreateValidator : AbstractValidator<AccountCreate>
{
    public AccountCreateValidator()
    {
        RuleFor(r => r.UserName).Must(AccountPowers.IsPlainUserName)
            .WithMessage("Tên đăng nhập (trường \"userName\") phải có 2–100 ký tự, chỉ gồm chữ cái không dấu a–z, chữ số 0–9 và các dấu “.”, “-”, “_” " +
                "(không dấu tiếng Việt, không dấu cách, không chữ trông giống chữ Latinh của bảng chữ cái khác).");
        RuleFor(r => r.DisplayName).Must(name => TextLimits.Fits(name, TextLimits.Name))
            .WithMessage($"Tên hiển thị (trường \"displayName\") dài quá {TextLimits.Name} ký tự.");
        RuleFor(r => r.Role).Must(role => role is not null && Roles.AccountRoles.Contains(role))
            .WithMessage($"Vai trò (trường \"role\") phải là một trong: {string.Join(", ", Roles.AccountRoles)}.");
    }
}

public sealed class DisplayKeyCreateValidator : AbstractValidator<DisplayKeyCreate>
{
    public DisplayKeyCreateValidator()
    {
        RuleFor(r => r.Name).Must(name => !string.IsNullOrWhiteSpace(name))
            .WithMessage("Tên màn hình (trường \"name\") không được để trống.");
        RuleFor(r => r.Name).Must(name => TextLimits.Fits(name, TextLimits.Name))
            .WithMessage($"Tên màn hình (trường \"name\") dài quá {TextLimits.Name} ký tự.");
    }
}

public sealed class AccountRoleChangeValidator : AbstractValidator<AccountRoleChange>
{
    public AccountRoleChangeValidator()
    {
        RuleFor(r => r.Role).Must(role => role is not null && Roles.AccountRoles.Contains(role))
            .WithMessage($"Vai trò (trường \"role\") phải là một trong: {string.Join(", ", Roles.AccountRoles)}.");
    }
}
