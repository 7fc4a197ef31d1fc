using FluentValidation;

namespace ElectionSystem.Server.Features.Elections;

public sealed class StartCeremonyRequestValidator : AbstractValidator<StartCeremonyRequest>
{
    public StartCeremonyRequestValidator() =>
        RuleFor(r => r.K).GreaterThanOrEqualTo(2).WithMessage("k: cần ít nhất 2 thành viên cùng giải mã (2 ≤ k ≤ số thành viên Ban Kiểm phiếu).");
}

public sealed class BoxKeyRequestValidator : AbstractValidator<BoxKeyRequest>
{
    public BoxKeyRequestValidator() =>
        RuleFor(r => r.PublicKey).Must(KeyHex.IsHex32).WithMessage("publicKey: khóa công khai X25519 phải là 64 chữ số hex viết thường.");
}

public sealed class DealingRequestValidator : AbstractValidator<DealingRequest>
{
    public DealingRequestValidator()
    {
        RuleFor(r => r.Commitments).NotNull().WithMessage("commitments: thiếu danh sách cam kết.");
        RuleForEach(r => r.Commitments).Must(KeyHex.IsHex32).WithMessage("commitments[{CollectionIndex}]: phải là 64 chữ số hex viết thường.");
        RuleFor(r => r.Shares).NotNull().WithMessage("shares: thiếu các phần khóa đã niêm phong.");
        RuleForEach(r => r.Shares).NotNull().WithMessage("shares[{CollectionIndex}]: thiếu phần khóa.").ChildRules(s =>
        {
            s.RuleFor(x => x.To).GreaterThanOrEqualTo(1).WithMessage("shares[].to: số thứ tự người nhận bắt đầu từ 1.");
            s.RuleFor(x => x.Sealed).Must(KeyHex.IsSealedShare).WithMessage("shares[].sealed: phải là base64 của 80 byte (crypto_box_seal của 32 byte).");
        });
    }
}

public sealed class VerificationRequestValidator : AbstractValidator<VerificationRequest>
{
    public VerificationRequestValidator() =>
        RuleFor(r => r.Complaints).NotNull().WithMessage("complaints: gửi danh sách (có thể rỗng) người chia khóa có phần khóa sai.");
}

public sealed class PartialDecryptionRequestValidator : AbstractValidator<PartialDecryptionRequest>
{
    public PartialDecryptionRequestValidator()
    {
        RuleFor(r => r.Rows).NotNull().WithMessage("rows: thiếu phần giải mã của các dòng.");
        RuleFor(r => r.Options).NotNull().WithMessage("options: thiếu phần giải mã của các lựa chọn.");
        RuleForEach(r => r.Rows).NotNull().WithMessage("rows[{CollectionIndex}]: thiếu phần giải mã.");
        RuleForEach(r => r.Options).NotNull().WithMessage("options[{CollectionIndex}]: thiếu phần giải mã.");
    }
}

/// <summary>Encodings the ceremony's requests use.</summary>
public static class KeyHex
{
    public static bool IsHex32(string? s) => s is { Length: 64 } && s.All(char.IsAsciiHexDigitLower);

    public static bool IsSealedShare(string? s)
    {
        if (s is null) return false;
        var bytes = new byte[Crypto.SealedBox.KeyBytes + Crypto.SealedBox.Overhead + 1];
        return Convert.TryFromBase64String(s, bytes, out var n) && n == Crypto.SealedBox.KeyBytes + Crypto.SealedBox.Overhead;
    }
}
