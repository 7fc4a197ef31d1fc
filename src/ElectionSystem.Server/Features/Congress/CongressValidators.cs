using ElectionSystem.Server.Features.Shared;
using FluentValidation;

namespace ElectionSystem.Server.Features.CongressSetup;

public sealed class CongressUpdateValidator : AbstractValidator<CongressUpdate>
{
    public CongressUpdateValidator()
    {
        // PUT replaces the whole: a field left out is named, never taken as empty, 0001-01-01 or false.
        RuleFor(u => u.Name).NotNull().WithMessage(Missing("name", "tên đại hội"));
        RuleFor(u => u.BodyName).NotNull().WithMessage(Missing("bodyName", "tên đảng bộ"));
        RuleFor(u => u.Ordinal).NotNull().WithMessage(Missing("ordinal", "lần thứ"));
        RuleFor(u => u.Term).NotNull().WithMessage(Missing("term", "nhiệm kỳ"));
        RuleFor(u => u.Place).NotNull().WithMessage(Missing("place", "địa điểm"));
        RuleFor(u => u.StartDate).NotNull().WithMessage(Missing("startDate", "ngày khai mạc"));
        RuleFor(u => u.EndDate).NotNull().WithMessage(Missing("endDate", "ngày bế mạc"));
        RuleFor(u => u.TwoThirdsQuorumEnforced).NotNull().WithMessage(Missing("twoThirdsQuorumEnforced", "áp dụng quy định hai phần ba"));

        RuleFor(u => u.Name).Must(name => !string.IsNullOrWhiteSpace(name)).When(u => u.Name is not null)
            .WithMessage("Tên đại hội (trường \"name\") không được để trống.");
        RuleFor(u => u.Name).Must(t => TextLimits.Fits(t, TextLimits.Title))
            .WithMessage($"Tên đại hội (trường \"name\") dài quá {TextLimits.Title} ký tự.");
        RuleFor(u => u.BodyName).Must(t => TextLimits.Fits(t, TextLimits.Title))
            .WithMessage($"Tên đảng bộ (trường \"bodyName\") dài quá {TextLimits.Title} ký tự.");
        RuleFor(u => u.Ordinal).Must(t => TextLimits.Fits(t, TextLimits.Name))
            .WithMessage($"Lần thứ (trường \"ordinal\") dài quá {TextLimits.Name} ký tự.");
        RuleFor(u => u.Term).Must(t => TextLimits.Fits(t, TextLimits.Name))
            .WithMessage($"Nhiệm kỳ (trường \"term\") dài quá {TextLimits.Name} ký tự.");
        RuleFor(u => u.Place).Must(t => TextLimits.Fits(t, TextLimits.Title))
            .WithMessage($"Địa điểm (trường \"place\") dài quá {TextLimits.Title} ký tự.");
        RuleFor(u => u.EndDate).GreaterThanOrEqualTo(u => u.StartDate).When(u => u.StartDate is not null && u.EndDate is not null)
            .WithMessage("Ngày bế mạc (trường \"endDate\") trước ngày khai mạc (\"startDate\").");
    }

    private static string Missing(string field, string what) =>
        $"Thiếu trường \"{field}\" ({what}): cập nhật thông tin đại hội phải gửi đủ mọi trường; không có gì được thay đổi.";
}

public sealed class SessionCreateValidator : AbstractValidator<SessionCreate>
{
    public SessionCreateValidator()
    {
        RuleFor(s => s.Title).Must(title => !string.IsNullOrWhiteSpace(title))
            .WithMessage("Tên phiên họp (trường \"title\") không được để trống.");
        RuleFor(s => s.Title).Must(t => TextLimits.Fits(t, TextLimits.Title))
            .WithMessage($"Tên phiên họp (trường \"title\") dài quá {TextLimits.Title} ký tự.");
    }
}
