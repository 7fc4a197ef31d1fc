using ElectionSystem.Domain.Congress;
using ElectionSystem.Domain.Elections;

namespace ElectionSystem.Domain.Records;

/// <summary>
/// Biên bản điện tử of one round, format <c>election-record/1</c> (FORMAT.md): everything its
/// result depends on and nothing that could identify a voter. The counting committee archives
/// it; anyone may recount it.
/// </summary>
public sealed record ElectionRecord(
    RecordCongress Congress,
    RecordElection Election,
    ElectionRules Rules,
    IReadOnlyList<Candidate> Candidates,
    IReadOnlyList<Ballot> Ballots)
{
    public const string Format = "election-record/1";

    public CongressBase Base => new(Congress.Summoned, Congress.AbsentCommitteeMembers, Congress.AbsentWithoutAlternate);

    public ElectionRound ToRound() =>
        new(Election.Kind, Election.Seats, Base, Election.Issued, Candidates, Rules, Congress.Present);

    /// <summary>Recounts the round from its ballots.</summary>
    public ElectionResult Count() => ToRound().Count(Ballots);
}

/// <summary>The congress as far as a round's count needs it: the inputs of Base (DOMAIN.md §2).</summary>
/// <param name="Present">Delegates present; required for a nomination poll, which is measured against it.</param>
public sealed record RecordCongress(string Name, int Summoned, int AbsentCommitteeMembers, int AbsentWithoutAlternate, int? Present = null);

/// <param name="Seats">Seats of this round; ignored (and may be 0) for a nomination poll.</param>
/// <param name="Issued">Phiếu phát ra; the ballots collected are the ballots in the record.</param>
public sealed record RecordElection(ElectionKind Kind, string Title, int Round, int Seats, int Issued);
