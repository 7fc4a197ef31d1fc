using System.Security.Claims;
using ElectionSystem.Domain.Elections;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Audit;
using ElectionSystem.Server.Features.Elections;
using ElectionSystem.Server.Features.Shared;
using ElectionSystem.Server.Hosting;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.PaperEntry;

/// <summary>
/// Nhập phiếu (DOMAIN.md §6), the entry stations: each operator keys in a bundle at one of three
/// stations and sees only their own entries. A ballot counts only when the three agree, or when the
/// counting committee has ruled on it (PaperDesk).
/// </summary>
public sealed class PaperStations(ElectionDbContext db, AuditLog audit, HallClock clock)
{
    private const int Stations = PaperRounds.Stations;

    public async Task<IReadOnlyList<EntryRoundDto>> RoundsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var me = PaperRounds.Me(user);
        var open = await db.Set<PaperCount>().AsNoTracking().Where(p => p.State == PaperCountState.Entering).Select(p => p.RoundId).ToListAsync(ct);
        var list = new List<EntryRoundDto>();
        foreach (var roundId in open)
        {
            var l = (await db.LoadPaperRoundAsync(roundId, ct))!;
            var bundles = await db.Set<PaperBundle>().AsNoTracking().Where(b => b.RoundId == roundId).OrderBy(b => b.Number).ToListAsync(ct);
            var stations = await db.Set<PaperBundleStation>().AsNoTracking().Where(s => s.RoundId == roundId).ToListAsync(ct);
            var mine = stations.Where(s => s.Account == me).ToList();
            var counts = await db.Set<PaperEntryRow>().AsNoTracking()
                .Where(e => e.RoundId == roundId)
                .Join(db.Set<PaperBundleStation>().Where(s => s.RoundId == roundId && s.Account == me),
                    e => new { e.BundleNumber, e.Station }, s => new { s.BundleNumber, s.Station }, (e, s) => e.BundleNumber)
                .GroupBy(n => n).Select(g => new { Bundle = g.Key, Count = g.Count() }).ToListAsync(ct);
            var dto = bundles.Select(b =>
            {
                var s = mine.FirstOrDefault(x => x.BundleNumber == b.Number);
                return new MyBundleDto(b.Number, b.Size, s?.Station, counts.FirstOrDefault(c => c.Bundle == b.Number)?.Count ?? 0, s?.FinishedAt is not null,
                    stations.Where(x => x.BundleNumber == b.Number).Select(x => x.Station).Order().ToList());
            }).ToList();
            list.Add(new EntryRoundDto(roundId, l.Election.Title, RoundWords.Label(l.Row), RoundWords.ListKindWire(l.Round.ListKind),
                l.Row.Seats, l.WaitingFor is null, l.WaitingFor, l.Names(), dto));
        }
        return list;
    }

    private async Task<ProblemOr<(PaperCount Count, PaperRound Round, PaperBundle Bundle)>> EntryOpenAsync(Guid roundId, int bundle, CancellationToken ct)
    {
        var count = await db.Set<PaperCount>().AsNoTracking().FirstOrDefaultAsync(p => p.RoundId == roundId, ct);
        if (count is null) return Problems.NotFound("Lần bầu này không nhập phiếu giấy.");
        if (count.State != PaperCountState.Entering) return Problems.Conflict("Nhập phiếu giấy của lần bầu này đã hoàn tất.");
        var l = (await db.LoadPaperRoundAsync(roundId, ct))!;
        if (l.WaitingFor is { } why) return Problems.Conflict(why);
        var b = await db.Set<PaperBundle>().AsNoTracking().FirstOrDefaultAsync(x => x.RoundId == roundId && x.Number == bundle, ct);
        if (b is null) return Problems.NotFound($"Không có tập phiếu số {bundle}.");
        return (count, l, b);
    }

    public async Task<ProblemOr<MyBundleEntriesDto>> StartAsync(Guid roundId, int bundle, StartBundleRequest r, ClaimsPrincipal user, CancellationToken ct)
    {
        var open = await EntryOpenAsync(roundId, bundle, ct);
        if (open.Problem is not null) return open.Problem;
        var me = PaperRounds.Me(user);
        var taken = await db.Set<PaperBundleStation>().AsNoTracking().Where(s => s.RoundId == roundId && s.BundleNumber == bundle).ToListAsync(ct);
        var here = taken.FirstOrDefault(s => s.Station == r.Station);
        if (here is not null && here.Account != me)
            return Problems.Conflict($"Trạm {r.Station} của tập {bundle} đã có người khác nhập. Chọn trạm khác.");
        if (here is null)
        {
            if (taken.FirstOrDefault(s => s.Account == me) is { } other)
                return Problems.Conflict($"Đồng chí đã nhập tập {bundle} ở trạm {other.Station}: ba lần nhập một tập phải do ba người khác nhau.");
            db.Add(new PaperBundleStation { RoundId = roundId, BundleNumber = bundle, Station = r.Station, Account = me, StartedAt = clock.UtcNow });
            await audit.AppendAsync(user, "paper.bundle.started", $"round:{roundId}", new { bundle, station = r.Station });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (!StorageFailure.IsStorage(e))
            {
                return Problems.Conflict($"Trạm {r.Station} của tập {bundle} vừa có người khác nhận. Chọn trạm khác.");
            }
        }
        return await MyBundleAsync(roundId, bundle, user, ct);
    }

    private Task<PaperBundleStation?> MyStationAsync(Guid roundId, int bundle, string me, CancellationToken ct, bool track = false)
    {
        var q = db.Set<PaperBundleStation>().Where(s => s.RoundId == roundId && s.BundleNumber == bundle && s.Account == me);
        return (track ? q : q.AsNoTracking()).FirstOrDefaultAsync(ct);
    }

    /// <summary>The caller's own entries of a bundle — nothing of the other stations.</summary>
    public async Task<ProblemOr<MyBundleEntriesDto>> MyBundleAsync(Guid roundId, int bundle, ClaimsPrincipal user, CancellationToken ct)
    {
        var station = await MyStationAsync(roundId, bundle, PaperRounds.Me(user), ct);
        if (station is null) return Problems.NotFound($"Đồng chí chưa nhận trạm nào cho tập {bundle}.");
        var l = (await db.LoadPaperRoundAsync(roundId, ct))!;
        var size = await db.Set<PaperBundle>().Where(b => b.RoundId == roundId && b.Number == bundle).Select(b => b.Size).FirstAsync(ct);
        var entries = await db.Set<PaperEntryRow>().AsNoTracking()
            .Where(e => e.RoundId == roundId && e.BundleNumber == bundle && e.Station == station.Station).OrderBy(e => e.Index).ToListAsync(ct);
        return new MyBundleEntriesDto(roundId, bundle, size, station.Station, station.FinishedAt is not null,
            entries.Select(e => ToMine(e, l.Round)).ToList());
    }

    private static MyEntryDto ToMine(PaperEntryRow e, ElectionRound round)
    {
        var content = BallotJson.Parse(e.Content);
        return new MyEntryDto(e.Index, EntryText.Format(content, round), EntryText.Describe(content));
    }

    public async Task<ProblemOr<EnteredDto>> EnterAsync(Guid roundId, int bundle, int index, EnterRequest r, ClaimsPrincipal user, CancellationToken ct)
    {
        var open = await EntryOpenAsync(roundId, bundle, ct);
        if (open.Problem is not null) return open.Problem;
        var (_, l, b) = open.Value;
        var station = await MyStationAsync(roundId, bundle, PaperRounds.Me(user), ct);
        if (station is null) return Problems.Conflict($"Hãy chọn trạm và bắt đầu tập {bundle} trước khi nhập.");
        if (station.FinishedAt is not null)
            return Problems.Conflict($"Tập {bundle} đã kết thúc ở trạm {station.Station}: không sửa được nữa. Phiếu nhập sai sẽ hiện ra khi đối chiếu ba lần nhập.");
        var existing = await db.Set<PaperEntryRow>().Where(e => e.RoundId == roundId && e.BundleNumber == bundle && e.Station == station.Station).ToListAsync(ct);
        if (index < 1 || index > b.Size) return Problems.BadRequest($"Tập {bundle} có {b.Size} phiếu: không có phiếu số {index}.");
        if (index > existing.Count + 1) return Problems.BadRequest($"Nhập lần lượt: phiếu tiếp theo của tập {bundle} là phiếu số {existing.Count + 1}.");
        var parsed = EntryText.Parse(r.Text, l.Round);
        if (parsed.Content is not { } content) return Problems.BadRequest(parsed.Error!);
        var json = BallotJson.ToJson(content);
        var row = existing.FirstOrDefault(e => e.Index == index);
        if (row is null)
        {
            db.Add(new PaperEntryRow { RoundId = roundId, BundleNumber = bundle, Index = index, Station = station.Station, Content = json });
        }
        else if (row.Content != json)
        {
            row.Content = json;
            row.Corrections++;
        }
        await db.SaveChangesAsync(ct);
        var verdict = content is BallotContent.PaperInvalid ? null : l.Round.Check(content);
        return new EnteredDto(index, EntryText.Format(content, l.Round), EntryText.Describe(content),
            verdict is { } v ? v.ExplainVi() + " — xem lại phiếu" : null, existing.Count + (row is null ? 1 : 0), b.Size);
    }

    public async Task<ProblemOr<MyBundleEntriesDto>> FinishAsync(Guid roundId, int bundle, ClaimsPrincipal user, CancellationToken ct)
    {
        var open = await EntryOpenAsync(roundId, bundle, ct);
        if (open.Problem is not null) return open.Problem;
        var station = await MyStationAsync(roundId, bundle, PaperRounds.Me(user), ct, track: true);
        if (station is null) return Problems.Conflict($"Đồng chí chưa nhận trạm nào cho tập {bundle}.");
        if (station.FinishedAt is null)
        {
            var entries = await db.Set<PaperEntryRow>().AsNoTracking()
                .Where(e => e.RoundId == roundId && e.BundleNumber == bundle && e.Station == station.Station).OrderBy(e => e.Index).ToListAsync(ct);
            if (entries.Count < open.Value.Bundle.Size)
                return Problems.Conflict($"Tập {bundle} mới nhập {entries.Count}/{open.Value.Bundle.Size} phiếu: nhập đủ rồi mới kết thúc tập.");
            station.FinishedAt = clock.UtcNow;
            // A fingerprint of the station's entries in the chained log: a later edit of the entries table shows.
            var fingerprint = Sha256Text.Hex(string.Join("\n", entries.Select(e => $"{e.Index}:{e.Content}")));
            await audit.AppendAsync(user, "paper.bundle.finished", $"round:{roundId}", new
            {
                bundle, station = station.Station, entered = entries.Count, corrections = entries.Sum(e => e.Corrections), entriesSha256 = fingerprint,
            });
            await db.SaveChangesAsync(ct);
        }
        return await MyBundleAsync(roundId, bundle, user, ct);
    }

    /// <summary>The printed ballot of a round (DOMAIN.md §4.1): names in the Domain's ballot order, nothing that could identify a ballot.</summary>
    public async Task<BallotSheet?> BallotSheetAsync(Guid roundId, CancellationToken ct)
    {
        var l = await db.LoadPaperRoundAsync(roundId, ct);
        if (l is null) return null;
        var congress = await db.Congresses.AsNoTracking().FirstOrDefaultAsync(ct);
        return new BallotSheet(congress?.BodyName, congress?.Ordinal, l.Election.Title, RoundWords.Label(l.Row), l.Row.Seats,
            l.Round.ListKind.UsesStrikeOut(), l.Names());
    }
}
