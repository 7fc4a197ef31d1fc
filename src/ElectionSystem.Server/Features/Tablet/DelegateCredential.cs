using ElectionSystem.Server.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElectionSystem.Server.Features.Tablet;

/// <summary>
/// A delegate's tablet credential: the PIN hash, the wrong-PIN count and back-off (persisted, so a
/// restart does not end a wait; ADR 0009) and the tablet session that is currently signed in. Kept in
/// its own table, one row per delegate, so the registry (Delegates) stays the import's business.
/// </summary>
public sealed class DelegateCredential
{
    public Guid DelegateId { get; set; }

    /// <summary>PBKDF2 (see <see cref="PinHasher"/>); null until a PIN slip is printed.</summary>
    public string? PinHash { get; set; }

    public DateTime? PinIssuedAt { get; set; }

    /// <summary>Consecutive wrong PINs since the last successful sign-in (counted by <see cref="PinThrottle"/>).</summary>
    public int FailedPinAttempts { get; set; }

    /// <summary>While later than now, every sign-in for this delegate is refused and not counted.</summary>
    public DateTime? BackOffUntil { get; set; }

    /// <summary>The one tablet session allowed to act for this delegate; a newer sign-in replaces it.</summary>
    public Guid? TabletSessionId { get; set; }

    public DateTime? SignedInAt { get; set; }
}

internal sealed class DelegateCredentialConfiguration : IEntityTypeConfiguration<DelegateCredential>
{
    public void Configure(EntityTypeBuilder<DelegateCredential> b)
    {
        b.ToTable("DelegateCredentials");
        b.HasKey(c => c.DelegateId);
        b.HasOne<CongressDelegate>().WithOne().HasForeignKey<DelegateCredential>(c => c.DelegateId).OnDelete(DeleteBehavior.Cascade);
        b.Property(c => c.PinHash).HasMaxLength(200);
    }
}

/// <summary>The tablet's table on the hall's database (Data knows no capability's types).</summary>
public static class TabletTables
{
    extension(ElectionDbContext db)
    {
        public DbSet<DelegateCredential> DelegateCredentials => db.Set<DelegateCredential>();
    }
}
