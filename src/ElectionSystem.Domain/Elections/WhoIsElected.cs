namespace ElectionSystem.Domain.Elections;

/// <summary>
/// Người trúng cử (DOMAIN.md §4.3): elected ⇔ more than half of Base <b>and</b> within the seats
/// when candidates are sorted by votes, highest first.
/// </summary>
public static class WhoIsElected
{
    public sealed record Outcome(IReadOnlyList<string> Elected, Tie? Tie, int Vacant);

    /// <param name="candidates">The count per candidate, in ballot order.</param>
    public static Outcome Decide(IReadOnlyList<CandidateResult> candidates, int seats)
    {
        // Stable sort: equal votes keep ballot order, so the list of the elected is the same on
        // every recount.
        var passed = candidates.Where(c => c.PassedThreshold).OrderByDescending(c => c.Votes).ToList();
        if (passed.Count <= seats)
        {
            return new Outcome(passed.Select(c => c.Id).ToList(), null, seats - passed.Count);
        }

        // More passed than there are seats: the cut-off is the votes of the last seat. When the
        // next candidate has the same votes the seat cannot be given by the ballot: nobody at
        // the cut-off is elected, and a tie-break round among exactly them decides.
        var cutOff = passed[seats - 1].Votes;
        if (passed[seats].Votes < cutOff)
        {
            return new Outcome(passed.Take(seats).Select(c => c.Id).ToList(), null, 0);
        }
        var elected = passed.Where(c => c.Votes > cutOff).Select(c => c.Id).ToList();
        var tied = candidates.Where(c => c.PassedThreshold && c.Votes == cutOff).Select(c => c.Id).ToList();
        var tie = new Tie(tied, seats - elected.Count);
        return new Outcome(elected, tie, seats - elected.Count - tie.Seats);
    }

    /// <summary>
    /// A nomination poll elects nobody: it admits every nominee over 30% of those present, so
    /// there is no cut-off, no tie and no vacancy (FORMAT.md).
    /// </summary>
    public static Outcome AdmittedByPoll(IReadOnlyList<CandidateResult> nominees) =>
        new(nominees.Where(c => c.PassedThreshold).OrderByDescending(c => c.Votes).Select(c => c.Id).ToList(), null, 0);
}
