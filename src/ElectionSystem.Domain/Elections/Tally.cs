namespace ElectionSystem.Domain.Elections;

/// <summary>
/// The count of one round: ballots collected (thu vào), valid (hợp lệ), invalid per reason, and
/// votes per candidate — counted only from valid ballots (DOMAIN.md §4.3).
/// </summary>
/// <param name="Votes">Votes per candidate, in the round's ballot order.</param>
public sealed record Tally(int Collected, int Valid, IReadOnlyDictionary<InvalidReason, int> Invalid, IReadOnlyList<int> Votes)
{
    public int InvalidTotal => Collected - Valid;

    public static Tally Count(ElectionRound round, IEnumerable<Ballot> ballots)
    {
        var candidates = round.InBallotOrder;
        var index = new Dictionary<string, int>(candidates.Count, StringComparer.Ordinal);
        for (var i = 0; i < candidates.Count; i++) index[candidates[i].Id] = i;

        var invalid = new int[Enum.GetValues<InvalidReason>().Length];
        // On a struck-out list each valid ballot is a vote for every name it leaves: count the
        // valid struck ballots once and subtract the strikes, instead of touching every name.
        var validStruck = 0;
        var struckOut = new int[candidates.Count];
        var agree = new int[candidates.Count];
        var collected = 0;
        var valid = 0;
        var seen = new HashSet<int>();

        foreach (var ballot in ballots)
        {
            collected++;
            var reason = round.Check(ballot.Content);
            if (reason is { } r)
            {
                invalid[(int)r]++;
                continue;
            }
            valid++;
            switch (ballot.Content)
            {
                case BallotContent.Struck struck:
                    validStruck++;
                    seen.Clear();
                    foreach (var id in struck.Ids)
                    {
                        var i = index[id];
                        if (seen.Add(i)) struckOut[i]++;
                    }
                    break;
                case BallotContent.Marks marks:
                    foreach (var (id, mark) in marks.ByCandidate)
                    {
                        if (mark == Mark.Agree) agree[index[id]]++;
                    }
                    break;
            }
        }

        var votes = new int[candidates.Count];
        for (var i = 0; i < votes.Length; i++) votes[i] = validStruck - struckOut[i] + agree[i];
        var byReason = Enum.GetValues<InvalidReason>()
            .Where(r => invalid[(int)r] > 0)
            .ToDictionary(r => r, r => invalid[(int)r]);
        return new Tally(collected, valid, byReason, votes);
    }
}
