using System.Security.Cryptography;
using ElectionSystem.Server.Features.Shared;
using FluentValidation;

namespace ElectionSystem.Server.Features.Elections;

/// <summary>Committee member credentials (section <c>Committee</c>).</summary>
public sealed class CommitteeOptions
{
    public const string Section = "Committee";

    /// <summary>How long a member's one-time activation code may be used after the presidium issues it.</summary>
    public int ActivationHours { get; set; } = 12;
}

public sealed class CommitteeOptionsValidator : AbstractValidator<CommitteeOptions>
{
    public CommitteeOptionsValidator()
    {
        RuleFor(o => o.ActivationHours).InclusiveBetween(1, 168)
            .WithMessage(o => $"{CommitteeOptions.Section}:{nameof(CommitteeOptions.ActivationHours)}: {o.ActivationHours} is not between 1 and 168 hours.");
    }
}

/// <summary>
/// A member's one-time activation code: 12 characters from an alphabet without look-alikes (no 0/O,
/// 1/I/L), about 59 bits in all, read aloud in three groups of four ("K7QM-3RTX-H9PA"). Only its
/// SHA-256 is kept: the code is random enough that no salt or slow hash is needed, and it is good
/// for one use before it expires.
/// </summary>
public static class ActivationCodes
{
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private const int Length = 12;

    /// <summary>The passphrase a member sets: at least this many characters.</summary>
    public const int PassphraseMinLength = 10;

    public static string New()
    {
        var chars = RandomNumberGenerator.GetItems<char>(Alphabet, Length);
        return string.Join('-', Enumerable.Range(0, Length / 4).Select(i => new string(chars, i * 4, 4)));
    }

    /// <summary>What is hashed: upper case, without the spaces and dashes people type between groups.</summary>
    public static string Normalize(string code) =>
        new(code.Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());

    public static string Hash(string code) => Sha256Text.Hex(Normalize(code));

    public static bool Matches(string code, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(Hash(code)), System.Text.Encoding.ASCII.GetBytes(storedHash));
}

/// <summary>A member's activation slip, shown once to the presidium (the server keeps only the hash).</summary>
public sealed record ActivationSlipDto(string FullName, bool IsChair, Guid? DelegateId, string? Code, string ActivationCode, DateTime ExpiresAt);
