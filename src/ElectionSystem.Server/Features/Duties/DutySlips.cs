using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Audit;
using ElectionSystem.Server.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElectionSystem.Server.Features.Duties;

/// <summary>
/// The PIN slip of an approved reset, or the temporary password of an approved new account or reset,
/// kept until the one who asked collects it (once) or <see cref="DutySlips.Lifetime"/> has passed. In the
/// database, so the requester may poll either hall server (issue 15); sealed with the app's Data
/// Protection key ring (with two servers that ring is itself in the database: Auth/DatabaseKeyRing), so
/// the row alone shows no PIN or password. Bound to its request: a sealed value moved to another row does not open.
/// </summary>
public sealed class DutySlip : IExpiredRow
{
    public Guid RequestId { get; set; }

    /// <summary>The staff account that asked: the only one that collects it.</summary>
    public Guid AccountId { get; set; }

    /// <summary><see cref="KeptForRequester"/> as JSON, protected (base64url).</summary>
    public string Sealed { get; set; } = "";

    public DateTime ExpiresAt { get; set; }

    /// <summary>Removed because its hour has passed (not stored): another server's delete of it first is no conflict.</summary>
    public bool RemovedAsExpired { get; set; }
}

internal sealed class DutySlipConfiguration : IEntityTypeConfiguration<DutySlip>
{
    public void Configure(EntityTypeBuilder<DutySlip> b)
    {
        b.ToTable("DutySlips");
        b.HasKey(s => s.RequestId);
        b.HasIndex(s => s.ExpiresAt);
        b.Ignore(s => s.RemovedAsExpired);
    }
}

/// <summary>Keeps and hands out <see cref="DutySlip"/>s: queued on the caller's context, saved with its SaveChanges.</summary>
public sealed class DutySlips(ElectionDbContext db, AuditLog audit, HallClock clock, IDataProtectionProvider protection, ILogger<DutySlips> logger)
{
    /// <summary>How long an uncollected slip is kept; the requester then asks again.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private const string Purpose = "ElectionSystem.Duties.Slip.v1";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>With the decision, before its SaveChanges: the slip exists only if the decision does.</summary>
    public async Task KeepAsync(Guid requestId, Guid? account, KeptForRequester kept, CancellationToken ct)
    {
        await ForgetExpiredAsync(ct);
        if (account is not { } accountId) return;
        db.Set<DutySlip>().Add(new DutySlip
        {
            RequestId = requestId,
            AccountId = accountId,
            Sealed = Protector(requestId).Protect(JsonSerializer.Serialize(kept, Json)),
            ExpiresAt = clock.UtcNow + Lifetime,
        });
    }

    /// <summary>The slip for its requester, once (on whichever node asks first); null for anyone else, after it is taken or expired.</summary>
    public async Task<KeptForRequester?> TakeAsync(Guid requestId, Guid account, ClaimsPrincipal user, CancellationToken ct)
    {
        var forgot = await ForgetExpiredAsync(ct);
        var now = clock.UtcNow;
        var slip = await db.Set<DutySlip>().FirstOrDefaultAsync(s => s.RequestId == requestId && s.AccountId == account && s.ExpiresAt > now, ct);
        if (slip is null)
        {
            if (forgot) await db.SaveChangesAsync(ct);
            return null;
        }
        db.Set<DutySlip>().Remove(slip);
        await audit.AppendAsync(user, "duty.collected", $"duty:{requestId}", new { requestId });
        try
        {
            // A delete that finds no row (the other node took it first) fails here: one taker only.
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<KeptForRequester>(Protector(requestId).Unprotect(slip.Sealed), Json);
        }
        catch (CryptographicException e)
        {
            logger.LogWarning("A duty slip could not be opened ({Error}); the requester must ask again", e.Message);
            return null;
        }
    }

    /// <summary>
    /// Expired slips are removed and recorded on the caller's context: the delete and its audit line
    /// are saved by the caller's one SaveChanges, or neither is (a delete that finds a slip gone, the
    /// other node's, is no error: <see cref="ExpiredRowsInterceptor"/>); true when there were some.
    /// </summary>
    private async Task<bool> ForgetExpiredAsync(CancellationToken ct)
    {
        var now = clock.UtcNow;
        var expired = await db.Set<DutySlip>().Where(s => s.ExpiresAt <= now).ToListAsync(ct);
        if (expired.Count == 0) return false;
        foreach (var slip in expired)
        {
            slip.RemovedAsExpired = true;
            db.Set<DutySlip>().Remove(slip);
        }
        await audit.AppendAsync("system", "duty.slips-expired", "duties",
            new { slips = expired.Count, requests = expired.Select(s => s.RequestId).Order().ToList() });
        return true;
    }

    private IDataProtector Protector(Guid requestId) => protection.CreateProtector(Purpose, requestId.ToString("N"));
}
