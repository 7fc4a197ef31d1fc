using ElectionSystem.Domain.Elections;

using ElectionSystem.Server.Features.Shared;

namespace ElectionSystem.Server.Features.Elections;

/// <summary>Entities to what the election endpoints give (entities never leave the server as they are).</summary>
public static class ElectionViews
{
    public static CandidateDto Candidate(ElectionCandidate c) => new(c.Id, c.BallotId, c.FullName, c.BirthDate, c.Delegation, c.Status, c.DecidedBy);

    public static RoundSummaryDto Summary(ElectionRoundRow r) => new(r.Id, r.Number, r.Purpose, r.Kind, r.Seats, r.State.Word(), RoundWords.Label(r), r.RecordSha256);

    public static ElectionDto Election(Election e, IReadOnlyList<ElectionCandidate> candidates, IReadOnlyList<ElectionRoundRow> rounds) =>
        new(e.Id, e.Kind, e.Title, e.Seats, e.AlternateSeats, e.SeatsSetByVote,
            candidates.Select(Candidate).ToList(), rounds.Select(Summary).ToList(), ListOf(e, candidates));

    /// <summary>The first ballot's list and, for an executive committee, Domain's surplus verdict on it.</summary>
    private static ElectionListDto ListOf(Election e, IReadOnlyList<ElectionCandidate> candidates)
    {
        var rules = ElectionQueries.RulesFor(e);
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
}
