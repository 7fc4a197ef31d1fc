namespace ElectionSystem.Domain.Elections;

/// <summary>
/// A <see cref="BallotLayout"/> as plain data: what the server hands the tablet as JSON and the
/// proofs read. <c>R, K, W, Lo, Hi</c> are the crypto spec's shape (R rows, K options, weight w,
/// the range [lo, hi] of <c>Σ rows − w · option₀</c>); the rest says what rows and options mean.
/// </summary>
/// <param name="R">Rows: one per name, in ballot order.</param>
/// <param name="K">Options: index 0 = valid, then the invalid reasons of this list.</param>
/// <param name="W">Weight of option 0 in the constraint.</param>
/// <param name="Marking">How the ballot is marked: <c>strike-out</c> (list with surplus) or <c>marks</c> (đồng ý / không đồng ý per row).</param>
/// <param name="RowMeaning">What a row's 1 means: <c>kept</c> or <c>agree</c>.</param>
/// <param name="Seats">Seats of the round (0 in a nomination poll).</param>
/// <param name="CandidateIds">The R candidate ids, row by row.</param>
/// <param name="Options">The K options, in order.</param>
public sealed record BallotLayoutDescription(
    int R,
    int K,
    int W,
    int Lo,
    int Hi,
    string Marking,
    string RowMeaning,
    int Seats,
    IReadOnlyList<string> CandidateIds,
    IReadOnlyList<BallotOptionDescription> Options);

/// <param name="Index">Its place among the options (0 = valid).</param>
/// <param name="Code"><c>valid</c>, <c>too-many-kept</c>, <c>all-struck</c> or <c>neither-or-both</c>.</param>
/// <param name="Rule">DOMAIN.md §4.2 rule number; null for valid.</param>
/// <param name="Reason">The reason's word in <c>election-record/1</c> (<c>over-seats</c>, …); null for valid.</param>
/// <param name="Explanation">The Vietnamese sentence for the tablet's confirmation.</param>
public sealed record BallotOptionDescription(int Index, string Code, int? Rule, string? Reason, string Explanation);
