using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ElectionSystem.Server.Features.Auth;

namespace ElectionSystem.Server.Features.Tablet;

/// <summary>
/// Mã PIN: six random digits, stored only as a PBKDF2-SHA256 hash in the staff-password format, so
/// <see cref="PasswordHasher.Verify"/> checks it. Deliberately 10,000 iterations, not the 100,000
/// used for staff passwords: a six-digit PIN cannot be made strong by stretching (10^6 candidates
/// fall to an offline attack either way), while the hall must hash 300–1,600 PINs when slips are
/// printed and verify as many sign-ins at the start of a session on a small server. Online guessing
/// is what matters and the persisted lockout (5 wrong → 5 minutes) bounds it.
/// </summary>
public static class PinHasher
{
    public const int Length = 6;
    private const int Iterations = 10_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    public static string NewPin() =>
        RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);

    public static bool IsWellFormed(string? pin) => pin is { Length: Length } && pin.All(char.IsAsciiDigit);

    public static string Hash(string pin)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(pin), salt, Iterations, HashAlgorithmName.SHA256, HashBytes);
        return $"pbkdf2-sha256${Iterations.ToString(CultureInfo.InvariantCulture)}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    public static bool Verify(string pin, string stored) => PasswordHasher.Verify(pin, stored);
}
