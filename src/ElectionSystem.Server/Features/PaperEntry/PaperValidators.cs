using FluentValidation;

namespace ElectionSystem.Server.Features.PaperEntry;

// The shape of the paper-entry requests (RequestValidation runs these before the endpoint). What
// needs the round or the bundle (open for entry, the ballot's numbers, the next index) stays in
// PaperEntryService.

public sealed class StartBundleRequestValidator : AbstractValidator<StartBundleRequest>
{
    public StartBundleRequestValidator()
    {
        RuleFor(r => r.Station).InclusiveBetween(1, PaperRounds.Stations)
            .WithMessage(r => $"Trạm nhập phiếu là số 1, 2 hoặc 3 (không phải {r.Station}).");
    }
}

public sealed class OpenPaperRequestValidator : AbstractValidator<OpenPaperRequest>
{
    public OpenPaperRequestValidator()
    {
        RuleFor(r => r.Issued).GreaterThanOrEqualTo(0).WithMessage(SetIssuedRequestValidator.NotNegative);
        RuleFor(r => r.Bundles).InclusiveBetween(0, 200).WithMessage("Số tập phiếu (bundles) từ 0 đến 200.");
        RuleFor(r => r.BundleSize).InclusiveBetween(1, PaperRounds.MaxBundleSize)
            .WithMessage($"Mỗi tập phiếu (bundleSize) có từ 1 đến {PaperRounds.MaxBundleSize} phiếu.");
    }
}

public sealed class SetIssuedRequestValidator : AbstractValidator<SetIssuedRequest>
{
    public const string NotNegative = "Số phiếu giấy phát ra (issued) không âm.";

    public SetIssuedRequestValidator()
    {
        RuleFor(r => r.Issued).GreaterThanOrEqualTo(0).WithMessage(NotNegative);
    }
}

public sealed class AddBundlesRequestValidator : AbstractValidator<AddBundlesRequest>
{
    public AddBundlesRequestValidator()
    {
        RuleFor(r => r.Sizes).Must(sizes => sizes is { Count: >= 1 and <= 200 } && sizes.All(s => s is >= 1 and <= PaperRounds.MaxBundleSize))
            .WithMessage($"sizes: từ 1 đến 200 tập, mỗi tập từ 1 đến {PaperRounds.MaxBundleSize} phiếu.");
    }
}

public sealed class ResolveRequestValidator : AbstractValidator<ResolveRequest>
{
    public ResolveRequestValidator()
    {
        RuleFor(r => r.Reason).Must(reason => !string.IsNullOrWhiteSpace(reason))
            .WithMessage("Hãy ghi lý do kết luận của Ban Kiểm phiếu (reason).");
    }
}
