using FluentValidation;

namespace ElectionSystem.Server.Features.CongressSetup;

public sealed class CongressUpdateValidator : AbstractValidator<CongressUpdate>
{
    public CongressUpdateValidator()
    {
        RuleFor(u => u.Name).Must(name => !string.IsNullOrWhiteSpace(name))
            .WithMessage("Tên đại hội (trường \"name\") không được để trống.");
        RuleFor(u => u.EndDate).GreaterThanOrEqualTo(u => u.StartDate)
            .WithMessage("Ngày bế mạc (trường \"endDate\") trước ngày khai mạc (\"startDate\").");
    }
}

public sealed class SessionCreateValidator : AbstractValidator<SessionCreate>
{
    public SessionCreateValidator()
    {
        RuleFor(s => s.Title).Must(title => !string.IsNullOrWhiteSpace(title))
            .WithMessage("Tên phiên họp (trường \"title\") không được để trống.");
    }
}
