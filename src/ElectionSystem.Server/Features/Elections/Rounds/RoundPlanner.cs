using ElectionSystem.Domain.Elections;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.OpenVotes;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.Elections;

/// <summary>The round the rule book says comes next (Domain's NextStep), with its list and seats.</summary>
public sealed record RoundPlan(NextStepDto Dto, string? Purpose, string? Kind, IReadOnlyList<string> CandidateIds, int Seats);

/// <summary>
/// What comes next for an election: the first round, a tie-break, another round (needs an open vote),
/// the alternates' ballot, or nothing — read from the stored counts of its rounds, never recounted.
/// </summary>
public sealed class RoundPlanner(ElectionDbContext db, RoundCounts counts, OpenVoteDecisions decisions)
{
    public async Task<RoundPlan> PlanAsync(Election e, CancellationToken ct)
    {
        var candidates = await db.Set<ElectionCandidate>().AsNoTracking().Where(c => c.ElectionId == e.Id).ToListAsync(ct);
        var byBallotId = candidates.ToDictionary(c => c.BallotId);
        var rounds = await db.Set<ElectionRoundRow>().AsNoTracking().Where(r => r.ElectionId == e.Id).OrderBy(r => r.Number).ToListAsync(ct);
        NamedId Named(string id) => new(id, byBallotId[id].FullName);
        IReadOnlyList<NamedId> AllNamed(IEnumerable<string> ids) => ids.Select(Named).ToList();

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
            return new RoundPlan(new NextStepDto("first-round", AllNamed(list), e.Seats, false, $"{text}: {list.Count} người, {e.Seats} cần bầu."),
                RoundPurposes.Main, kind.ToWire(), list, e.Seats);
        }
        var last = rounds[^1];
        if (last.State != RoundState.Announced)
        {
            return new RoundPlan(new NextStepDto("wait", [], 0, false, $"{RoundWords.Label(last)} chưa công bố kết quả."), null, null, [], 0);
        }
        var counted = counts.Read(last);
        switch (NextStep.After(counted.Round(ElectionQueries.RulesFor(e)), counted.Result))
        {
            case NextStep.TieBreakRound t:
                return new RoundPlan(new NextStepDto("tie-break", AllNamed(t.Candidates), t.Seats, false,
                    $"Bầu lại trong số những người bằng phiếu: {string.Join(", ", t.Candidates.Select(id => byBallotId[id].FullName))} cho {t.Seats} chỗ còn lại."),
                    RoundPurposes.TieBreak, last.Kind, t.Candidates, t.Seats);
            case NextStep.AnotherRoundProposal a:
                return new RoundPlan(new NextStepDto("another-round", AllNamed(a.Candidates), a.Seats, true,
                    $"Còn thiếu {a.Seats} người: đại hội biểu quyết có bầu tiếp hay không (bầu trong số những người chưa trúng cử)."),
                    RoundPurposes.AnotherRound, last.Kind, a.Candidates, a.Seats);
            case NextStep.AlternatesRound alt:
                {
                    // Ballot 2 takes every candidate not elected an official delegate in any official round.
                    var officialElected = new HashSet<string>(StringComparer.Ordinal);
                    var inOfficial = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var r in rounds.Where(r => r.Kind == ElectionKind.DelegationOfficial.ToWire()))
                    {
                        var official = counts.Read(r);
                        foreach (var c in official.Record.Candidates) inOfficial.Add(c.Id);
                        foreach (var id in official.Result.Elected) officialElected.Add(id);
                    }
                    var remaining = candidates.OrderBy(c => c.Number).Select(c => c.BallotId)
                        .Where(id => inOfficial.Contains(id) && !officialElected.Contains(id)).ToList();
                    if (remaining.Count == 0) remaining = [.. alt.Candidates];
                    return new RoundPlan(new NextStepDto("alternates", AllNamed(remaining), alt.Seats, false,
                        $"Bầu đại biểu dự khuyết (phiếu 2) trong số {remaining.Count} người còn lại, {alt.Seats} cần bầu."),
                        RoundPurposes.Alternates, ElectionKind.DelegationAlternate.ToWire(), remaining, alt.Seats);
                }
            case NextStep.PassedAsAlternatesProposal p:
                return new RoundPlan(new NextStepDto("passed-as-alternates", AllNamed(p.Candidates), p.Seats, true,
                    "Đề nghị đại hội biểu quyết công nhận những người đủ số phiếu làm đại biểu dự khuyết theo thứ tự số phiếu."), null, null, [], 0);
            default:
                return new RoundPlan(new NextStepDto("none", [], 0, false, "Đã bầu đủ: không có lần bầu tiếp theo."), null, null, [], 0);
        }
    }

    /// <summary>The open vote that decided a round the rule book leaves to the congress, as the round cites it.</summary>
    public Task<Shared.ProblemOr<string>> DecisionAsync(Guid openVoteId, string what, CancellationToken ct) => decisions.PassedAsync(openVoteId, what, ct);
}
