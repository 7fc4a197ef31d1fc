using FluentValidation;

namespace ElectionSystem.Server.Features.CheckIn;

/// <summary>A scan carries the badge's token; whether it is genuine is the desk's answer, not a 400.</summary>
public sealed class ScanRequestValidator : AbstractValidator<ScanRequest>
{
    public ScanRequestValidator()
    {
        RuleFor(r => r.Token).Must(token => !string.IsNullOrWhiteSpace(token))
            .WithMessage("Chưa có mã quét từ thẻ (trường \"token\" trống).");
    }
}
