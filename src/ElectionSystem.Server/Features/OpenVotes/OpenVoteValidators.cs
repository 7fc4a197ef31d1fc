using FluentValidation;

namespace ElectionSystem.Server.Features.OpenVotes;

// The shape of the presidium's and the tablet's open-vote requests. Whether the vote may be
// opened, counted or cast (its state, the session, the Base) stays in OpenVoteService.

public sealed class CreateOpenVoteRequestValidator : AbstractValidator<CreateOpenVoteRequest>
{
    private const string TooLong = "Tiêu đề tối đa 500 ký tự, nội dung tối đa 4.000 ký tự.";

    public CreateOpenVoteRequestValidator()
    {
        RuleFor(r => r.Title).Must(title => !string.IsNullOrWhiteSpace(title))
            .WithMessage("Hãy nhập nội dung biểu quyết (tiêu đề).");
        RuleFor(r => r.Title).Must(title => (title ?? "").Trim().Length <= 500).WithMessage(TooLong);
        RuleFor(r => r.Description).Must(text => (text ?? "").Trim().Length <= 4000).WithMessage(TooLong);
        // A count that moves with each tap on screen would tie a delegate's tap to their choice.
        RuleFor(r => r.LiveCounts).Must((r, live) => !(live && r.Anonymous))
            .WithMessage("Biểu quyết kín (anonymous) không hiện số phiếu trực tiếp trên màn hình (liveCounts).");
    }
}

/// <summary>The three counts of a show of hands: whole numbers, none negative (one message for all three).</summary>
public sealed class ShowOfHandsRequestValidator : AbstractValidator<ShowOfHandsRequest>
{
    private const string Counts = "Hãy nhập số tán thành, không tán thành và không biểu quyết (số nguyên không âm).";

    public ShowOfHandsRequestValidator()
    {
        RuleFor(r => r.For).Must(n => n is >= 0).WithMessage(Counts);
        RuleFor(r => r.Against).Must(n => n is >= 0).WithMessage(Counts);
        RuleFor(r => r.Abstain).Must(n => n is >= 0).WithMessage(Counts);
    }
}

public sealed class CastRequestValidator : AbstractValidator<CastRequest>
{
    public CastRequestValidator()
    {
        RuleFor(r => r.Choice).Must(choice => choice is { } c && Enum.IsDefined(c))
            .WithMessage("Hãy chọn Tán thành, Không tán thành hoặc Không biểu quyết.");
    }
}
