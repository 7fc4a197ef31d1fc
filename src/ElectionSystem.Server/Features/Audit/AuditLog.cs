using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Hosting;

namespace ElectionSystem.Server.Features.Audit;

/// <summary>
/// Records a state change (ARCHITECTURE.md invariant 4). Call it before SaveChanges: the entry is
/// chained and written in the same SaveChanges as the change itself, so neither exists without the
/// other. Actions are dotted verbs ("checkin.scanned", "delegates.imported"); never put a ballot's
/// content here (invariant 1).
/// </summary>
public sealed class AuditLog(ElectionDbContext db, HallClock clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // Keep Vietnamese readable in the stored JSON.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public Task AppendAsync(string actor, string action, string subject, object? data = null)
    {
        db.EnqueueAudit(new PendingAuditEntry(clock.UtcNow, actor, action, subject,
            data is null ? "{}" : JsonSerializer.Serialize(data, Json)));
        return Task.CompletedTask;
    }

    public Task AppendAsync(ClaimsPrincipal user, string action, string subject, object? data = null) =>
        AppendAsync(user.ActorName(), action, subject, data);
}
