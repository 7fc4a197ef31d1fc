using ElectionSystem.Domain.OpenVotes;

namespace ElectionSystem.Domain.Elections;

/// <summary>
/// Danh sách bầu cử being prepared for the first round (DOMAIN.md §4.4). It changes only
/// through the congress's decisions: a withdrawal (xin rút) needs an open vote that passed, a
/// nomination from the floor (ứng cử, đề cử) needs a nomination poll that admitted it.
/// </summary>
public sealed record CandidateList(IReadOnlyList<Candidate> Candidates)
{
    public static CandidateList Empty { get; } = new([]);

    /// <summary>The convening committee's list (danh sách do cấp ủy triệu tập giới thiệu).</summary>
    public static CandidateList FromConveningCommittee(IEnumerable<Candidate> candidates) => new(candidates.ToList());

    /// <summary>
    /// The withdrawal takes effect only when the congress voted for it (2 × for &gt; Base);
    /// otherwise the name stays on the list.
    /// </summary>
    public CandidateList Withdraw(string candidateId, int votesFor, int @base) =>
        OpenVoteRule.Passed(votesFor, @base)
            ? this with { Candidates = Candidates.Where(c => c.Id != candidateId).ToList() }
            : this;

    /// <summary>A nominee enters the list only when more than 30% of those present agreed.</summary>
    public CandidateList Nominate(Candidate nominee, int agree, int present)
    {
        if (!NominationPoll.Admitted(agree, present) || Candidates.Any(c => c.Id == nominee.Id)) return this;
        return this with { Candidates = [.. Candidates, nominee] };
    }

    public CandidateListRules.Verdict CheckForExecutiveCommittee(int seats, SurplusRounding rounding = SurplusRounding.Floor) =>
        CandidateListRules.Check(seats, Candidates.Count, rounding);
}
