using FluentValidation;

namespace ElectionSystem.Server.Features.Tablet;

/// <summary>A PIN of six digits and either the badge's QR or a delegate code; whether they match is the sign-in's 401.</summary>
public sealed class TabletSignInRequestValidator : AbstractValidator<TabletSignInRequest>
{
    public TabletSignInRequestValidator()
    {
        RuleFor(r => r.Pin).Must(PinHasher.IsWellFormed).WithMessage("Mã PIN gồm 6 chữ số.");
        RuleFor(r => r.Code).Must((r, code) => !string.IsNullOrWhiteSpace(r.Badge) || !string.IsNullOrWhiteSpace(code))
            .WithMessage("Hãy quét mã QR trên thẻ hoặc nhập mã đại biểu.");
    }
}
