using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElectionSystem.Server.Data;

/// <summary>A staff account (organiser, presidium, counting committee, check-in staff). One role each.</summary>
public sealed class Account
{
    public Guid Id { get; set; }
    public string UserName { get; set; } = "";
    public string DisplayName { get; set; } = "";

    /// <summary>PBKDF2-SHA256 (Features/Auth/PasswordHasher).</summary>
    public string PasswordHash { get; set; } = "";

    /// <summary>One of Features/Auth/Roles.</summary>
    public string Role { get; set; } = "";

    public DateTime CreatedAt { get; set; }
    public bool Disabled { get; set; }

    /// <summary>
    /// The password was chosen by someone else (the organiser's new account or reset, the first
    /// run's "admin"): until the account sets its own (POST /api/auth/password), its sign-ins open
    /// nothing but that change (Features/Auth/TemporaryPasswords).
    /// </summary>
    public bool MustChangePassword { get; set; }

    /// <summary>Wrong passwords since the last successful sign-in (Features/Auth/LoginThrottle).</summary>
    public int FailedSignIns { get; set; }

    /// <summary>While later than now, every sign-in is refused and not counted (ADR 0009).</summary>
    public DateTime? SignInBackOffUntil { get; set; }

    /// <summary>
    /// Carried in every cookie and bearer token of this account and checked on each request
    /// (Features/Auth/StaffSessions): a new stamp (sign-out, password reset, disable, role change)
    /// ends them all at once.
    /// </summary>
    public string SecurityStamp { get; set; } = NewStamp();

    public static string NewStamp() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
}

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> b)
    {
        b.Property(a => a.UserName).HasMaxLength(100).UseCollation("NOCASE");
        b.HasIndex(a => a.UserName).IsUnique();
        b.Property(a => a.DisplayName).HasMaxLength(200);
        b.Property(a => a.PasswordHash).HasMaxLength(200);
        b.Property(a => a.Role).HasMaxLength(50);
        b.Property(a => a.SecurityStamp).HasMaxLength(64);
    }
}
