namespace ElectionSystem.Domain.Elections;

/// <summary>
/// The count of one round: ballots collected (thu vào), valid (hợp lệ), invalid per reason, and
/// votes per candidate — counted only from valid ballots (DOMAIN.md §4.3).
/// </summary>
/// <param name="Votes">Votes per candidate, in the round's ballot order.</param>
public sealed record Tally(int Collected, int Valid, IReadOnlyDictionary<InvalidReason, int> Invalid, IReadOnlyList<int> Votes)
{
    public int InvalidTotal => Collected - Valid;

    /// <summary>
    /// Two parts of one round's ballots counted together, e.g. the decrypted tablet ballots and the
    /// paper ballots of a mixed round (DOMAIN.md §6: both count the same way, and a round may mix them).
    /// </summary>
    public Tally Plus(Tally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Votes.Count != Votes.Count)
        {
            throw new ArgumentException($"The tallies have {Votes.Count} and {other.Votes.Count} rows: not the same list.", nameof(other));
        }
        var invalid = Invalid.Keys.Union(other.Invalid.Keys)
            .ToDictionary(r => r, r => Invalid.GetValueOrDefault(r) + other.Invalid.GetValueOrDefault(r));
        return new Tally(Collected + other.Collected, Valid + other.Valid, invalid, Votes.Zip(other.Votes, (a, b) => a + b).ToList());
    }

    public static Tally Count(ElectionRound round, IEnumerable<Ballot> ballots)
    {
        var candidates = round.InBallotOrder;
        var n = candidates.Count;
        var index = new Dictionary<string, int>(n, StringComparer.Ordinal);
        for (var i = 0; i < n; i++) index[candidates[i].Id] = i;

        var invalid = new int[Enum.GetValues<InvalidReason>().Length];
        // On a struck-out list each valid ballot is a vote for every name it leaves: count the
        // valid struck ballots once and subtract the strikes, instead of touching every name.
        var validStruck = 0;
        var struckOut = new int[n];
        var agree = new int[n];
        var collected = 0;
        var valid = 0;
        // Ids are resolved to positions once per ballot; a stamp per position says whether this
        // ballot already named it (a name struck twice is struck once), without a set per ballot.
        var stamp = new int[n];
        var generation = 0;
        var named = new List<int>(n);

        foreach (var ballot in ballots)
        {
            collected++;
            generation++;
            named.Clear();
            var unknown = false;
            Mark? only = null;
            switch (ballot.Content)
            {
                case BallotContent.PaperInvalid paper:
                    invalid[(int)paper.Reason]++;
                    continue;
                case BallotContent.Struck struck:
                    BallotValidity.RequireShape(struck, round.ListKind);
                    foreach (var id in struck.Ids)
                    {
                        if (!index.TryGetValue(id, out var i))
                        {
                            unknown = true;
                        }
                        else if (stamp[i] != generation)
                        {
                            stamp[i] = generation;
                            named.Add(i);
                        }
                    }
                    break;
                case BallotContent.Marks marks:
                    BallotValidity.RequireShape(marks, round.ListKind);
                    foreach (var (id, mark) in marks.ByCandidate)
                    {
                        if (!index.TryGetValue(id, out var i))
                        {
                            unknown = true;
                        }
                        else if (mark == Mark.Agree)
                        {
                            named.Add(i);
                        }
                    }
                    if (n == 1) only = marks.Of(candidates[0].Id);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(ballots), ballot.Content, null);
            }

            var reason = BallotValidity.Decide(round.ListKind, n, round.Seats, unknown, named.Count, only);
            if (reason is { } r)
            {
                invalid[(int)r]++;
                continue;
            }
            valid++;
            if (ballot.Content is BallotContent.Struck)
            {
                validStruck++;
                foreach (var i in named) struckOut[i]++;
            }
            else
            {
                foreach (var i in named) agree[i]++;
            }
        }

        var votes = new int[n];
        for (var i = 0; i < n; i++) votes[i] = validStruck - struckOut[i] + agree[i];
        var byReason = Enum.GetValues<InvalidReason>()
            .Where(r => invalid[(int)r] > 0)
            .ToDictionary(r => r, r => invalid[(int)r]);
        return new Tally(collected, valid, byReason, votes);
    }
}
