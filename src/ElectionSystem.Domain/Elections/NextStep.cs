namespace ElectionSystem.Domain.Elections;

/// <summary>
/// What a round's result leads to (DOMAIN.md §4.3, §4.5). The result of a round never changes
/// once announced; every further decision is a new round with its own ballot and minutes.
/// </summary>
public abstract record NextStep
{
    private NextStep()
    {
    }

    /// <summary>Nothing more: the seats are filled (or it was a nomination poll).</summary>
    public sealed record None : NextStep;

    /// <summary>
    /// Bầu lại giữa những người bằng phiếu: a round among exactly the tied, for the seats left.
    /// Held without a vote of the congress: it is the election rules' default (DOMAIN.md §4.3).
    /// </summary>
    public sealed record TieBreakRound(IReadOnlyList<string> Candidates, int Seats) : NextStep;

    /// <summary>
    /// Too few elected: the congress decides by open vote whether to hold another round of the
    /// unelected for the seats left, or to stop and leave them vacant.
    /// </summary>
    public sealed record AnotherRoundProposal(IReadOnlyList<string> Candidates, int Seats) : NextStep;

    /// <summary>Ballot 2 of a delegation: the alternates, from the candidates not elected official delegates.</summary>
    public sealed record AlternatesRound(IReadOnlyList<string> Candidates, int Seats) : NextStep;

    /// <summary>
    /// The official round filled its seats and others also passed the threshold; under
    /// <see cref="AlternatesPolicy.ProposePassedAsAlternates"/> the congress decides whether they
    /// become alternates in this vote order instead of holding ballot 2.
    /// </summary>
    public sealed record PassedAsAlternatesProposal(IReadOnlyList<string> Candidates, int Seats) : NextStep;

    public static NextStep After(ElectionRound round, ElectionResult result)
    {
        if (round.Kind == ElectionKind.NominationPoll) return new None();

        var elected = result.Elected.ToHashSet(StringComparer.Ordinal);
        if (result.Tie is { } tie)
        {
            return new TieBreakRound(tie.Candidates, tie.Seats);
        }
        if (result.Vacant > 0)
        {
            var unelected = result.Candidates.Where(c => !elected.Contains(c.Id)).Select(c => c.Id).ToList();
            // With nobody left to vote for, there is no round to propose: the seats stay vacant
            // unless the congress adds names (which is its own decision, DOMAIN.md §4.3).
            return unelected.Count == 0 ? new None() : new AnotherRoundProposal(unelected, result.Vacant);
        }
        if (round.Kind == ElectionKind.DelegationOfficial && round.Rules.AlternateSeats > 0)
        {
            var remaining = result.Candidates.Where(c => !elected.Contains(c.Id)).ToList();
            if (remaining.Count == 0) return new None();
            if (round.Rules.AlternatesPolicy == AlternatesPolicy.ProposePassedAsAlternates)
            {
                var passed = remaining.Where(c => c.PassedThreshold).OrderByDescending(c => c.Votes).Select(c => c.Id).ToList();
                if (passed.Count > 0)
                {
                    return new PassedAsAlternatesProposal(passed.Take(round.Rules.AlternateSeats).ToList(), round.Rules.AlternateSeats);
                }
            }
            return new AlternatesRound(remaining.Select(c => c.Id).ToList(), round.Rules.AlternateSeats);
        }
        return new None();
    }
}
