using ElectionSystem.Server.Features.Elections;
using ElectionSystem.Server.Features.Tablet;
using FluentValidation;

namespace ElectionSystem.Server.Features.Duties;

/// <summary>
/// A committee sign-in: the delegate's PIN and badge or code (as a tablet's); the first time, with
/// the activation code, a new passphrase of at least ten characters, typed twice, that holds
/// neither the PIN nor the delegate code. Whether they match is the sign-in's 401.
/// </summary>
public sealed class CommitteeSignInRequestValidator : AbstractValidator<CommitteeSignInRequest>
{
    public CommitteeSignInRequestValidator()
    {
        RuleFor(r => r.Pin).Must(PinHasher.IsWellFormed).WithMessage("Mã PIN gồm 6 chữ số.");
        RuleFor(r => r.Code).Must((r, code) => !string.IsNullOrWhiteSpace(r.Badge) || !string.IsNullOrWhiteSpace(code))
            .WithMessage("Hãy quét mã QR trên thẻ hoặc nhập mã đại biểu.");
        When(r => !string.IsNullOrWhiteSpace(r.ActivationCode), () =>
        {
            RuleFor(r => r.NewPassphrase).Cascade(CascadeMode.Stop).Must(p => p is { Length: >= ActivationCodes.PassphraseMinLength } && p.Length <= 200)
                .WithMessage($"Mật khẩu Ban Kiểm phiếu mới cần từ {ActivationCodes.PassphraseMinLength} đến 200 ký tự.")
                .Must((r, p) => string.Equals(p, r.NewPassphraseAgain, StringComparison.Ordinal))
                .WithMessage("Hai lần nhập mật khẩu mới không giống nhau.")
                .Must((r, p) => r.Pin is null || p is null || !p.Contains(r.Pin, StringComparison.Ordinal))
                .WithMessage("Mật khẩu Ban Kiểm phiếu không được chứa mã PIN.")
                .Must((r, p) => string.IsNullOrWhiteSpace(r.Code) || p is null || !p.Contains(r.Code.Trim(), StringComparison.OrdinalIgnoreCase))
                .WithMessage(CommitteeSecret.ContainsCode);
        });
        RuleFor(r => r.Passphrase).MaximumLength(200).WithMessage("Mật khẩu Ban Kiểm phiếu dài quá 200 ký tự.");
    }
}
