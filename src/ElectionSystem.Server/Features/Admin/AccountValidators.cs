using ElectionSystem.Server.Features.Auth;
using FluentValidation;

namespace ElectionSystem.Server.Features.Admin;

// The shape of the organisers' account and display-key requests (RequestValidation runs these
// before the endpoint); whether the name is already taken is the endpoint's to say.

public sealed class AccountCreateValidator : AbstractValidator<AccountCreate>
{
    public AccountCreateValidator()
    {
        RuleFor(r => r.UserName).Must(name => (name ?? "").Trim() is { Length: >= 2 and <= 100 } trimmed && !trimmed.Any(char.IsWhiteSpace))
            .WithMessage("Tên đăng nhập (trường \"userName\") phải có 2–100 ký tự, không có dấu cách.");
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
