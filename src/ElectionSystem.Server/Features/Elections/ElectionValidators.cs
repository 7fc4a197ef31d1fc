using ElectionSystem.Server.Features.Shared;
using FluentValidation;

namespace ElectionSystem.Server.Features.Elections;

// The shape of the election requests (RequestValidation runs these before the endpoint). What
// needs the election or the round (already opened, candidate ids on this ballot, a poll's result)
// stays in ElectionService, Casting and Counting.

public sealed class CreateElectionRequestValidator : AbstractValidator<CreateElectionRequest>
{
    public CreateElectionRequestValidator()
    {
        RuleFor(r => r.Kind).Must(kind => kind is not null && ElectionKinds.All.Contains(kind))
            .WithMessage(r => $"Loại bầu cử \"{r.Kind}\" không có. Chọn một trong: {string.Join(", ", ElectionKinds.All)}.");
        RuleFor(r => r.Title).Must(title => !string.IsNullOrWhiteSpace(title))
            .WithMessage("Hãy nhập tên cuộc bầu cử (title).");
        RuleFor(r => r.Title).Must(title => TextLimits.Fits(title, TextLimits.Title))
            .WithMessage($"Tên cuộc bầu cử (title) dài quá {TextLimits.Title} ký tự.");
        RuleFor(r => r.Seats).GreaterThanOrEqualTo(1).When(r => r.Kind != ElectionKinds.NominationPoll)
            .WithMessage("Số lượng cần bầu (seats) phải ít nhất là 1.");
        RuleFor(r => r.AlternateSeats).Must((r, alternates) => alternates == 0 || (alternates > 0 && r.Kind == ElectionKinds.Delegation))
            .WithMessage("Số đại biểu dự khuyết (alternateSeats) chỉ dùng cho bầu đoàn đại biểu và không âm.");
    }
}

public sealed class AddCandidateRequestValidator : AbstractValidator<AddCandidateRequest>
{
    public AddCandidateRequestValidator()
    {
        RuleFor(r => r.FullName).Must(name => !string.IsNullOrWhiteSpace(name))
            .WithMessage("Hãy nhập họ và tên người ứng cử (fullName).");
        RuleFor(r => r.FullName).Must(name => TextLimits.Fits(name, TextLimits.Name))
            .WithMessage($"Họ và tên người ứng cử (fullName) dài quá {TextLimits.Name} ký tự.");
        RuleFor(r => r.Delegation).Must(name => TextLimits.Fits(name, TextLimits.Name))
            .WithMessage($"Tên đoàn (delegation) dài quá {TextLimits.Name} ký tự.");
    }
}

/// <summary>The counting committee as the presidium records it: the open vote that elected it and its members (delegates).</summary>
public sealed class SetCommitteeRequestValidator : AbstractValidator<SetCommitteeRequest>
{
    public SetCommitteeRequestValidator()
    {
        RuleFor(r => r.OpenVoteId).NotEmpty()
            .WithMessage("Cần biểu quyết của Đại hội đã thông qua Ban Kiểm phiếu (openVoteId).");
        RuleFor(r => r.Members).Must(m => m is { Count: >= 2 } && m.TrueForAll(x => x.DelegateId != Guid.Empty))
            .OverridePropertyName("members")
            .WithMessage("Ban Kiểm phiếu cần ít nhất hai thành viên, mỗi người là một đại biểu (delegateId): hai người xác nhận kết quả.");
        RuleFor(r => r.Members).Must(m => m is null || m.Select(x => x.DelegateId).Distinct().Count() == m.Count)
            .OverridePropertyName("members")
            .WithMessage("Một đại biểu có tên hai lần trong danh sách Ban Kiểm phiếu (members).");
        RuleFor(r => r.Members).Must(m => m is null || m.Count(x => x.IsChair) == 1)
            .OverridePropertyName("isChair")
            .WithMessage("Ban Kiểm phiếu có đúng một Trưởng ban (isChair).");
    }
}

/// <summary>The tablet's submission key, resent unchanged until acknowledged (the ballot's content is checked against the round).</summary>
public sealed class CastRequestValidator : AbstractValidator<CastRequest>
{
    public CastRequestValidator()
    {
        RuleFor(r => r.Key).Must(key => key is { Length: >= 16 and <= 128 } && key.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_'))
            .WithMessage("key: mã gửi phiếu phải gồm 16–128 chữ cái, chữ số, '-' hoặc '_'.");
    }
}

public sealed class AnnounceRequestValidator : AbstractValidator<AnnounceRequest>
{
    public AnnounceRequestValidator()
    {
        RuleFor(r => r.Order).Must(order => order is null or "ballot" or "votes")
            .WithMessage("order: \"ballot\" (thứ tự trên phiếu) hoặc \"votes\" (thứ tự số phiếu).");
    }
}
