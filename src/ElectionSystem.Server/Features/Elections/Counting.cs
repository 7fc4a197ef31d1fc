using System.Security.Claims;
using ElectionSystem.Domain.Elections;
using ElectionSystem.Domain.Records;
using ElectionSystem.Server.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.Elections;

/// <summary>
/// Kiểm phiếu: close (count with Domain, export election-record/1, its SHA-256 to the audit log),
/// two confirmations by different counting-committee accounts, announce. Nothing of the tally is
/// readable before the close, and nothing outside the committee before the announcement.
/// </summary>
public sealed partial class ElectionService
{
    public async Task<Outcome<CommitteeRoundDto>> CloseAsync(Guid roundId, ClaimsPrincipal user, CancellationToken ct)
    {
        using (await gate.EnterAsync(ct))
        {
            var round = await db.Set<ElectionRoundRow>().FirstOrDefaultAsync(r => r.Id == roundId, ct);
            if (round is null) return Problems.NotFound("Không tìm thấy lần bầu này.");
            if (round.State != RoundStates.Open) return Problems.Conflict($"{Label(round)} không đang mở: không đóng được.");
            var election = await db.Set<Election>().AsNoTracking().FirstAsync(e => e.Id == round.ElectionId, ct);
            var congress = await db.Congresses.AsNoTracking().FirstOrDefaultAsync(ct);
            var roll = await eligibility.RollAsync(ct);
            var voters = await db.Set<Participation>().AsNoTracking().Where(p => p.RoundId == roundId).Select(p => p.DelegateId).ToListAsync(ct);
            var issued = roll.Present.Union(voters).Count();
            // Ordered by the random id: the record's order carries no meaning (FORMAT.md).
            var stored = await db.Set<StoredBallot>().AsNoTracking().Where(b => b.RoundId == roundId).OrderBy(b => b.Id).ToListAsync(ct);
            var ballots = stored.Select(b => new Ballot(b.Id, b.Source == "paper" ? BallotSource.Paper : BallotSource.Tablet, BallotJson.Parse(b.Content))).ToList();
            ElectionKindWire.TryParse(round.Kind, out var kind);
            var candidates = await RoundCandidatesAsync(roundId, ct);
            var record = new ElectionRecord(
                new RecordCongress(congress?.Name ?? "", roll.Base.Summoned, roll.Base.AbsentCommitteeMembers, roll.Base.AbsentWithoutAlternate,
                    kind == ElectionKind.NominationPoll ? roll.Present.Count : null),
                new RecordElection(kind, election.Title, round.Number, kind == ElectionKind.NominationPoll ? 0 : round.Seats, issued + round.IssuedPaper),
                RulesFor(election), candidates, ballots);
            var json = ElectionRecordWriter.ToJson(record);
            var result = record.Count();

            round.State = RoundStates.Closed;
            round.ClosedAt = clock.UtcNow;
            round.Issued = issued;
            round.Present = roll.Present.Count;
            round.Summoned = roll.Base.Summoned;
            round.AbsentCommitteeMembers = roll.Base.AbsentCommitteeMembers;
            round.AbsentWithoutAlternate = roll.Base.AbsentWithoutAlternate;
            round.RecordJson = json;
            round.RecordSha256 = Sha256Hex(json);
            round.ResultJson = ElectionResultWriter.ToJson(result);
            await audit.AppendAsync(user, "election.round.closed", $"round:{round.Id}", new
            {
                election = election.Id, round.Number, issued = record.Election.Issued, collected = result.Collected, recordSha256 = round.RecordSha256,
            });
            await db.SaveChangesAsync(ct);
            cache.Invalidate();
        }
        return await CommitteeViewAsync(roundId, ct);
    }

    public async Task<Outcome<CommitteeRoundDto>> ConfirmAsync(Guid roundId, ClaimsPrincipal user, CancellationToken ct)
    {
        var account = user.Identity?.Name ?? "";
        using (await gate.EnterAsync(ct))
        {
            var round = await db.Set<ElectionRoundRow>().FirstOrDefaultAsync(r => r.Id == roundId, ct);
            if (round is null) return Problems.NotFound("Không tìm thấy lần bầu này.");
            if (round.State != RoundStates.Closed)
            {
                return Problems.Conflict(round.State is RoundStates.Confirmed or RoundStates.Announced
                    ? "Kết quả đã được hai thành viên Ban Kiểm phiếu xác nhận."
                    : "Chỉ xác nhận kết quả sau khi đã đóng lần bầu.");
            }
            // Paper ballots are counted only once their entry is complete (Features/PaperEntry).
            if (await PaperEntry.PaperHooks.BlockingConfirmationAsync(db, roundId, ct) is { } paperPending) return Problems.Conflict(paperPending);
            if (round.FirstConfirmedBy is null)
            {
                round.FirstConfirmedBy = account;
                round.FirstConfirmedAt = clock.UtcNow;
            }
            else if (string.Equals(round.FirstConfirmedBy, account, StringComparison.OrdinalIgnoreCase))
            {
                return Problems.Conflict($"Tài khoản {account} đã xác nhận: cần một thành viên Ban Kiểm phiếu khác xác nhận.");
            }
            else
            {
                round.SecondConfirmedBy = account;
                round.SecondConfirmedAt = clock.UtcNow;
                round.State = RoundStates.Confirmed;
            }
            await audit.AppendAsync(user, "election.round.confirmed", $"round:{round.Id}", new { round.RecordSha256, second = round.SecondConfirmedBy is not null });
            await db.SaveChangesAsync(ct);
            cache.Invalidate();
        }
        return await CommitteeViewAsync(roundId, ct);
    }

    public async Task<Outcome<ResultsAnnounced>> AnnounceAsync(Guid roundId, AnnounceRequest r, ClaimsPrincipal user, CancellationToken ct)
    {
        var order = r.Order ?? "ballot";
        if (order is not ("ballot" or "votes")) return Problems.BadRequest("order: \"ballot\" (thứ tự trên phiếu) hoặc \"votes\" (thứ tự số phiếu).");
        ElectionRoundRow announcedRound;
        ElectionRecord announcedRecord;
        ElectionResult announcedResult;
        using (await gate.EnterAsync(ct))
        {
            var round = await db.Set<ElectionRoundRow>().FirstOrDefaultAsync(x => x.Id == roundId, ct);
            if (round is null) return Problems.NotFound("Không tìm thấy lần bầu này.");
            if (round.State == RoundStates.Announced) return Problems.Conflict("Kết quả lần bầu này đã được công bố.");
            if (round.State != RoundStates.Confirmed) return Problems.Conflict("Cần hai thành viên Ban Kiểm phiếu xác nhận kết quả trước khi công bố.");
            round.State = RoundStates.Announced;
            round.AnnouncedAt = clock.UtcNow;
            round.AnnouncedBy = user.Identity?.Name;
            round.ResultOrder = order;
            var (record, result) = Recount(round);
            await audit.AppendAsync(user, "election.round.announced", $"round:{round.Id}", new
            {
                round.RecordSha256, elected = result.Elected, tie = result.Tie?.Candidates, result.Vacant,
            });
            await db.SaveChangesAsync(ct);
            cache.Invalidate();
            (announcedRound, announcedRecord, announcedResult) = (round, record, result);
        }
        // The result from the recount above (not a second parse and count of every ballot): the
        // announce call's duration is part of how long screens wait for the result.
        var election = await db.Set<Election>().AsNoTracking().FirstAsync(e => e.Id == announcedRound.ElectionId, ct);
        var announced = ToResultDto(announcedRound, election, announcedRecord, announcedResult);
        var receipts = await ReceiptsAsync(roundId, ct);
        cache.StorePublished(roundId, receipts);
        return new ResultsAnnounced(announced!, receipts);
    }

    /// <summary>The counted result (null before the close).</summary>
    internal async Task<RoundResultDto?> ResultAsync(Guid roundId, CancellationToken ct)
    {
        var round = await db.Set<ElectionRoundRow>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct);
        if (round?.RecordJson is null) return null;
        var election = await db.Set<Election>().AsNoTracking().FirstAsync(e => e.Id == round.ElectionId, ct);
        var (record, result) = Recount(round);
        return ToResultDto(round, election, record, result);
    }

    internal static RoundResultDto ToResultDto(ElectionRoundRow round, Election election, ElectionRecord record, ElectionResult result)
    {
        var rules = record.Rules;
        var measure = record.ToRound().Measure;
        string Pct(int votes) => Percentage.OfVi(votes, measure, rules.PercentDecimals, rules.PercentRounding);
        var names = result.Candidates.ToDictionary(c => c.Id, c => c.Candidate.FullName);
        var elected = result.Elected.ToHashSet(StringComparer.Ordinal);
        var tied = result.Tie?.Candidates.ToHashSet(StringComparer.Ordinal) ?? [];
        var rows = result.Candidates.Select((c, i) => new CandidateResultDto(c.Id, i + 1, c.Candidate.FullName, c.Votes, Pct(c.Votes),
            c.PassedThreshold, elected.Contains(c.Id), tied.Contains(c.Id))).ToList();
        var electedRows = result.Elected.Select((id, i) =>
        {
            var c = result.Candidates.First(x => x.Id == id);
            return new ElectedDto(i + 1, id, c.Candidate.FullName, c.Votes, Pct(c.Votes));
        }).ToList();
        var invalid = InvalidReasonWire.ResultOrder.Where(x => result.Invalid.TryGetValue(x, out var n) && n > 0)
            .Select(x => new InvalidCount(x.ToWire(), x.ExplainVi(), result.Invalid[x])).ToList();
        var tieNames = result.Tie?.Candidates.Select(id => names[id]).ToList() ?? [];
        var tieText = result.Tie is { } t
            ? $"Bằng phiếu: {string.Join(", ", tieNames)} ({result.Candidates.First(c => c.Id == t.Candidates[0]).Votes} phiếu) — bầu lại trong số những người bằng phiếu cho {t.Seats} chỗ còn lại"
            : null;
        var vacancy = result.Vacant > 0 ? $"Còn thiếu {result.Vacant} người" : null;
        return new RoundResultDto(round.Id, election.Id, election.Title, round.Number, Label(round), round.Kind, round.Seats,
            result.Base, result.Issued, result.Collected, result.Valid, result.InvalidTotal, invalid, rows, electedRows,
            tieNames, result.Tie?.Seats ?? 0, tieText, result.Vacant, vacancy, round.ResultOrder, round.AnnouncedAt);
    }

    /// <summary>The published receipt codes of an announced round, sorted (no contents, no names).</summary>
    public async Task<IReadOnlyList<string>> ReceiptsAsync(Guid roundId, CancellationToken ct) =>
        (await db.Set<Receipt>().AsNoTracking().Where(r => r.RoundId == roundId).Select(r => r.Code).ToListAsync(ct))
        .Order(StringComparer.Ordinal).ToList();

    public async Task<Outcome<RoundResultDto>> PublicResultAsync(Guid roundId, CancellationToken ct)
    {
        var round = await db.Set<ElectionRoundRow>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null) return Problems.NotFound("Không tìm thấy lần bầu này.");
        if (round.State != RoundStates.Announced) return Problems.Conflict("Kết quả lần bầu này chưa được công bố.");
        return (await ResultAsync(roundId, ct))!;
    }

    public async Task<Outcome<IReadOnlyList<string>>> PublicReceiptsAsync(Guid roundId, CancellationToken ct)
    {
        // Announced is final: the list is read and sorted once, not by each of 1,600 tablets.
        if (cache.TryGetPublished(roundId, out var published)) return new(published, null);
        var round = await db.Set<ElectionRoundRow>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null) return new(null, Problems.NotFound("Không tìm thấy lần bầu này."));
        if (round.State != RoundStates.Announced) return new(null, Problems.Conflict("Danh sách mã biên nhận được công bố cùng kết quả."));
        var receipts = await ReceiptsAsync(roundId, ct);
        cache.StorePublished(roundId, receipts);
        return new(receipts, null);
    }

    public async Task<Outcome<CommitteeRoundDto>> CommitteeViewAsync(Guid roundId, CancellationToken ct)
    {
        var round = await db.Set<ElectionRoundRow>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null) return Problems.NotFound("Không tìm thấy lần bầu này.");
        var election = await db.Set<Election>().AsNoTracking().FirstAsync(e => e.Id == round.ElectionId, ct);
        // Names only, in alphabetical order — never the order in which they voted.
        var voterNames = await (from p in db.Set<Participation>().AsNoTracking()
                                join d in db.Delegates.AsNoTracking() on p.DelegateId equals d.Id
                                where p.RoundId == roundId
                                select d.FullName).ToListAsync(ct);
        var voters = new Domain.Names.BallotOrder().SortItems(voterNames, n => n, _ => (DateOnly?)null).ToList();
        int issued;
        if (round.State == RoundStates.Open)
        {
            var roll = await eligibility.RollAsync(ct);
            var ids = await db.Set<Participation>().AsNoTracking().Where(p => p.RoundId == roundId).Select(p => p.DelegateId).ToListAsync(ct);
            issued = roll.Present.Union(ids).Count();
        }
        else
        {
            issued = round.Issued + round.IssuedPaper;
        }
        var confirmations = new List<Confirmation>();
        if (round.FirstConfirmedBy is not null) confirmations.Add(new Confirmation(round.FirstConfirmedBy, round.FirstConfirmedAt!.Value));
        if (round.SecondConfirmedBy is not null) confirmations.Add(new Confirmation(round.SecondConfirmedBy, round.SecondConfirmedAt!.Value));
        var result = round.RecordJson is null ? null : await ResultAsync(roundId, ct);
        NextStepDto? next = null;
        if (round.State == RoundStates.Announced)
        {
            var latest = await db.Set<ElectionRoundRow>().AsNoTracking().Where(r => r.ElectionId == election.Id).MaxAsync(r => r.Number, ct);
            if (latest == round.Number) next = (await PlanNextAsync(election, ct)).Dto;
        }
        return new CommitteeRoundDto(round.Id, election.Id, election.Title, round.Number, Label(round), round.State, round.Seats,
            issued, voters.Count, voters, result, confirmations, round.RecordSha256, next);
    }

    /// <summary>Issued / collected of every open round: the only figures visible while a round is open.</summary>
    public async Task<ElectionTurnout> TurnoutAsync(CancellationToken ct)
    {
        var open = await db.Set<ElectionRoundRow>().AsNoTracking().Where(r => r.State == RoundStates.Open).ToListAsync(ct);
        var rows = new List<TurnoutRow>();
        if (open.Count > 0)
        {
            var roll = await eligibility.RollAsync(ct);
            foreach (var r in open)
            {
                var title = await db.Set<Election>().AsNoTracking().Where(e => e.Id == r.ElectionId).Select(e => e.Title).FirstAsync(ct);
                var ids = await db.Set<Participation>().AsNoTracking().Where(p => p.RoundId == r.Id).Select(p => p.DelegateId).ToListAsync(ct);
                var issued = roll.Present.Union(ids).Count() + r.IssuedPaper;
                rows.Add(new TurnoutRow(r.Id, title, Label(r), issued, ids.Count, $"Đã bỏ phiếu {ids.Count}/{issued}"));
            }
        }
        return new ElectionTurnout(clock.UtcNow.Ticks, rows);
    }

    public async Task<ElectionProjectorState> ProjectorStateAsync(CancellationToken ct)
    {
        var turnout = await TurnoutAsync(ct);
        var last = await db.Set<ElectionRoundRow>().AsNoTracking().Where(r => r.State == RoundStates.Announced)
            .OrderByDescending(r => r.AnnouncedAt).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
        if (last is null) return new ElectionProjectorState(turnout, null, []);
        return new ElectionProjectorState(turnout, await ResultAsync(last.Value, ct), await ReceiptsAsync(last.Value, ct));
    }

    /// <summary>The exported record (after the close) for the committee and the organisers.</summary>
    public async Task<Outcome<string>> RecordAsync(Guid roundId, CancellationToken ct)
    {
        var round = await db.Set<ElectionRoundRow>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null) return Problems.NotFound("Không tìm thấy lần bầu này.");
        if (round.RecordJson is null) return Problems.Conflict("Biên bản điện tử (election-record/1) có sau khi đóng lần bầu.");
        return round.RecordJson;
    }
}
