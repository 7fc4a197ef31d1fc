using System.Security.Claims;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Audit;
using ElectionSystem.Server.Features.Live;
using ElectionSystem.Server.Hosting;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.Tablet;

/// <summary>One PIN slip (to print and seal in an envelope). The clear PIN exists only here.</summary>
public sealed record PinSlip(Guid DelegateId, string Code, string FullName, string Delegation, string Pin);

public sealed record PinSlips(string CongressName, IReadOnlyList<PinSlip> Slips);

public sealed record PinSummary(int Delegates, int WithPin, int Locked);

public sealed record GeneratePinsRequest(bool ReplaceExisting);

/// <summary>
/// Issues PINs (organisers): new PINs for every delegate without one — or, deliberately, for
/// everyone — and a single delegate's reset. The clear PINs are returned once, to be printed;
/// only hashes are stored and the audit log records who issued how many, never a PIN.
/// </summary>
public sealed class PinIssuer(ElectionDbContext db, AuditLog audit, HallClock clock, TabletSessions sessions,
    ILiveChannel channel)
{
    public const string Instructions = "Mã PIN dùng để đăng nhập máy tính bảng. Không cho người khác biết.";

    public async Task<PinSummary> SummaryAsync(CancellationToken ct)
    {
        var now = clock.UtcNow;
        var delegates = await db.Delegates.CountAsync(ct);
        var withPin = await db.Set<DelegateCredential>().CountAsync(c => c.PinHash != null, ct);
        var locked = (await db.Set<DelegateCredential>().Where(c => c.BackOffUntil != null).Select(c => c.BackOffUntil).ToListAsync(ct))
            .Count(u => u > now);
        return new PinSummary(delegates, withPin, locked);
    }

    public async Task<PinSlips> GenerateAsync(ClaimsPrincipal user, bool replaceExisting, CancellationToken ct)
    {
        var delegates = await db.Delegates.Include(d => d.Delegation).ToListAsync(ct);
        var credentials = await db.Set<DelegateCredential>().ToDictionaryAsync(c => c.DelegateId, ct);
        var targets = delegates
            .Where(d => replaceExisting || !credentials.TryGetValue(d.Id, out var c) || c.PinHash is null)
            .OrderBy(d => d.Delegation?.SortOrder ?? 0).ThenBy(d => d.Delegation?.Name, StringComparer.Ordinal).ThenBy(d => d.Code, StringComparer.Ordinal)
            .ToList();
        // PBKDF2 for hundreds of PINs: use both cores.
        var issued = targets.Select(d => (Delegate: d, Pin: PinHasher.NewPin())).ToList();
        var hashes = issued.AsParallel().AsOrdered().Select(x => PinHasher.Hash(x.Pin)).ToList();
        var now = clock.UtcNow;
        for (var i = 0; i < issued.Count; i++)
        {
            var id = issued[i].Delegate.Id;
            if (!credentials.TryGetValue(id, out var c))
            {
                c = new DelegateCredential { DelegateId = id };
                db.Add(c);
            }
            c.PinHash = hashes[i];
            c.PinIssuedAt = now;
            c.FailedPinAttempts = 0;
            c.BackOffUntil = null;
        }
        await audit.AppendAsync(user, "tablet.pins-issued", "delegates", new { count = issued.Count, replaceExisting });
        await db.SaveChangesAsync(ct);
        return new PinSlips(await CongressNameAsync(ct), issued.Select(x => Slip(x.Delegate, x.Pin)).ToList());
    }

    public const string NoBulkInSession = "Đại hội đang họp: không cấp mã PIN hàng loạt (cho đại biểu chưa có mã hay cấp lại cho tất cả). "
        + "Cấp mã PIN cho từng đại biểu (mục \"Cấp lại mã PIN cho một đại biểu\", kể cả đại biểu chưa có mã), có thành viên Ban Kiểm phiếu duyệt.";

    /// <summary>The congress is in session: a current session exists.</summary>
    public Task<bool> InSessionAsync(CancellationToken ct) => db.Sessions.AnyAsync(s => s.IsCurrent, ct);

    public Task<bool> ExistsAsync(Guid delegateId, CancellationToken ct) => db.Delegates.AnyAsync(d => d.Id == delegateId, ct);

    /// <summary>
    /// A new PIN for one delegate, with or without one before; clears a back-off and signs out the
    /// tablet signed in with the old PIN.
    /// </summary>
    public async Task<PinSlips?> ResetAsync(ClaimsPrincipal user, Guid delegateId, CancellationToken ct, object? approval = null)
    {
        var d = await db.Delegates.Include(x => x.Delegation).FirstOrDefaultAsync(x => x.Id == delegateId, ct);
        if (d is null)
        {
            return null;
        }
        var c = await db.Set<DelegateCredential>().FirstOrDefaultAsync(x => x.DelegateId == delegateId, ct);
        if (c is null)
        {
            c = new DelegateCredential { DelegateId = delegateId };
            db.Add(c);
        }
        var pin = PinHasher.NewPin();
        var previousSession = c.TabletSessionId;
        c.PinHash = PinHasher.Hash(pin);
        c.PinIssuedAt = clock.UtcNow;
        c.FailedPinAttempts = 0;
        c.BackOffUntil = null;
        c.TabletSessionId = null;
        await audit.AppendAsync(user, "tablet.pin-reset", $"delegate:{d.Code}", approval is null ? null : new { approval });
        await db.SaveChangesAsync(ct);
        sessions.Set(d.Id, null);
        if (previousSession is { } old)
        {
            await channel.SendAsync(TabletClaims.TabletGroup(old), nameof(ITabletClient.SignedOut), new TabletSignedOut("Mã PIN đã được cấp lại. Xin đăng nhập bằng mã PIN mới"));
        }
        return new PinSlips(await CongressNameAsync(ct), [Slip(d, pin)]);
    }

    private async Task<string> CongressNameAsync(CancellationToken ct) =>
        await db.Congresses.AsNoTracking().Select(c => c.Name).FirstOrDefaultAsync(ct) ?? "";

    private static PinSlip Slip(CongressDelegate d, string pin) => new(d.Id, d.Code, d.FullName, d.Delegation?.Name ?? "", pin);
}
