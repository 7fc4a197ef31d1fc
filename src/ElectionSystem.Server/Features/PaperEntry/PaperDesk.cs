using System.Security.Claims;
using ElectionSystem.Domain.Elections;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Audit;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Elections;
using ElectionSystem.Server.Features.Shared;
using ElectionSystem.Server.Hosting;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.PaperEntry;

/// <summary>
/// The counting committee's paper desk: open paper entry for a round, bundles, paper ballots handed
/// out, the disagreements and its rulings, and completion — which adds the paper ballots (random
/// ids, no position kept) to the round and has it counted again with every ballot (RoundTally).
/// Rulings and completion are a member's own session's (<see cref="PaperDeskAccess"/>); every answer
/// is the status as its reader may see it.
/// </summary>
public sealed class PaperDesk(ElectionDbContext db, AuditLog audit, HallClock clock, RoundTransitions transitions, RoundTally tally)
{
    private const int Stations = PaperRounds.Stations;

    public async Task<ProblemOr<PaperStatusDto>> OpenAsync(Guid roundId, OpenPaperRequest r, ClaimsPrincipal user, CancellationToken ct)
    {
        await using (await transitions.EnterAsync(db, ct))
        {
            var l = await db.LoadPaperRoundAsync(roundId, ct, track: true);
            if (l is null) return Problems.NotFound("Không tìm thấy lần bầu này.");
            if (l.Row.State is not (RoundState.Open or RoundState.Closed) || l.Row.FirstConfirmedBy is not null)
                return Problems.Conflict("Chỉ mở nhập phiếu giấy khi lần bầu đang mở hoặc đã đóng và chưa có ai xác nhận kết quả.");
            if (await db.Set<PaperCount>().AnyAsync(p => p.RoundId == roundId, ct))
                return Problems.Conflict("Lần bầu này đã mở nhập phiếu giấy.");
            if (await tally.PaperBeyondHallAsync(l.Row, r.Issued, ct) is { } beyond) return Problems.BadRequest(beyond);
            l.Row.IssuedPaper = r.Issued;
            db.Add(new PaperCount { RoundId = roundId, PaperOnly = r.PaperOnly, OpenedBy = PaperRounds.Me(user), OpenedAt = clock.UtcNow });
            for (var i = 1; i <= r.Bundles; i++) db.Add(new PaperBundle { RoundId = roundId, Number = i, Size = r.BundleSize, CreatedAt = clock.UtcNow });
            await audit.AppendAsync(user, "paper.opened", $"round:{roundId}", new { issued = r.Issued, r.PaperOnly, r.Bundles, r.BundleSize });
            await db.SaveChangesAsync(ct);
        }
        return PaperDeskAccess.For(await StatusAsync(roundId, ct), user);
    }

    public async Task<ProblemOr<PaperStatusDto>> SetIssuedAsync(Guid roundId, SetIssuedRequest r, ClaimsPrincipal user, CancellationToken ct)
    {
        await using (await transitions.EnterAsync(db, ct))
        {
            if (await EnteringAsync(roundId, ct) is { } problem) return problem;
            var row = await db.Set<ElectionRoundRow>().FirstAsync(x => x.Id == roundId, ct);
            if (await tally.PaperBeyondHallAsync(row, r.Issued, ct) is { } beyond) return Problems.BadRequest(beyond);
            await audit.AppendAsync(user, "paper.issued.set", $"round:{roundId}", new { before = row.IssuedPaper, issued = r.Issued });
            row.IssuedPaper = r.Issued;
            await db.SaveChangesAsync(ct);
        }
        return PaperDeskAccess.For(await StatusAsync(roundId, ct), user);
    }

    public async Task<ProblemOr<PaperStatusDto>> AddBundlesAsync(Guid roundId, AddBundlesRequest r, ClaimsPrincipal user, CancellationToken ct)
    {
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
        return PaperDeskAccess.For(await StatusAsync(roundId, ct), user);
    }

    private async Task<Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult?> EnteringAsync(Guid roundId, CancellationToken ct)
    {
        var count = await db.Set<PaperCount>().AsNoTracking().FirstOrDefaultAsync(p => p.RoundId == roundId, ct);
        if (count is null) return Problems.NotFound("Lần bầu này chưa mở nhập phiếu giấy.");
        return count.State == PaperCountState.Entering ? null : Problems.Conflict("Nhập phiếu giấy của lần bầu này đã hoàn tất.");
    }

    /// <summary>Every position of every bundle that all three stations have finished, with its entries and ruling.</summary>
    private sealed record Position(int Bundle, int Index, IReadOnlyList<PaperEntryRow> Entries, PaperResolution? Resolution)
    {
        public bool Agreed => Entries.Count == Stations && Entries.All(e => e.Content == Entries[0].Content);

        /// <summary>What counts: the committee's ruling, else the agreed content, else nothing yet.</summary>
        public string? Final => Resolution?.Content ?? (Agreed ? Entries[0].Content : null);
    }

    private sealed record Snapshot(PaperCount Count, PaperRound Round, List<PaperBundle> Bundles, List<PaperBundleStation> Stations, List<Position> Positions,
        Dictionary<(int Bundle, int Station), int> Corrections);

    private async Task<Snapshot?> SnapshotAsync(Guid roundId, CancellationToken ct)
    {
        var count = await db.Set<PaperCount>().AsNoTracking().FirstOrDefaultAsync(p => p.RoundId == roundId, ct);
        if (count is null) return null;
        var l = (await db.LoadPaperRoundAsync(roundId, ct))!;
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

    /// <summary>The entry log's data: it is all ballots' contents, so before the announcement only the committee's members read it.</summary>
    public async Task<ProblemOr<PaperStatusDto>> StatusForAsync(Guid roundId, ClaimsPrincipal user, CancellationToken ct)
    {
        var status = await StatusAsync(roundId, ct);
        return status.Value is { } v && !TallyAccess.MaySee(v.RoundState, user) ? TallyAccess.NotAnnounced() : PaperDeskAccess.For(status, user);
    }

    /// <summary>
    /// The desk's status: a member reads it whole; before the announcement a counting-committee staff
    /// account reads its progress without contents, and the other readers (presidium, organiser) get 403.
    /// </summary>
    public async Task<ProblemOr<PaperStatusDto>> DeskStatusAsync(Guid roundId, ClaimsPrincipal user, CancellationToken ct)
    {
        var status = await StatusAsync(roundId, ct);
        return status.Value is { } v && !TallyAccess.MaySee(v.RoundState, user) && !user.IsInRole(Roles.CountingCommittee)
            ? TallyAccess.NotAnnounced()
            : PaperDeskAccess.For(status, user);
    }

    public async Task<ProblemOr<PaperStatusDto>> StatusAsync(Guid roundId, CancellationToken ct)
    {
        var s = await SnapshotAsync(roundId, ct);
        if (s is null)
        {
            var l = await db.LoadPaperRoundAsync(roundId, ct);
            if (l is null) return Problems.NotFound("Không tìm thấy lần bầu này.");
            return new PaperStatusDto(roundId, l.Election.Title, RoundWords.Label(l.Row), l.Row.State.Word(), null, false, l.Row.IssuedPaper, 0, 0, [], [], [],
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

        return new PaperStatusDto(s.Round.Row.Id, s.Round.Election.Title, RoundWords.Label(s.Round.Row), s.Round.Row.State.Word(), s.Count.State.Word(),
            s.Count.PaperOnly, s.Round.Row.IssuedPaper, s.Bundles.Sum(b => b.Size), s.Positions.Count(p => p.Agreed), bundles, disagreements, overrides,
            Blockers(s), s.Count.State == PaperCountState.Completed ? s.Count.Counted : null,
            s.Count.OpenedBy, s.Count.OpenedAt, s.Count.CompletedBy, s.Count.CompletedAt, disagreements.Count);
    }

    private static List<string> Blockers(Snapshot s)
    {
        var blockers = new List<string>();
        if (s.Count.State == PaperCountState.Completed) return blockers;
        if (s.Round.Row.State == RoundState.Open) blockers.Add("Lần bầu chưa đóng: đóng lần bầu, mở hòm phiếu rồi mới nhập phiếu.");
        foreach (var b in s.Bundles.Where(b => !Done(s.Stations, b.Number)))
        {
            var finished = s.Stations.Count(x => x.BundleNumber == b.Number && x.FinishedAt is not null);
            blockers.Add($"Tập {b.Number}: mới {finished}/{Stations} trạm nhập xong.");
        }
        var open = s.Positions.Count(p => p.Final is null);
        if (open > 0) blockers.Add($"Còn {open} phiếu có chênh lệch giữa các lần nhập chưa được Ban Kiểm phiếu kết luận.");
        return blockers;
    }

    /// <summary>A member's ruling on one position (403 <see cref="PaperDeskAccess.MembersOnly"/> for a staff account): it changes the count.</summary>
    public async Task<ProblemOr<PaperStatusDto>> ResolveAsync(Guid roundId, int bundle, int index, ResolveRequest r, ClaimsPrincipal user, CancellationToken ct)
    {
        var member = await PaperDeskAccess.DecidingMemberAsync(db, user, ct);
        if (member.Problem is { } notAMember) return notAMember;
        await using (await transitions.EnterAsync(db, ct))
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
            row.DecidedBy = member.Value!;
            row.DecidedAt = clock.UtcNow;
            // Paper ballots are anonymous by construction (ADR 0002): the ruling on a position may name its content.
            await audit.AppendAsync(user, "paper.ballot.ruled", $"round:{roundId}", new
            {
                bundle, index, kind = p.Agreed ? "override" : "disagreement",
                entries = p.Entries.Select(e => new { e.Station, text = EntryText.Format(BallotJson.Parse(e.Content), s.Round.Round) }),
                decision = EntryText.Format(content, s.Round.Round), reason = row.Reason, member = member.Value,
            });
            await db.SaveChangesAsync(ct);
        }
        return PaperDeskAccess.For(await StatusAsync(roundId, ct), user);
    }

    /// <summary>
    /// Hoàn tất nhập phiếu: the paper ballots join the round's ballots (random ids, no position kept),
    /// and the round's record and result are rewritten from all its ballots — the same count as at
    /// the close, now with the paper. Confirmation is possible only after this. A member's only (403 for a staff account).
    /// </summary>
    public async Task<ProblemOr<PaperStatusDto>> CompleteAsync(Guid roundId, ClaimsPrincipal user, CancellationToken ct)
    {
        var member = await PaperDeskAccess.DecidingMemberAsync(db, user, ct);
        if (member.Problem is { } notAMember) return notAMember;
        await using (await transitions.EnterAsync(db, ct))
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
            var recounted = await tally.CountWithPaperAsync(row, paper, ct);

            count.State = PaperCountState.Completed;
            count.CompletedBy = member.Value!;
            count.CompletedAt = clock.UtcNow;
            count.Counted = paper.Count;
            await audit.AppendAsync(user, "paper.completed", $"round:{roundId}", new
            {
                // An encrypted round not yet decrypted (recounted null) counts its paper with the decryption.
                paperBallots = paper.Count, issued = recounted?.Counted.Record.Election.Issued, collected = recounted?.Counted.Result.Collected, recordSha256 = row.RecordSha256,
                member = member.Value,
            });
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        return PaperDeskAccess.For(await StatusAsync(roundId, ct), user);
    }
}
