using ElectionSystem.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.Elections;

/// <summary>The open round as tablets see it: <see cref="OpenRoundCache"/>'s snapshot, read from the database when not cached.</summary>
public sealed class OpenRound(ElectionDbContext db, OpenRoundCache cache, EncryptedRounds encrypted)
{
    public async Task<OpenRoundCache.Snapshot> SnapshotAsync(CancellationToken ct)
    {
        if (cache.Current is { } current) return current;
        var generation = cache.Generation;
        var open = await db.Set<ElectionRoundRow>().AsNoTracking().FirstOrDefaultAsync(r => r.State == RoundState.Open, ct);
        var lastAnnounced = await db.Set<ElectionRoundRow>().AsNoTracking().Where(r => r.State == RoundState.Announced)
            .OrderByDescending(r => r.AnnouncedAt).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
        OpenRoundCache.Snapshot snap;
        if (open is null)
        {
            snap = new OpenRoundCache.Snapshot(null, null, null, lastAnnounced);
        }
        else
        {
            var e = await db.ElectionOfAsync(open, ct);
            var round = await db.BallotRoundAsync(open, e, ct);
            var names = round.InBallotOrder.Select((c, i) => new BallotName(c.Id, i + 1, c.FullName, c.Delegation, c.BirthDate?.Year)).ToList();
            var key = await encrypted.KeyAsync(open.Id, round, ct);
            var view = new BallotView(open.Id, e.Title, open.Number, RoundWords.Label(open), RoundWords.ListKindWire(round.ListKind), open.Seats, names, false, key?.View);
            // Taken before the read: a participation committed meanwhile is in the read or added by the writer.
            var voted = cache.VotedIn(open.Id);
            foreach (var p in await db.Set<Participation>().AsNoTracking().Where(p => p.RoundId == open.Id).ToListAsync(ct))
            {
                voted.TryAdd(p.DelegateId, p.KeyHash);
            }
            snap = new OpenRoundCache.Snapshot(open, round, view, lastAnnounced, voted, key);
        }
        cache.TryStore(generation, snap);
        return snap;
    }
}
