using ElectionSystem.Domain.Congress;
using ElectionSystem.Domain.Names;

namespace ElectionSystem.Domain.Elections;

/// <summary>
/// Một lần bầu: one round of a secret vote — everything its count depends on besides the
/// ballots. Each round is its own ballot with its own minutes (DOMAIN.md §4.3).
/// </summary>
public sealed record ElectionRound
{
    public ElectionRound(
        ElectionKind kind,
        int seats,
        CongressBase @base,
        int issued,
        IReadOnlyList<Candidate> candidates,
        ElectionRules? rules = null,
        int? present = null)
    {
        ArgumentNullException.ThrowIfNull(@base);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentOutOfRangeException.ThrowIfNegative(seats);
        ArgumentOutOfRangeException.ThrowIfNegative(issued);
        if (kind != ElectionKind.NominationPoll && seats == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(seats), "An election needs at least one seat.");
        }
        if (kind == ElectionKind.NominationPoll && present is null)
        {
            throw new ArgumentException("A nomination poll is measured against the delegates present.", nameof(present));
        }
        if (present is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(present));
        }
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in candidates)
        {
            if (!ids.Add(c.Id)) throw new ArgumentException($"Two candidates share the id '{c.Id}'.", nameof(candidates));
        }

        Kind = kind;
        Seats = seats;
        Base = @base;
        Issued = issued;
        Rules = rules ?? ElectionRules.Default;
        Present = present;
        CandidateIds = ids;
        InBallotOrder = new BallotOrder(Rules.BirthDateOrder).SortItems(candidates, c => c.FullName, c => c.BirthDate);
        ListKind = ListKinds.Of(kind, candidates.Count, seats);
    }

    public ElectionKind Kind { get; }

    /// <summary>Seats to fill in this round (ignored by a nomination poll).</summary>
    public int Seats { get; }

    public CongressBase Base { get; }

    /// <summary>Phiếu phát ra.</summary>
    public int Issued { get; }

    public ElectionRules Rules { get; }

    /// <summary>Delegates present: the measure of a nomination poll.</summary>
    public int? Present { get; }

    /// <summary>The list in Vietnamese ballot order (DOMAIN.md §4.1).</summary>
    public IReadOnlyList<Candidate> InBallotOrder { get; }

    public IReadOnlySet<string> CandidateIds { get; }

    public ListKind ListKind { get; }

    /// <summary>What percentages and admission are measured against: Base, or those present in a poll.</summary>
    public int Measure => Kind == ElectionKind.NominationPoll ? Present!.Value : Base.Value;

    /// <summary>
    /// Whether a candidate's votes pass the round's bar: more than half of Base (DOMAIN.md §4.3), or,
    /// in a nomination poll, more than 30% of those present.
    /// </summary>
    public bool Passes(int votes) =>
        Kind == ElectionKind.NominationPoll ? NominationPoll.Admitted(votes, Measure) : Threshold.Passed(votes, Base.Value);

    public InvalidReason? Check(BallotContent content) => BallotValidity.Check(content, ListKind, CandidateIds, Seats);

    /// <summary>Kiểm phiếu: counts the ballots and decides who is elected.</summary>
    public ElectionResult Count(IEnumerable<Ballot> ballots) => Count(Tally.Count(this, ballots));

    /// <summary>
    /// Decides who is elected from a round's totals: a <see cref="Tally"/> counted from ballots, decoded
    /// from the decrypted sum of encrypted ones (<see cref="BallotLayout.Decode"/>), or the two added up.
    /// </summary>
    public ElectionResult Count(Tally tally)
    {
        ArgumentNullException.ThrowIfNull(tally);
        if (tally.Votes.Count != InBallotOrder.Count)
        {
            throw new ArgumentException($"The tally has {tally.Votes.Count} rows; the list has {InBallotOrder.Count} names.", nameof(tally));
        }
        var rows = InBallotOrder
            .Select((c, i) => new CandidateResult(
                c,
                tally.Votes[i],
                Percentage.Of(tally.Votes[i], Measure, Rules.PercentDecimals, Rules.PercentRounding),
                Passes(tally.Votes[i])))
            .ToList();
        var outcome = Kind == ElectionKind.NominationPoll
            ? WhoIsElected.AdmittedByPoll(rows)
            : WhoIsElected.Decide(rows, Seats);
        return new ElectionResult(
            Measure, Issued, tally.Collected, tally.Valid, tally.Invalid, rows, outcome.Elected, outcome.Tie, outcome.Vacant);
    }
}
