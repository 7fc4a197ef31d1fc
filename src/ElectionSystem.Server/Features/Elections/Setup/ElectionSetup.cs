using System.Security.Claims;
using ElectionSystem.Domain.Elections;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Audit;
using ElectionSystem.Server.Features.Shared;
using ElectionSystem.Server.Hosting;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.Elections;

/// <summary>
/// Setting an election up: its kind, seats and list — names listed by the convening committee,
/// withdrawn by an open vote, admitted by a nomination poll. The list is fixed once the first round opens.
/// </summary>
public sealed class ElectionSetup(ElectionDbContext db, AuditLog audit, HallClock clock, RoundPlanner planner, RoundCounts counts)
{
    public async Task<ProblemOr<ElectionDto>> CreateAsync(CreateElectionRequest r, ClaimsPrincipal user, CancellationToken ct)
    {
        var e = new Election
        {
            Id = Guid.NewGuid(), Kind = r.Kind, Title = Domain.Names.VietnameseText.Normalize(r.Title), Seats = Math.Max(0, r.Seats), AlternateSeats = r.AlternateSeats,
            SeatsSetByVote = string.IsNullOrWhiteSpace(r.SeatsSetByVote) ? null : r.SeatsSetByVote.Trim(), CreatedAt = clock.UtcNow,
        };
        db.Add(e);
        await audit.AppendAsync(user, "election.created", $"election:{e.Id}", new { e.Kind, e.Title, e.Seats, e.AlternateSeats, e.SeatsSetByVote });
        await db.SaveChangesAsync(ct);
        return await GetAsync(e.Id, ct);
    }

    public async Task<ProblemOr<ElectionDto>> GetAsync(Guid id, CancellationToken ct)
    {
        var e = await db.Set<Election>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return Problems.NotFound(RoundWords.ElectionNotFound);
        var candidates = await db.Set<ElectionCandidate>().AsNoTracking().Where(c => c.ElectionId == id).OrderBy(c => c.Number).ToListAsync(ct);
        var rounds = await db.Set<ElectionRoundRow>().AsNoTracking().Where(r => r.ElectionId == id).OrderBy(r => r.Number).ToListAsync(ct);
        return ElectionViews.Election(e, candidates, rounds);
    }

    public async Task<IReadOnlyList<ElectionDto>> ListAsync(CancellationToken ct)
    {
        var ids = await db.Set<Election>().AsNoTracking().OrderBy(e => e.CreatedAt).Select(e => e.Id).ToListAsync(ct);
        var list = new List<ElectionDto>();
        foreach (var id in ids) list.Add((await GetAsync(id, ct)).Value!);
        return list;
    }

    public async Task<ProblemOr<ElectionDto>> AddCandidateAsync(Guid electionId, AddCandidateRequest r, ClaimsPrincipal user, CancellationToken ct)
    {
        var e = await db.Set<Election>().FirstOrDefaultAsync(x => x.Id == electionId, ct);
        if (e is null) return Problems.NotFound(RoundWords.ElectionNotFound);
        if (await ListFixedAsync(electionId, "danh sách chỉ thay đổi qua quyết định của đại hội cho lần bầu sau", ct) is { } fixedList) return fixedList;
        await AddCandidateRowAsync(e.Id, r.FullName, r.BirthDate, r.Delegation, r.DelegateId, CandidateStatus.Listed, null, ct);
        await audit.AppendAsync(user, "election.candidate.listed", $"election:{e.Id}", new { r.FullName });
        await db.SaveChangesAsync(ct);
        return await GetAsync(e.Id, ct);
    }

    public async Task<ProblemOr<ElectionDto>> WithdrawAsync(Guid electionId, Guid candidateId, WithdrawRequest r, ClaimsPrincipal user, CancellationToken ct)
    {
        var c = await db.Set<ElectionCandidate>().FirstOrDefaultAsync(x => x.Id == candidateId && x.ElectionId == electionId, ct);
        if (c is null) return Problems.NotFound("Không tìm thấy người này trong danh sách bầu cử.");
        if (await ListFixedAsync(electionId, "không rút tên khỏi danh sách được nữa", ct) is { } fixedList) return fixedList;
        if (c.Status == CandidateStatus.Withdrawn) return Problems.Conflict($"Đồng chí {c.FullName} đã rút khỏi danh sách.");
        var decision = await planner.DecisionAsync(r.OpenVoteId, $"cho đồng chí {c.FullName} rút khỏi danh sách", ct);
        if (decision.Problem is { } problem) return problem;
        c.Status = CandidateStatus.Withdrawn;
        c.DecidedBy = decision.Value;
        await audit.AppendAsync(user, "election.candidate.withdrawn", $"election:{electionId}", new { c.FullName, openVote = r.OpenVoteId, DecidedBy = decision.Value });
        await db.SaveChangesAsync(ct);
        return await GetAsync(electionId, ct);
    }

    public async Task<ProblemOr<ElectionDto>> AdmitNomineeAsync(Guid electionId, AdmitNomineeRequest r, ClaimsPrincipal user, CancellationToken ct)
    {
        var e = await db.Set<Election>().FirstOrDefaultAsync(x => x.Id == electionId, ct);
        if (e is null) return Problems.NotFound(RoundWords.ElectionNotFound);
        if (await ListFixedAsync(electionId, "không bổ sung danh sách được nữa", ct) is { } fixedList) return fixedList;
        var poll = await db.RoundAsync(r.PollRoundId, ct);
        if (poll is null || poll.Kind != ElectionKind.NominationPoll.ToWire())
            return Problems.BadRequest("pollRoundId không phải một lần lấy phiếu xin ý kiến giới thiệu người ứng cử.");
        if (poll.State != RoundState.Announced) return Problems.Conflict("Kết quả lấy phiếu xin ý kiến chưa được công bố.");
        var counted = counts.Read(poll);
        var nominee = counted.Record.Candidates.FirstOrDefault(c => c.Id == r.PollCandidateId);
        if (nominee is null) return Problems.BadRequest($"Không có người \"{r.PollCandidateId}\" trong phiếu xin ý kiến này.");
        if (!counted.Result.Elected.Contains(nominee.Id))
            return Problems.Conflict($"Đồng chí {nominee.FullName} không được quá 30% số đại biểu có mặt đồng ý: không đưa vào danh sách.");
        if (await db.Set<ElectionCandidate>().AnyAsync(c => c.ElectionId == electionId && c.DecidedBy == $"poll-round:{poll.Id}:{nominee.Id}", ct))
            return Problems.Conflict($"Đồng chí {nominee.FullName} đã được bổ sung vào danh sách.");
        await AddCandidateRowAsync(electionId, nominee.FullName, nominee.BirthDate, nominee.Delegation, null, CandidateStatus.Admitted,
            $"poll-round:{poll.Id}:{nominee.Id}", ct);
        await audit.AppendAsync(user, "election.candidate.admitted", $"election:{electionId}", new { nominee.FullName, pollRound = poll.Id });
        await db.SaveChangesAsync(ct);
        return await GetAsync(electionId, ct);
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

    /// <summary>
    /// One list, one ballot: once the first round is created its ballot is printed from the list, so
    /// the list no longer changes — unless that round is still a draft and is deleted first.
    /// </summary>
    private async Task<Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult?> ListFixedAsync(Guid electionId, string what, CancellationToken ct)
    {
        var states = await db.Set<ElectionRoundRow>().AsNoTracking().Where(r => r.ElectionId == electionId).Select(r => r.State).ToListAsync(ct);
        if (states.Count == 0) return null;
        return Problems.Conflict(states.Any(s => s != RoundState.Draft)
            ? $"Lần bầu thứ nhất đã mở: {what}."
            : $"Đã tạo lần bầu thứ nhất: phiếu bầu đã in theo danh sách này, {what}. Muốn sửa danh sách, hãy xóa lần bầu (nháp) trước.");
    }
}
