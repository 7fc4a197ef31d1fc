namespace ElectionSystem.Domain.Elections;

/// <summary>
/// Kết quả kiểm phiếu of one round, as the minutes carry it (DOMAIN.md §5) and the recount
/// tool prints it (FORMAT.md, <c>election-result/1</c>).
/// </summary>
/// <param name="Base">What percentages and the bar are measured against: Base, or those present in a nomination poll (FORMAT.md).</param>
/// <param name="Invalid">Invalid ballots per reason; only reasons that occurred.</param>
/// <param name="Candidates">Every candidate, in ballot order.</param>
/// <param name="Elected">Ids of those elected (admitted, in a poll), most votes first.</param>
/// <param name="Tie">Those tied at the cut-off, none of them elected; null when there is no tie.</param>
/// <param name="Vacant">Seats neither filled nor under a tie.</param>
public sealed record ElectionResult(
    int Base,
    int Issued,
    int Collected,
    int Valid,
    IReadOnlyDictionary<InvalidReason, int> Invalid,
    IReadOnlyList<CandidateResult> Candidates,
    IReadOnlyList<string> Elected,
    Tie? Tie,
    int Vacant)
{
    public int InvalidTotal => Invalid.Values.Sum();
}

/// <param name="Percent">Votes as a percentage of Base (of those present in a poll), '.' decimal point.</param>
/// <param name="PassedThreshold">More than half of Base (in a poll: more than 30% of those present).</param>
public sealed record CandidateResult(Candidate Candidate, int Votes, string Percent, bool PassedThreshold)
{
    public string Id => Candidate.Id;
}

/// <summary>
/// Bằng phiếu: candidates over the threshold with equal votes competing for the seats left.
/// Listed in ballot order, as they will stand on the tie-break ballot.
/// </summary>
public sealed record Tie(IReadOnlyList<string> Candidates, int Seats);
