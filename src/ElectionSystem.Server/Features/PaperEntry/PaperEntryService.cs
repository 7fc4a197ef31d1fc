using System.Security.Claims;
using ElectionSystem.Domain.Elections;
using ElectionSystem.Domain.Records;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Audit;
using ElectionSystem.Server.Features.Elections;
using ElectionSystem.Server.Features.Shared;
using ElectionSystem.Server.Hosting;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.PaperEntry;

/// <summary>
/// Nhập phiếu (DOMAIN.md §6): three stations key in every paper ballot of a bundle; a ballot counts
/// only when the three agree, or when the counting committee has ruled on it after looking at the
/// paper. Completing the entry writes the paper ballots (random ids, no position) and rewrites the
/// round's record, so the one count, the minutes and the export hold tablet and paper ballots alike.
/// </summary>
public sealed class PaperEntryService(ElectionDbContext db, ElectionService elections, AuditLog audit, HallClock clock, ElectionGate gate)
{
    public const int Stations = 3;
    public const int MaxBundleSize = 1000;

    private sealed record Loaded(ElectionRoundRow Row, Election Election, ElectionRound Round);

    private async Task<Loaded?> LoadAsync(Guid roundId, CancellationToken ct, bool track = false)
    {
        var rows = db.Set<ElectionRoundRow>();
        var row = await (track ? rows : rows.AsNoTracking()).FirstOrDefaultAsync(r => r.Id == roundId, ct);
        if (row is null) return null;
        var e = await db.Set<Election>().AsNoTracking().FirstAsync(x => x.Id == row.ElectionId, ct);
        return new Loaded(row, e, ElectionService.BallotRound(row, e, await elections.RoundCandidatesAsync(row.Id, ct)));
    }

    private static string Me(ClaimsPrincipal user) => user.Identity?.Name ?? "";

    private static string? WaitingFor(ElectionRoundRow row) => row.State switch
    {
        RoundStates.Open => "Lần bầu đang bỏ phiếu: nhập phiếu sau khi đóng lần bầu và mở hòm phiếu.",
        RoundStates.Closed => null,
        _ => "Kết quả lần bầu này đã được xác nhận: không nhập phiếu được nữa.",
    };

    // --- entry stations ---------------------------------------------------------------------------

    public async Task<IReadOnlyList<EntryRoundDto>> RoundsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var me = Me(user);
        var open = await db.Set<PaperCount>().AsNoTracking().Where(p => p.State == PaperCountStates.Entering).Select(p => p.RoundId).ToListAsync(ct);
        var list = new List<EntryRoundDto>();
        foreach (var roundId in open)
        {
            var l = (await LoadAsync(roundId, ct))!;
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
            list.Add(new EntryRoundDto(roundId, l.Election.Title, ElectionService.Label(l.Row), ElectionService.ListKindWire(l.Round.ListKind),
                l.Row.Seats, WaitingFor(l.Row) is null, WaitingFor(l.Row), Names(l.Round), dto));
        }
        return list;
    }

    private static List<NameRow> Names(ElectionRound round) => round.InBallotOrder.Select((c, i) => new NameRow(i + 1, c.FullName)).ToList();

    private async Task<ProblemOr<(PaperCount Count, Loaded Round, PaperBundle Bundle)>> EntryOpenAsync(Guid roundId, int bundle, CancellationToken ct)
    {
        var count = await db.Set<PaperCount>().AsNoTracking().FirstOrDefaultAsync(p => p.RoundId == roundId, ct);
        if (count is null) return Problems.NotFound("Lần bầu này không nhập phiếu giấy.");
        if (count.State != PaperCountStates.Entering) return Problems.Conflict("Nhập phiếu giấy của lần bầu này đã hoàn tất.");
        var l = (await LoadAsync(roundId, ct))!;
        if (WaitingFor(l.Row) is { } why) return Problems.Conflict(why);
        var b = await db.Set<PaperBundle>().AsNoTracking().FirstOrDefaultAsync(x => x.RoundId == roundId && x.Number == bundle, ct);
        if (b is null) return Problems.NotFound($"Không có tập phiếu số {bundle}.");
        return (count, l, b);
    }

    public async Task<Outcome<MyBundleEntriesDto>> StartAsync(Guid roundId, int bundle, StartBundleRequest r, ClaimsPrincipal user, CancellationToken ct)
    {
        if (r.Station is < 1 or > Stations) return Problems.BadRequest($"Trạm nhập phiếu là số 1, 2 hoặc 3 (không phải {r.Station}).");
        var open = await EntryOpenAsync(roundId, bundle, ct);
        if (open.Problem is not null) return open.Problem;
        var me = Me(user);
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
            catch (DbUpdateException)
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
    public async Task<Outcome<MyBundleEntriesDto>> MyBundleAsync(Guid roundId, int bundle, ClaimsPrincipal user, CancellationToken ct)
    {
        var station = await MyStationAsync(roundId, bundle, Me(user), ct);
        if (station is null) return Problems.NotFound($"Đồng chí chưa nhận trạm nào cho tập {bundle}.");
        var l = (await LoadAsync(roundId, ct))!;
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

    public async Task<Outcome<EnteredDto>> EnterAsync(Guid roundId, int bundle, int index, EnterRequest r, ClaimsPrincipal user, CancellationToken ct)
    {
        var open = await EntryOpenAsync(roundId, bundle, ct);
        if (open.Problem is not null) return open.Problem;
        var (_, l, b) = open.Value;
        var station = await MyStationAsync(roundId, bundle, Me(user), ct);
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

    public async Task<Outcome<MyBundleEntriesDto>> FinishAsync(Guid roundId, int bundle, ClaimsPrincipal user, CancellationToken ct)
    {
        var open = await EntryOpenAsync(roundId, bundle, ct);
        if (open.Problem is not null) return open.Problem;
        var station = await MyStationAsync(roundId, bundle, Me(user), ct, track: true);
        if (station is null) return Problems.Conflict($"Đồng chí chưa nhận trạm nào cho tập {bundle}.");
        if (station.FinishedAt is null)
        {
            var entries = await db.Set<PaperEntryRow>().AsNoTracking()
                .Where(e => e.RoundId == roundId && e.BundleNumber == bundle && e.Station == station.Station).OrderBy(e => e.Index).ToListAsync(ct);
            if (entries.Count < open.Value.Bundle.Size)
                return Problems.Conflict($"Tập {bundle} mới nhập {entries.Count}/{open.Value.Bundle.Size} phiếu: nhập đủ rồi mới kết thúc tập.");
            station.FinishedAt = clock.UtcNow;
            // A fingerprint of the station's entries in the chained log: a later edit of the entries table shows.
            var fingerprint = ElectionService.Sha256Hex(string.Join("\n", entries.Select(e => $"{e.Index}:{e.Content}")));
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
        var l = await LoadAsync(roundId, ct);
        if (l is null) return null;
        var congress = await db.Congresses.AsNoTracking().FirstOrDefaultAsync(ct);
        return new BallotSheet(congress?.BodyName, congress?.Ordinal, l.Election.Title, ElectionService.Label(l.Row), l.Row.Seats,
            l.Round.ListKind.UsesStrikeOut(), Names(l.Round));
    }

    // --- counting committee -----------------------------------------------------------------------

    public async Task<Outcome<PaperStatusDto>> OpenAsync(Guid roundId, OpenPaperRequest r, ClaimsPrincipal user, CancellationToken ct)
    {
        if (r.Issued < 0) return Problems.BadRequest("Số phiếu giấy phát ra (issued) không âm.");
        if (r.Bundles is < 0 or > 200) return Problems.BadRequest("Số tập phiếu (bundles) từ 0 đến 200.");
        if (r.BundleSize is < 1 or > MaxBundleSize) return Problems.BadRequest($"Mỗi tập phiếu (bundleSize) có từ 1 đến {MaxBundleSize} phiếu.");
        using (await gate.EnterAsync(ct))
        {
            var l = await LoadAsync(roundId, ct, track: true);
            if (l is null) return Problems.NotFound("Không tìm thấy lần bầu này.");
            if (l.Row.State is not (RoundStates.Open or RoundStates.Closed) || l.Row.FirstConfirmedBy is not null)
                return Problems.Conflict("Chỉ mở nhập phiếu giấy khi lần bầu đang mở hoặc đã đóng và chưa có ai xác nhận kết quả.");
            if (await db.Set<PaperCount>().AnyAsync(p => p.RoundId == roundId, ct))
                return Problems.Conflict("Lần bầu này đã mở nhập phiếu giấy.");
            l.Row.IssuedPaper = r.Issued;
            db.Add(new PaperCount { RoundId = roundId, PaperOnly = r.PaperOnly, OpenedBy = Me(user), OpenedAt = clock.UtcNow });
            for (var i = 1; i <= r.Bundles; i++) db.Add(new PaperBundle { RoundId = roundId, Number = i, Size = r.BundleSize, CreatedAt = clock.UtcNow });
            await audit.AppendAsync(user, "paper.opened", $"round:{roundId}", new { issued = r.Issued, r.PaperOnly, r.Bundles, r.BundleSize });
            await db.SaveChangesAsync(ct);
        }
        return await StatusAsync(roundId, ct);
    }

    public async Task<Outcome<PaperStatusDto>> SetIssuedAsync(Guid roundId, SetIssuedRequest r, ClaimsPrincipal user, CancellationToken ct)
    {
        if (r.Issued < 0) return Problems.BadRequest("Số phiếu giấy phát ra (issued) không âm.");
        using (await gate.EnterAsync(ct))
        {
            if (await EnteringAsync(roundId, ct) is { } problem) return problem;
            var row = await db.Set<ElectionRoundRow>().FirstAsync(x => x.Id == roundId, ct);
            await audit.AppendAsync(user, "paper.issued.set", $"round:{roundId}", new { before = row.IssuedPaper, issued = r.Issued });
            row.IssuedPaper = r.Issued;
            await db.SaveChangesAsync(ct);
        }
        return await StatusAsync(roundId, ct);
    }

    public async Task<Outcome<PaperStatusDto>> AddBundlesAsync(Guid roundId, AddBundlesRequest r, ClaimsPrincipal user, CancellationToken ct)
    {
        if (r.Sizes is null || r.Sizes.Count is 0 or > 200 || r.Sizes.Any(s => s is < 1 or > MaxBundleSize))
            return Problems.BadRequest($"sizes: từ 1 đến 200 tập, mỗi tập từ 1 đến {MaxBundleSize} phiếu.");
        if (await EnteringAsync(roundId, ct) is { } problem) return problem;
        var next = (await db.Set<PaperBundle>().Where(b => b.RoundId == roundId).MaxAsync(b => (int?)b.Number, ct) ?? 0) + 1;
        var numbers = new List<int>();
        foreach (var size in r.Sizes)
        {
            numbers.Add(next);
            db.Add(new PaperBundle { RoundId = roundId, Number = next++, Size = size, CreatedAt = clock.UtcNow });
        }
        await audit.AppendAsync(user, "paper.bundles.added", $"round:{roundId}", new { numbers, sizes = r.Sizes });
        await db.SaveChangesAsync(ct);
        return await StatusAsync(roundId, ct);
    }

    private async Task<Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult?> EnteringAsync(Guid roundId, CancellationToken ct)
    {
        var count = await db.Set<PaperCount>().AsNoTracking().FirstOrDefaultAsync(p => p.RoundId == roundId, ct);
        if (count is null) return Problems.NotFound("Lần bầu này chưa mở nhập phiếu giấy.");
        return count.State == PaperCountStates.Entering ? null : Problems.Conflict("Nhập phiếu giấy của lần bầu này đã hoàn tất.");
    }

    /// <summary>Every position of every bundle that all three stations have finished, with its entries and ruling.</summary>
    private sealed record Position(int Bundle, int Index, IReadOnlyList<PaperEntryRow> Entries, PaperResolution? Resolution)
    {
        public bool Agreed => Entries.Count == Stations && Entries.All(e => e.Content == Entries[0].Content);

        /// <summary>What counts: the committee's ruling, else the agreed content, else nothing yet.</summary>
        public string? Final => Resolution?.Content ?? (Agreed ? Entries[0].Content : null);
    }

    private sealed record Snapshot(PaperCount Count, Loaded Round, List<PaperBundle> Bundles, List<PaperBundleStation> Stations, List<Position> Positions,
        Dictionary<(int Bundle, int Station), int> Corrections);

    private async Task<Snapshot?> SnapshotAsync(Guid roundId, CancellationToken ct)
    {
        var count = await db.Set<PaperCount>().AsNoTracking().FirstOrDefaultAsync(p => p.RoundId == roundId, ct);
        if (count is null) return null;
        var l = (await LoadAsync(roundId, ct))!;
        var bundles = await db.Set<PaperBundle>().AsNoTracking().Where(b => b.RoundId == roundId).OrderBy(b => b.Number).ToListAsync(ct);
        var stations = await db.Set<PaperBundleStation>().AsNoTracking().Where(s => s.RoundId == roundId).ToListAsync(ct);
        var entries = await db.Set<PaperEntryRow>().AsNoTracking().Where(e => e.RoundId == roundId).ToListAsync(ct);
        var rulings = await db.Set<PaperResolution>().AsNoTracking().Where(x => x.RoundId == roundId).ToListAsync(ct);
        var byPosition = entries.ToLookup(e => (e.BundleNumber, e.Index));
        var rulingAt = rulings.ToDictionary(x => (x.BundleNumber, x.Index));
        var positions = new List<Position>();
        foreach (var b in bundles.Where(b => Done(stations, b.Number)))
        {
            for (var i = 1; i <= b.Size; i++)
            {
                positions.Add(new Position(b.Number, i, byPosition[(b.Number, i)].OrderBy(e => e.Station).ToList(), rulingAt.GetValueOrDefault((b.Number, i))));
            }
        }
        var corrections = entries.GroupBy(e => (e.BundleNumber, e.Station)).ToDictionary(g => g.Key, g => g.Sum(e => e.Corrections));
        return new Snapshot(count, l, bundles, stations, positions, corrections);
    }

    private static bool Done(List<PaperBundleStation> stations, int bundle) =>
        stations.Count(s => s.BundleNumber == bundle && s.FinishedAt is not null) == Stations;

    public async Task<Outcome<PaperStatusDto>> StatusAsync(Guid roundId, CancellationToken ct)
    {
        var s = await SnapshotAsync(roundId, ct);
        if (s is null)
        {
            var l = await LoadAsync(roundId, ct);
            if (l is null) return Problems.NotFound("Không tìm thấy lần bầu này.");
            return new PaperStatusDto(roundId, l.Election.Title, ElectionService.Label(l.Row), l.Row.State, null, false, l.Row.IssuedPaper, 0, 0, [], [], [],
                ["Lần bầu này chưa mở nhập phiếu giấy."], null, null, null, null, null);
        }
        return ToStatus(s, await EnteredCountsAsync(roundId, ct));
    }

    private async Task<Dictionary<(int Bundle, int Station), int>> EnteredCountsAsync(Guid roundId, CancellationToken ct) =>
        (await db.Set<PaperEntryRow>().AsNoTracking().Where(e => e.RoundId == roundId)
            .GroupBy(e => new { e.BundleNumber, e.Station }).Select(g => new { g.Key.BundleNumber, g.Key.Station, Count = g.Count() }).ToListAsync(ct))
        .ToDictionary(x => (x.BundleNumber, x.Station), x => x.Count);

    private PaperStatusDto ToStatus(Snapshot s, Dictionary<(int Bundle, int Station), int> entered)
    {
        var round = s.Round.Round;
        string Text(string json) => EntryText.Format(BallotJson.Parse(json), round);
        string Summary(string json) => EntryText.Describe(BallotJson.Parse(json));
        ResolutionDto? Ruling(PaperResolution? x) => x is null ? null : new ResolutionDto(Text(x.Content), Summary(x.Content), x.Reason, x.DecidedBy, x.DecidedAt);
        string AccountAt(int bundle, int station) => s.Stations.First(x => x.BundleNumber == bundle && x.Station == station).Account;

        var bundles = s.Bundles.Select(b =>
        {
            var here = s.Positions.Where(p => p.Bundle == b.Number).ToList();
            var stations = s.Stations.Where(x => x.BundleNumber == b.Number).OrderBy(x => x.Station)
                .Select(x => new StationProgressDto(x.Station, x.Account, entered.GetValueOrDefault((b.Number, x.Station)), x.StartedAt, x.FinishedAt,
                    s.Corrections.GetValueOrDefault((b.Number, x.Station)))).ToList();
            return new BundleStatusDto(b.Number, b.Size, stations, Done(s.Stations, b.Number), here.Count(p => p.Agreed), here.Count(p => !p.Agreed));
        }).ToList();
        var disagreements = s.Positions.Where(p => !p.Agreed).Select(p => new DisagreementDto(p.Bundle, p.Index,
            p.Entries.Select(e => new StationEntryDto(e.Station, AccountAt(p.Bundle, e.Station), Text(e.Content), Summary(e.Content))).ToList(),
            Ruling(p.Resolution))).ToList();
        var overrides = s.Positions.Where(p => p.Agreed && p.Resolution is not null)
            .Select(p => new OverrideDto(p.Bundle, p.Index, Text(p.Entries[0].Content), Ruling(p.Resolution)!)).ToList();

        return new PaperStatusDto(s.Round.Row.Id, s.Round.Election.Title, ElectionService.Label(s.Round.Row), s.Round.Row.State, s.Count.State,
            s.Count.PaperOnly, s.Round.Row.IssuedPaper, s.Bundles.Sum(b => b.Size), s.Positions.Count(p => p.Agreed), bundles, disagreements, overrides,
            Blockers(s), s.Count.State == PaperCountStates.Completed ? s.Count.Counted : null,
            s.Count.OpenedBy, s.Count.OpenedAt, s.Count.CompletedBy, s.Count.CompletedAt);
    }

    private static List<string> Blockers(Snapshot s)
    {
        var blockers = new List<string>();
        if (s.Count.State == PaperCountStates.Completed) return blockers;
        if (s.Round.Row.State == RoundStates.Open) blockers.Add("Lần bầu chưa đóng: đóng lần bầu, mở hòm phiếu rồi mới nhập phiếu.");
        foreach (var b in s.Bundles.Where(b => !Done(s.Stations, b.Number)))
        {
            var finished = s.Stations.Count(x => x.BundleNumber == b.Number && x.FinishedAt is not null);
            blockers.Add($"Tập {b.Number}: mới {finished}/{Stations} trạm nhập xong.");
        }
        var open = s.Positions.Count(p => p.Final is null);
        if (open > 0) blockers.Add($"Còn {open} phiếu có chênh lệch giữa các lần nhập chưa được Ban Kiểm phiếu kết luận.");
        return blockers;
    }

    public async Task<Outcome<PaperStatusDto>> ResolveAsync(Guid roundId, int bundle, int index, ResolveRequest r, ClaimsPrincipal user, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(r.Reason)) return Problems.BadRequest("Hãy ghi lý do kết luận của Ban Kiểm phiếu (reason).");
        using (await gate.EnterAsync(ct))
        {
            if (await EnteringAsync(roundId, ct) is { } problem) return problem;
            var s = (await SnapshotAsync(roundId, ct))!;
            if (s.Bundles.All(b => b.Number != bundle)) return Problems.NotFound($"Không có tập phiếu số {bundle}.");
            var p = s.Positions.FirstOrDefault(x => x.Bundle == bundle && x.Index == index);
            if (p is null)
            {
                return Done(s.Stations, bundle)
                    ? Problems.NotFound($"Tập {bundle} không có phiếu số {index}.")
                    : Problems.Conflict($"Tập {bundle} chưa được {Stations} trạm nhập xong: chưa đối chiếu được.");
            }
            var parsed = EntryText.Parse(r.Text, s.Round.Round, committee: true);
            if (parsed.Content is not { } content) return Problems.BadRequest(parsed.Error!);
            if (p.Agreed && content is not BallotContent.PaperInvalid)
                return Problems.Conflict("Ba lần nhập phiếu này khớp nhau: Ban Kiểm phiếu chỉ kết luận lại là phiếu không hợp lệ vì lý do không thể hiện qua dấu gạch (/t, /d, /k, /x).");
            var json = BallotJson.ToJson(content);
            var row = await db.Set<PaperResolution>().FirstOrDefaultAsync(x => x.RoundId == roundId && x.BundleNumber == bundle && x.Index == index, ct);
            if (row is null)
            {
                row = new PaperResolution { RoundId = roundId, BundleNumber = bundle, Index = index };
                db.Add(row);
            }
            row.Content = json;
            row.Reason = r.Reason.Trim();
            row.DecidedBy = Me(user);
            row.DecidedAt = clock.UtcNow;
            // Paper ballots are anonymous by construction (ADR 0002): the ruling on a position may name its content.
            await audit.AppendAsync(user, "paper.ballot.ruled", $"round:{roundId}", new
            {
                bundle, index, kind = p.Agreed ? "override" : "disagreement",
                entries = p.Entries.Select(e => new { e.Station, text = EntryText.Format(BallotJson.Parse(e.Content), s.Round.Round) }),
                decision = EntryText.Format(content, s.Round.Round), reason = row.Reason,
            });
            await db.SaveChangesAsync(ct);
        }
        return await StatusAsync(roundId, ct);
    }

    /// <summary>
    /// Hoàn tất nhập phiếu: the paper ballots join the round's ballots (random ids, no position kept),
    /// and the round's record and result are rewritten from all its ballots — the same count as at
    /// the close, now with the paper. Confirmation is possible only after this.
    /// </summary>
    public async Task<Outcome<PaperStatusDto>> CompleteAsync(Guid roundId, ClaimsPrincipal user, CancellationToken ct)
    {
        using (await gate.EnterAsync(ct))
        {
            if (await EnteringAsync(roundId, ct) is { } problem) return problem;
            var s = (await SnapshotAsync(roundId, ct))!;
            if (s.Round.Row.FirstConfirmedBy is not null) return Problems.Conflict("Kết quả đã có người xác nhận: không thêm phiếu giấy được nữa.");
            var blockers = Blockers(s);
            if (blockers.Count > 0) return Problems.Conflict("Chưa hoàn tất nhập phiếu được: " + string.Join(" ", blockers));

            var paper = s.Positions.Select(p => new StoredBallot { Id = ReceiptCodes.NewBallotId(), RoundId = roundId, Source = "paper", Content = p.Final! }).ToList();
            db.AddRange(paper);

            var row = await db.Set<ElectionRoundRow>().FirstAsync(x => x.Id == roundId, ct);
            var count = await db.Set<PaperCount>().FirstAsync(x => x.RoundId == roundId, ct);
            if (count.PaperOnly)
            {
                // No tablets in this round: a ballot was "issued" on a tablet only to whoever cast one there.
                row.Issued = await db.Set<Participation>().CountAsync(x => x.RoundId == roundId, ct);
            }
            var (record, _) = ElectionService.Recount(row);
            var tablet = await db.Set<StoredBallot>().AsNoTracking().Where(b => b.RoundId == roundId).ToListAsync(ct);
            var ballots = tablet.Concat(paper).OrderBy(b => b.Id, StringComparer.Ordinal)
                .Select(b => new Ballot(b.Id, b.Source == "paper" ? BallotSource.Paper : BallotSource.Tablet, BallotJson.Parse(b.Content))).ToList();
            var recounted = record with { Election = record.Election with { Issued = row.Issued + row.IssuedPaper }, Ballots = ballots };
            var json = ElectionRecordWriter.ToJson(recounted);
            var result = recounted.Count();
            row.RecordJson = json;
            row.RecordSha256 = ElectionService.Sha256Hex(json);
            row.ResultJson = ElectionResultWriter.ToJson(result);

            count.State = PaperCountStates.Completed;
            count.CompletedBy = Me(user);
            count.CompletedAt = clock.UtcNow;
            count.Counted = paper.Count;
            await audit.AppendAsync(user, "paper.completed", $"round:{roundId}", new
            {
                paperBallots = paper.Count, issued = recounted.Election.Issued, collected = result.Collected, recordSha256 = row.RecordSha256,
            });
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        return await StatusAsync(roundId, ct);
    }
}

/// <summary>The small hook the round's state machine calls: confirmation waits for paper entry.</summary>
public static class PaperHooks
{
    /// <summary>Why the round's result cannot be confirmed yet, or null.</summary>
    public static async Task<string?> BlockingConfirmationAsync(ElectionDbContext db, Guid roundId, CancellationToken ct)
    {
        var state = await db.Set<PaperCount>().AsNoTracking().Where(p => p.RoundId == roundId).Select(p => p.State).FirstOrDefaultAsync(ct);
        return state is null or PaperCountStates.Completed
            ? null
            : "Nhập phiếu giấy chưa hoàn tất (còn tập chưa nhập xong hoặc chênh lệch chưa kết luận): chưa xác nhận kết quả được.";
    }
}

/// <summary>A value or the problem that refused it (for private steps).</summary>
internal readonly record struct ProblemOr<T>(T Value, Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult? Problem)
{
    public static implicit operator ProblemOr<T>(T value) => new(value, null);
    public static implicit operator ProblemOr<T>(Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult problem) => new(default!, problem);
}
