using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using ElectionSystem.Domain.Congress;
using ElectionSystem.Domain.Elections;
using ElectionSystem.Domain.OpenVotes;
using ElectionSystem.Domain.Records;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Attendance;
using ElectionSystem.Server.Features.Audit;
using ElectionSystem.Server.Features.Shared;
using ElectionSystem.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.Elections;

/// <summary>A value or the ProblemDetails that refuses the request (and changed nothing).</summary>
public readonly record struct Outcome<T>(T? Value, ProblemHttpResult? Problem)
{
    public static implicit operator Outcome<T>(T value) => new(value, null);
    public static implicit operator Outcome<T>(ProblemHttpResult problem) => new(default, problem);
}

/// <summary>
/// Serialises what must not interleave: a cast against the round's close (a ballot is either in the
/// count or refused), and two casts of one delegate. SQLite has one writer anyway.
/// </summary>
public sealed class ElectionGate : WriteGate;

/// <summary>
/// Setup, rounds and the list: everything the organisers and the presidium do before and between
/// rounds. Every rule (list surplus, who is elected, what comes next) is asked of Domain.
/// </summary>
public sealed partial class ElectionService(
    ElectionDbContext db, AuditLog audit, HallClock clock, VotingEligibility eligibility, ElectionGate gate, BallotWriter writer, ElectionCache cache)
{
    public const string AlreadyVoted = "Đồng chí đã bỏ phiếu lần bầu này";
    public const string RoundNotOpen = "Lần bầu này không mở để bỏ phiếu";

    internal ElectionDbContext Db => db;

    // --- setup ----------------------------------------------------------------------------------

    public async Task<Outcome<ElectionDto>> CreateAsync(CreateElectionRequest r, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!ElectionKinds.All.Contains(r.Kind))
            return Problems.BadRequest($"Loại bầu cử \"{r.Kind}\" không có. Chọn một trong: {string.Join(", ", ElectionKinds.All)}.");
        if (string.IsNullOrWhiteSpace(r.Title)) return Problems.BadRequest("Hãy nhập tên cuộc bầu cử (title).");
        if (r.Kind != ElectionKinds.NominationPoll && r.Seats < 1) return Problems.BadRequest("Số lượng cần bầu (seats) phải ít nhất là 1.");
        if (r.AlternateSeats < 0 || (r.AlternateSeats > 0 && r.Kind != ElectionKinds.Delegation))
            return Problems.BadRequest("Số đại biểu dự khuyết (alternateSeats) chỉ dùng cho bầu đoàn đại biểu và không âm.");
        var e = new Election
        {
            Id = Guid.NewGuid(), Kind = r.Kind, Title = r.Title.Trim(), Seats = Math.Max(0, r.Seats), AlternateSeats = r.AlternateSeats,
            SeatsSetByVote = string.IsNullOrWhiteSpace(r.SeatsSetByVote) ? null : r.SeatsSetByVote.Trim(), CreatedAt = clock.UtcNow,
        };
        db.Add(e);
        await audit.AppendAsync(user, "election.created", $"election:{e.Id}", new { e.Kind, e.Title, e.Seats, e.AlternateSeats, e.SeatsSetByVote });
        await db.SaveChangesAsync(ct);
        return await GetAsync(e.Id, ct);
    }

    public async Task<Outcome<ElectionDto>> GetAsync(Guid id, CancellationToken ct)
    {
        var e = await db.Set<Election>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return Problems.NotFound("Không tìm thấy cuộc bầu cử này.");
        var candidates = await db.Set<ElectionCandidate>().AsNoTracking().Where(c => c.ElectionId == id).OrderBy(c => c.Number).ToListAsync(ct);
        var rounds = await db.Set<ElectionRoundRow>().AsNoTracking().Where(r => r.ElectionId == id).OrderBy(r => r.Number).ToListAsync(ct);
        return new ElectionDto(e.Id, e.Kind, e.Title, e.Seats, e.AlternateSeats, e.SeatsSetByVote,
            candidates.Select(ToDto).ToList(), rounds.Select(ToSummary).ToList(), ListOf(e, candidates));
    }

    /// <summary>The first ballot's list and, for an executive committee, Domain's surplus verdict on it.</summary>
    private static ElectionListDto ListOf(Election e, IReadOnlyList<ElectionCandidate> candidates)
    {
        var rules = RulesFor(e);
        var active = new Domain.Names.BallotOrder(rules.BirthDateOrder)
            .SortItems(candidates.Where(c => c.Status != CandidateStatus.Withdrawn), c => c.FullName, c => c.BirthDate);
        var names = active.Select((c, i) => new ListedName(c.Id, i + 1, c.FullName, c.Delegation, c.BirthDate?.Year, c.Status)).ToList();
        if (e.Kind == ElectionKinds.NominationPoll || e.Seats < 1)
            return new ElectionListDto(names, null, $"{names.Count} người được giới thiệu.");
        var counted = $"{names.Count} người ứng cử, số lượng cần bầu {e.Seats}";
        if (e.Kind != ElectionKinds.ExecutiveCommittee) return new ElectionListDto(names, null, counted + ".");
        var verdict = CandidateListRules.Check(e.Seats, names.Count, rules.SurplusRounding);
        return verdict.Allowed
            ? new ElectionListDto(names, true, $"{counted}: số dư {names.Count - e.Seats}, đúng quy định (tối đa {verdict.MaxSurplus}).")
            : new ElectionListDto(names, false, $"{counted}: {verdict.ProblemVi}");
    }

    public async Task<IReadOnlyList<ElectionDto>> ListAsync(CancellationToken ct)
    {
        var ids = await db.Set<Election>().AsNoTracking().OrderBy(e => e.CreatedAt).Select(e => e.Id).ToListAsync(ct);
        var list = new List<ElectionDto>();
        foreach (var id in ids) list.Add((await GetAsync(id, ct)).Value!);
        return list;
    }

    public async Task<Outcome<ElectionDto>> AddCandidateAsync(Guid electionId, AddCandidateRequest r, ClaimsPrincipal user, CancellationToken ct)
    {
        var e = await db.Set<Election>().FirstOrDefaultAsync(x => x.Id == electionId, ct);
        if (e is null) return Problems.NotFound("Không tìm thấy cuộc bầu cử này.");
        if (await FirstRoundOpenedAsync(electionId, ct))
            return Problems.Conflict("Lần bầu thứ nhất đã mở: danh sách chỉ thay đổi qua quyết định của đại hội cho lần bầu sau.");
        if (string.IsNullOrWhiteSpace(r.FullName)) return Problems.BadRequest("Hãy nhập họ và tên người ứng cử (fullName).");
        await AddCandidateRowAsync(e.Id, r.FullName, r.BirthDate, r.Delegation, r.DelegateId, CandidateStatus.Listed, null, ct);
        await audit.AppendAsync(user, "election.candidate.listed", $"election:{e.Id}", new { r.FullName });
        await db.SaveChangesAsync(ct);
        return await GetAsync(e.Id, ct);
    }

    private async Task AddCandidateRowAsync(Guid electionId, string fullName, DateOnly? birth, string? delegation, Guid? delegateId,
        string status, string? decidedBy, CancellationToken ct)
    {
        var number = (await db.Set<ElectionCandidate>().Where(c => c.ElectionId == electionId).MaxAsync(c => (int?)c.Number, ct) ?? 0) + 1;
        db.Add(new ElectionCandidate
        {
            Id = Guid.NewGuid(), ElectionId = electionId, Number = number, DelegateId = delegateId,
            FullName = Domain.Names.VietnameseText.Normalize(fullName), BirthDate = birth,
            Delegation = string.IsNullOrWhiteSpace(delegation) ? null : delegation.Trim(), Status = status, DecidedBy = decidedBy,
        });
    }

    public async Task<Outcome<ElectionDto>> WithdrawAsync(Guid electionId, Guid candidateId, WithdrawRequest r, ClaimsPrincipal user, CancellationToken ct)
    {
        var c = await db.Set<ElectionCandidate>().FirstOrDefaultAsync(x => x.Id == candidateId && x.ElectionId == electionId, ct);
        if (c is null) return Problems.NotFound("Không tìm thấy người này trong danh sách bầu cử.");
        if (await FirstRoundOpenedAsync(electionId, ct)) return Problems.Conflict("Lần bầu thứ nhất đã mở: không rút tên khỏi danh sách được nữa.");
        if (c.Status == CandidateStatus.Withdrawn) return Problems.Conflict($"Đồng chí {c.FullName} đã rút khỏi danh sách.");
        var decision = await PassedDecisionAsync(r.OpenVoteId, $"cho đồng chí {c.FullName} rút khỏi danh sách", ct);
        if (decision.Problem is { } problem) return problem;
        c.Status = CandidateStatus.Withdrawn;
        c.DecidedBy = decision.Value;
        await audit.AppendAsync(user, "election.candidate.withdrawn", $"election:{electionId}", new { c.FullName, openVote = r.OpenVoteId, DecidedBy = decision.Value });
        await db.SaveChangesAsync(ct);
        return await GetAsync(electionId, ct);
    }

    /// <summary>
    /// The congress's decision as recorded, never as a caller reports it: the open vote must be
    /// closed and its stored result passed (OpenVoteRule at close). Returns how the list cites it.
    /// </summary>
    private async Task<Outcome<string>> PassedDecisionAsync(Guid openVoteId, string what, CancellationToken ct)
    {
        var vote = await db.Set<OpenVotes.OpenVote>().AsNoTracking().FirstOrDefaultAsync(v => v.Id == openVoteId, ct);
        if (vote is null) return Problems.NotFound("Không tìm thấy biểu quyết này.");
        if (vote.State != OpenVotes.OpenVoteState.Closed || vote.Passed is null)
            return Problems.Conflict($"Biểu quyết “{vote.Title}” chưa kết thúc: chưa thể {what}.");
        if (vote.Passed != true)
            return Problems.Conflict($"Biểu quyết “{vote.Title}” không thông qua ({vote.For}/{vote.Base} tán thành): không {what}.");
        return $"Biểu quyết {vote.Ordinal}: {vote.Title} ({vote.For}/{vote.Base} tán thành)";
    }

    public async Task<Outcome<ElectionDto>> AdmitNomineeAsync(Guid electionId, AdmitNomineeRequest r, ClaimsPrincipal user, CancellationToken ct)
    {
        var e = await db.Set<Election>().FirstOrDefaultAsync(x => x.Id == electionId, ct);
        if (e is null) return Problems.NotFound("Không tìm thấy cuộc bầu cử này.");
        if (await FirstRoundOpenedAsync(electionId, ct)) return Problems.Conflict("Lần bầu thứ nhất đã mở: không bổ sung danh sách được nữa.");
        var poll = await db.Set<ElectionRoundRow>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == r.PollRoundId, ct);
        if (poll is null || poll.Kind != ElectionKind.NominationPoll.ToWire())
            return Problems.BadRequest("pollRoundId không phải một lần lấy phiếu xin ý kiến giới thiệu người ứng cử.");
        if (poll.State != RoundStates.Announced) return Problems.Conflict("Kết quả lấy phiếu xin ý kiến chưa được công bố.");
        var (record, result) = Recount(poll);
        var nominee = record.Candidates.FirstOrDefault(c => c.Id == r.PollCandidateId);
        if (nominee is null) return Problems.BadRequest($"Không có người \"{r.PollCandidateId}\" trong phiếu xin ý kiến này.");
        if (!result.Elected.Contains(nominee.Id))
            return Problems.Conflict($"Đồng chí {nominee.FullName} không được quá 30% số đại biểu có mặt đồng ý: không đưa vào danh sách.");
        if (await db.Set<ElectionCandidate>().AnyAsync(c => c.ElectionId == electionId && c.DecidedBy == $"poll-round:{poll.Id}:{nominee.Id}", ct))
            return Problems.Conflict($"Đồng chí {nominee.FullName} đã được bổ sung vào danh sách.");
        await AddCandidateRowAsync(electionId, nominee.FullName, nominee.BirthDate, nominee.Delegation, null, CandidateStatus.Admitted,
            $"poll-round:{poll.Id}:{nominee.Id}", ct);
        await audit.AppendAsync(user, "election.candidate.admitted", $"election:{electionId}", new { nominee.FullName, pollRound = poll.Id });
        await db.SaveChangesAsync(ct);
        return await GetAsync(electionId, ct);
    }

    private Task<bool> FirstRoundOpenedAsync(Guid electionId, CancellationToken ct) =>
        db.Set<ElectionRoundRow>().AnyAsync(r => r.ElectionId == electionId && r.State != RoundStates.Draft, ct);

    public async Task<IReadOnlyList<CommitteeMemberDto>> MembersAsync(CancellationToken ct) =>
        await db.Set<CountingCommitteeMember>().AsNoTracking().OrderBy(m => m.Order)
            .Select(m => new CommitteeMemberDto(m.FullName, m.IsChair)).ToListAsync(ct);

    public async Task<Outcome<IReadOnlyList<CommitteeMemberDto>>> SetMembersAsync(IReadOnlyList<CommitteeMemberDto> members, ClaimsPrincipal user, CancellationToken ct)
    {
        if (members.Count == 0 || members.Any(m => string.IsNullOrWhiteSpace(m.FullName)))
            return Problems.BadRequest("Danh sách Ban Kiểm phiếu cần ít nhất một người, mỗi người có họ và tên.");
        if (members.Count(m => m.IsChair) != 1) return Problems.BadRequest("Ban Kiểm phiếu có đúng một Trưởng ban (isChair).");
        db.RemoveRange(await db.Set<CountingCommitteeMember>().ToListAsync(ct));
        var ordered = members.OrderByDescending(m => m.IsChair).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            db.Add(new CountingCommitteeMember { Id = Guid.NewGuid(), Order = i, FullName = Domain.Names.VietnameseText.Normalize(ordered[i].FullName), IsChair = ordered[i].IsChair });
        }
        await audit.AppendAsync(user, "election.committee.set", "counting-committee", new { members = ordered.Select(m => m.FullName) });
        await db.SaveChangesAsync(ct);
        return Wrap(await MembersAsync(ct));
    }

    private static Outcome<IReadOnlyList<CommitteeMemberDto>> Wrap(IReadOnlyList<CommitteeMemberDto> v) => new(v, null);

    // --- rounds ---------------------------------------------------------------------------------

    public async Task<Outcome<NextStepDto>> NextStepAsync(Guid electionId, CancellationToken ct)
    {
        var e = await db.Set<Election>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == electionId, ct);
        if (e is null) return Problems.NotFound("Không tìm thấy cuộc bầu cử này.");
        return (await PlanNextAsync(e, ct)).Dto;
    }

    private sealed record Plan(NextStepDto Dto, string? Purpose, string? Kind, IReadOnlyList<string> CandidateIds, int Seats);

    private async Task<Plan> PlanNextAsync(Election e, CancellationToken ct)
    {
        var candidates = await db.Set<ElectionCandidate>().AsNoTracking().Where(c => c.ElectionId == e.Id).ToListAsync(ct);
        var byBallotId = candidates.ToDictionary(c => c.BallotId);
        var rounds = await db.Set<ElectionRoundRow>().AsNoTracking().Where(r => r.ElectionId == e.Id).OrderBy(r => r.Number).ToListAsync(ct);
        NamedId Named(string id) => new(id, byBallotId[id].FullName);

        if (rounds.Count == 0)
        {
            var list = candidates.Where(c => c.Status != CandidateStatus.Withdrawn).OrderBy(c => c.Number).Select(c => c.BallotId).ToList();
            var kind = e.Kind switch
            {
                ElectionKinds.ExecutiveCommittee => ElectionKind.ExecutiveCommittee,
                ElectionKinds.Delegation => ElectionKind.DelegationOfficial,
                ElectionKinds.NominationPoll => ElectionKind.NominationPoll,
                _ => ElectionKind.Other,
            };
            var text = e.Kind == ElectionKinds.NominationPoll ? "Lấy phiếu xin ý kiến" : e.Kind == ElectionKinds.Delegation ? "Bầu đại biểu chính thức (phiếu 1)" : "Bầu lần thứ nhất";
            return new Plan(new NextStepDto("first-round", list.Select(Named).ToList(), e.Seats, false, $"{text}: {list.Count} người, {e.Seats} cần bầu."),
                RoundPurposes.Main, kind.ToWire(), list, e.Seats);
        }
        var last = rounds[^1];
        if (last.State != RoundStates.Announced)
        {
            return new Plan(new NextStepDto("wait", [], 0, false, $"{Label(last)} chưa công bố kết quả."), null, null, [], 0);
        }
        var (record, result) = Recount(last);
        // The record keeps only the rules a recount needs; what comes next also needs the
        // election's own settings (the delegation's alternates).
        var counted = record.ToRound();
        var step = NextStep.After(new ElectionRound(counted.Kind, counted.Seats, counted.Base, counted.Issued, record.Candidates, RulesFor(e), counted.Present), result);
        switch (step)
        {
            case NextStep.TieBreakRound t:
                return new Plan(new NextStepDto("tie-break", t.Candidates.Select(Named).ToList(), t.Seats, false,
                    $"Bầu lại trong số những người bằng phiếu: {string.Join(", ", t.Candidates.Select(id => byBallotId[id].FullName))} cho {t.Seats} chỗ còn lại."),
                    RoundPurposes.TieBreak, last.Kind, t.Candidates, t.Seats);
            case NextStep.AnotherRoundProposal a:
                return new Plan(new NextStepDto("another-round", a.Candidates.Select(Named).ToList(), a.Seats, true,
                    $"Còn thiếu {a.Seats} người: đại hội biểu quyết có bầu tiếp hay không (bầu trong số những người chưa trúng cử)."),
                    RoundPurposes.AnotherRound, last.Kind, a.Candidates, a.Seats);
            case NextStep.AlternatesRound alt:
                {
                    // Ballot 2 takes every candidate not elected an official delegate in any official round.
                    var officialElected = new HashSet<string>(StringComparer.Ordinal);
                    var inOfficial = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var r in rounds.Where(r => r.Kind == ElectionKind.DelegationOfficial.ToWire()))
                    {
                        var (rec, res) = Recount(r);
                        foreach (var c in rec.Candidates) inOfficial.Add(c.Id);
                        foreach (var id in res.Elected) officialElected.Add(id);
                    }
                    var remaining = candidates.OrderBy(c => c.Number).Select(c => c.BallotId)
                        .Where(id => inOfficial.Contains(id) && !officialElected.Contains(id)).ToList();
                    if (remaining.Count == 0) remaining = [.. alt.Candidates];
                    return new Plan(new NextStepDto("alternates", remaining.Select(Named).ToList(), alt.Seats, false,
                        $"Bầu đại biểu dự khuyết (phiếu 2) trong số {remaining.Count} người còn lại, {alt.Seats} cần bầu."),
                        RoundPurposes.Alternates, ElectionKind.DelegationAlternate.ToWire(), remaining, alt.Seats);
                }
            case NextStep.PassedAsAlternatesProposal p:
                return new Plan(new NextStepDto("passed-as-alternates", p.Candidates.Select(Named).ToList(), p.Seats, true,
                    "Đề nghị đại hội biểu quyết công nhận những người đủ số phiếu làm đại biểu dự khuyết theo thứ tự số phiếu."), null, null, [], 0);
            default:
                return new Plan(new NextStepDto("none", [], 0, false, "Đã bầu đủ: không có lần bầu tiếp theo."), null, null, [], 0);
        }
    }

    public async Task<Outcome<RoundSummaryDto>> CreateRoundAsync(Guid electionId, CreateRoundRequest r, ClaimsPrincipal user, CancellationToken ct)
    {
        var e = await db.Set<Election>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == electionId, ct);
        if (e is null) return Problems.NotFound("Không tìm thấy cuộc bầu cử này.");
        using var _ = await gate.EnterAsync(ct);
        var plan = await PlanNextAsync(e, ct);
        if (plan.Purpose is null) return Problems.Conflict(plan.Dto.MessageVi);
        string? decidedBy = null;
        if (plan.Dto.NeedsDecision)
        {
            if (r.DecidingVoteId is null)
                return Problems.Conflict("Lần bầu tiếp theo chỉ được tổ chức khi đại hội biểu quyết đồng ý: hãy chọn biểu quyết đó (decidingVoteId).");
            var decision = await PassedDecisionAsync(r.DecidingVoteId.Value, "tổ chức bầu tiếp", ct);
            if (decision.Problem is { } problem) return problem;
            decidedBy = decision.Value;
        }
        if (plan.CandidateIds.Count == 0) return Problems.Conflict("Danh sách bầu cử chưa có ai.");
        var byBallotId = await db.Set<ElectionCandidate>().Where(c => c.ElectionId == e.Id).ToDictionaryAsync(c => "c" + c.Number.ToString(CultureInfo.InvariantCulture), ct);
        var number = (await db.Set<ElectionRoundRow>().Where(x => x.ElectionId == e.Id).MaxAsync(x => (int?)x.Number, ct) ?? 0) + 1;
        var round = new ElectionRoundRow
        {
            Id = Guid.NewGuid(), ElectionId = e.Id, Number = number, Purpose = plan.Purpose, Kind = plan.Kind!, Seats = plan.Seats,
            State = RoundStates.Draft, DecidedBy = decidedBy, CreatedAt = clock.UtcNow,
            RoundSecret = RandomNumberGenerator.GetBytes(32),
        };
        db.Add(round);
        foreach (var id in plan.CandidateIds) db.Add(new RoundCandidate { RoundId = round.Id, CandidateId = byBallotId[id].Id });
        await audit.AppendAsync(user, "election.round.created", $"round:{round.Id}",
            new { election = e.Id, round.Number, round.Purpose, round.Kind, round.Seats, candidates = plan.CandidateIds, round.DecidedBy });
        await db.SaveChangesAsync(ct);
        return ToSummary(round);
    }

    public async Task<Outcome<RoundSummaryDto>> OpenAsync(Guid roundId, ClaimsPrincipal user, CancellationToken ct)
    {
        using var _ = await gate.EnterAsync(ct);
        var round = await db.Set<ElectionRoundRow>().FirstOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null) return Problems.NotFound("Không tìm thấy lần bầu này.");
        if (round.State != RoundStates.Draft) return Problems.Conflict($"{Label(round)} đã được mở trước đây.");
        if (await db.Set<ElectionRoundRow>().AnyAsync(r => r.State == RoundStates.Open, ct))
            return Problems.Conflict("Đang có một lần bầu mở: đóng lần bầu đó trước khi mở lần bầu khác.");
        var election = await db.Set<Election>().AsNoTracking().FirstAsync(e => e.Id == round.ElectionId, ct);
        if (election.Kind == ElectionKinds.ExecutiveCommittee && round.Number == 1)
        {
            var count = await db.Set<RoundCandidate>().CountAsync(c => c.RoundId == round.Id, ct);
            var verdict = CandidateListRules.Check(round.Seats, count, ElectionRules.Default.SurplusRounding);
            if (!verdict.Allowed) return Problems.Conflict(verdict.ProblemVi!);
        }
        round.State = RoundStates.Open;
        round.OpenedAt = clock.UtcNow;
        await audit.AppendAsync(user, "election.round.opened", $"round:{round.Id}", new { election = election.Id, election.Title, round.Number });
        await db.SaveChangesAsync(ct);
        cache.Invalidate();
        return ToSummary(round);
    }

    // --- helpers --------------------------------------------------------------------------------

    internal static (ElectionRecord Record, ElectionResult Result) Recount(ElectionRoundRow round)
    {
        var reading = ElectionRecordReader.Read(round.RecordJson ?? throw new InvalidOperationException("The round has not been counted."));
        var record = reading.Record ?? throw new InvalidOperationException("The stored record is malformed: " + reading.Malformed!.Message);
        return (record, record.Count());
    }

    internal async Task<List<Candidate>> RoundCandidatesAsync(Guid roundId, CancellationToken ct) =>
        (await (from rc in db.Set<RoundCandidate>().AsNoTracking()
                join c in db.Set<ElectionCandidate>().AsNoTracking() on rc.CandidateId equals c.Id
                where rc.RoundId == roundId
                select c).ToListAsync(ct))
        .Select(c => new Candidate(c.BallotId, c.FullName, c.BirthDate, c.Delegation)).ToList();

    internal static ElectionRules RulesFor(Election e) => ElectionRules.Default with { AlternateSeats = e.AlternateSeats };

    /// <summary>The Domain round for drawing and checking a ballot (Base and issued do not matter there).</summary>
    internal static ElectionRound BallotRound(ElectionRoundRow round, Election e, IReadOnlyList<Candidate> candidates)
    {
        ElectionKindWire.TryParse(round.Kind, out var kind);
        return new ElectionRound(kind, round.Seats, new CongressBase(0, 0, 0), 0, candidates, RulesFor(e), kind == ElectionKind.NominationPoll ? 0 : null);
    }

    internal static string Label(ElectionRoundRow r) => r.Purpose switch
    {
        RoundPurposes.TieBreak => $"Bầu lần thứ {Ordinal(r.Number)} (bầu lại giữa những người bằng phiếu)",
        RoundPurposes.Alternates => $"Bầu lần thứ {Ordinal(r.Number)} (bầu đại biểu dự khuyết)",
        _ when r.Kind == ElectionKind.NominationPoll.ToWire() => "Lấy phiếu xin ý kiến",
        _ => $"Bầu lần thứ {Ordinal(r.Number)}",
    };

    internal static string Ordinal(int n) => n switch
    {
        1 => "nhất", 2 => "hai", 3 => "ba", 4 => "tư", 5 => "năm", 6 => "sáu", 7 => "bảy", 8 => "tám", 9 => "chín", 10 => "mười",
        _ => n.ToString(CultureInfo.InvariantCulture),
    };

    internal static CandidateDto ToDto(ElectionCandidate c) => new(c.Id, c.BallotId, c.FullName, c.BirthDate, c.Delegation, c.Status, c.DecidedBy);

    internal static RoundSummaryDto ToSummary(ElectionRoundRow r) => new(r.Id, r.Number, r.Purpose, r.Kind, r.Seats, r.State, Label(r), r.RecordSha256);

    internal static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
