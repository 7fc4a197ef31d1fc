using ElectionSystem.Server.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.Audit;

public sealed record AuditVerifyResponse(bool Ok, long Entries, long? BrokenAt, string? Reason, long HeadSequence, string HeadHash);

public static class AuditEndpoints
{
    /// <summary>
    /// GET /verify and GET / on the group the organisers' screen gives (Admin puts it behind its role:
    /// Audit comes before Auth in the dependency order, since Auth itself writes to the log).
    /// </summary>
    public static RouteGroupBuilder MapAuditRoutes(this RouteGroupBuilder group)
    {
        group.MapGet("/verify", Verify);
        group.MapGet("/", List);
        return group;
    }

    /// <summary>Re-checks the whole chain; the head hash is shown so it can be written down elsewhere.</summary>
    private static async Task<Ok<AuditVerifyResponse>> Verify(ElectionDbContext db, CancellationToken ct)
    {
        var result = await VerifyAsync(db, ct);
        var head = await db.AuditHeads.AsNoTracking().FirstOrDefaultAsync(ct);
        return TypedResults.Ok(new AuditVerifyResponse(result.Ok, result.Entries, result.BrokenAt, result.Reason,
            head?.Sequence ?? 0, head?.Hash ?? AuditHash.Genesis));
    }

    public static async Task<AuditVerification> VerifyAsync(ElectionDbContext db, CancellationToken ct)
    {
        var entries = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(ct);
        var head = await db.AuditHeads.AsNoTracking().FirstOrDefaultAsync(ct);
        return AuditVerifier.Verify(entries, head);
    }

    /// <summary>The newest entries first, a page at a time (<c>?before=sequence&amp;take=100</c>).</summary>
    private static async Task<Ok<List<AuditEntry>>> List(ElectionDbContext db, long? before, int? take, CancellationToken ct)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (before is { } b)
        {
            query = query.Where(e => e.Sequence < b);
        }
        return TypedResults.Ok(await query.OrderByDescending(e => e.Sequence).Take(Math.Clamp(take ?? 100, 1, 1000)).ToListAsync(ct));
    }
}
