namespace ElectionSystem.Server.Features.Elections;

// What the election endpoints take and give. Entities never leave the server as they are.

public sealed record CreateElectionRequest(string Kind, string Title, int Seats, int AlternateSeats = 0, string? SeatsSetByVote = null);

public sealed record AddCandidateRequest(string FullName, DateOnly? BirthDate = null, string? Delegation = null, Guid? DelegateId = null);

/// <summary>A withdrawal decided by an open vote of the congress: the server reads that vote's recorded result.</summary>
public sealed record WithdrawRequest(Guid OpenVoteId);

/// <summary>A nominee admitted by a nomination poll round (its announced result must admit them).</summary>
public sealed record AdmitNomineeRequest(Guid PollRoundId, string PollCandidateId);

/// <summary>Create the round the rule book says comes next; another round needs the open vote that decided it.</summary>
public sealed record CreateRoundRequest(Guid? DecidingVoteId = null);

public sealed record CandidateDto(Guid Id, string BallotId, string FullName, DateOnly? BirthDate, string? Delegation, string Status, string? DecidedBy);

public sealed record RoundSummaryDto(Guid Id, int Number, string Purpose, string Kind, int Seats, string State, string Label, string? RecordSha256);

public sealed record ElectionDto(Guid Id, string Kind, string Title, int Seats, int AlternateSeats, string? SeatsSetByVote,
    IReadOnlyList<CandidateDto> Candidates, IReadOnlyList<RoundSummaryDto> Rounds, ElectionListDto? List = null);

/// <summary>
/// The list as the first ballot will print it (names not withdrawn, in ballot order, Domain's
/// collation) and the surplus rule's verdict on it (executive committee only; null otherwise),
/// so the presidium sees both before it creates the first round.
/// </summary>
public sealed record ElectionListDto(IReadOnlyList<ListedName> InBallotOrder, bool? SurplusAllowed, string MessageVi);

public sealed record ListedName(Guid CandidateId, int Stt, string FullName, string? Delegation, int? BirthYear, string Status);

/// <summary>
/// What comes next for an election, from Domain's NextStep: first-round, tie-break, another-round
/// (needs an open vote), alternates, passed-as-alternates (a proposal for the congress), wait (a
/// round is not yet announced) or none.
/// </summary>
public sealed record NextStepDto(string Step, IReadOnlyList<NamedId> Candidates, int Seats, bool NeedsDecision, string MessageVi);

public sealed record NamedId(string Id, string FullName);

/// <summary>A ballot as the tablet draws it: names in ballot order (Domain), the list kind, seats.</summary>
/// <param name="Encryption">An encrypted round: what the tablet encrypts and proves against; null for a plaintext round.</param>
public sealed record BallotView(Guid RoundId, string ElectionTitle, int RoundNumber, string RoundLabel, string ListKind, int Seats,
    IReadOnlyList<BallotName> Names, bool Voted, RoundEncryption? Encryption = null);

public sealed record BallotName(string Id, int Stt, string FullName, string? Delegation, int? BirthYear);

/// <summary>The tablet's view: the open round (if any) and the last announced round (to check one's receipt).</summary>
public sealed record TabletBallotState(BallotView? Ballot, Guid? LastAnnouncedRoundId);

/// <summary>A draft from the tablet. <c>Struck</c> on a list with surplus, <c>Marks</c> (id → agree/disagree/none/both) otherwise.</summary>
/// <param name="Encrypted">An encrypted round only: the ballot's wire JSON as the cast will send it, its proofs checked ahead of the cast.</param>
public sealed record BallotRequest(IReadOnlyList<string>? Struck, IReadOnlyDictionary<string, string>? Marks,
    System.Text.Json.JsonElement? Encrypted = null);

/// <param name="Key">The tablet's random submission key, resent unchanged until acknowledged.</param>
/// <param name="AcceptInvalid">The rule the delegate confirmed breaking (e.g. "over-seats"), for a deliberately invalid ballot.</param>
/// <param name="Encrypted">An encrypted round only: the ballot's wire JSON (docs/verifiable-ballot.md), instead of Struck/Marks.</param>
public sealed record CastRequest(string Key, IReadOnlyList<string>? Struck, IReadOnlyDictionary<string, string>? Marks, string? AcceptInvalid = null,
    System.Text.Json.JsonElement? Encrypted = null);

public sealed record BallotCheck(bool Valid, string? Reason, string? MessageVi, int Retained, int Seats);

public sealed record CastReceipt(string Receipt, bool AlreadyRecorded, string MessageVi);

public sealed record TurnoutRow(Guid RoundId, string ElectionTitle, string RoundLabel, int Issued, int Collected, string TextVi);

/// <summary>Hub TurnoutChanged: issued / collected of every open round (never anything of the tally).</summary>
public sealed record ElectionTurnout(long Version, IReadOnlyList<TurnoutRow> Rounds);

/// <summary>Hub RoundOpened / RoundClosed: which round changed; clients refetch their view.</summary>
public sealed record RoundSignal(Guid RoundId, Guid ElectionId, string State, string ElectionTitle, string RoundLabel);

public sealed record InvalidCount(string Reason, string LabelVi, int Count);

public sealed record CandidateResultDto(string Id, int Stt, string FullName, int Votes, string PercentVi, bool PassedThreshold, bool Elected, bool Tied);

public sealed record ElectedDto(int Rank, string Id, string FullName, int Votes, string PercentVi);

/// <summary>The counted result of a round in the words of the minutes and the projector.</summary>
public sealed record RoundResultDto(
    Guid RoundId, Guid ElectionId, string ElectionTitle, int RoundNumber, string RoundLabel, string Kind, int Seats,
    int Base, int Issued, int Collected, int Valid, int Invalid, IReadOnlyList<InvalidCount> InvalidByReason,
    IReadOnlyList<CandidateResultDto> Candidates, IReadOnlyList<ElectedDto> Elected,
    IReadOnlyList<string> TiedNames, int TieSeats, string? TieStatementVi, int Vacant, string? VacancyStatementVi,
    string Order, DateTime? AnnouncedAt);

public sealed record Confirmation(string By, DateTime At);

/// <summary>The counting committee's view of one round.</summary>
public sealed record CommitteeRoundDto(
    Guid RoundId, Guid ElectionId, string ElectionTitle, int RoundNumber, string RoundLabel, string State, int Seats,
    int Issued, int Collected, IReadOnlyList<string> Voters, IReadOnlyList<string> NotVoted, RoundResultDto? Result, IReadOnlyList<Confirmation> Confirmations,
    string? RecordSha256, NextStepDto? NextStep);

public sealed record AnnounceRequest(string? Order = "ballot");

public sealed record CommitteeMemberDto(string FullName, bool IsChair, Guid? DelegateId = null, string? Code = null);

/// <summary>One member as the presidium sets the list: a delegate, and whether they chair.</summary>
public sealed record CommitteeMemberChoice(Guid DelegateId, bool IsChair);

/// <summary>The counting committee as the congress elected it: the open vote that passed, and its members (delegates).</summary>
public sealed record SetCommitteeRequest(Guid OpenVoteId, List<CommitteeMemberChoice> Members);

/// <summary>
/// What the election projector shows: turnout of open rounds, the latest announced result, and its
/// election's combined result when that election has more than one announced round (officials and
/// alternates, or a round and its tie-break; <see cref="ElectionOutcome.CombinedAsync"/>).
/// </summary>
public sealed record ElectionProjectorState(ElectionTurnout Turnout, RoundResultDto? Announced, IReadOnlyList<string> Receipts,
    ElectionOutcomeDto? Combined = null);

/// <summary>The announce call's answer (counting committee): the whole result, the published receipt codes, the election's combined result (if several rounds).</summary>
public sealed record ResultsAnnounced(RoundResultDto Result, IReadOnlyList<string> Receipts, ElectionOutcomeDto? Combined = null);

/// <summary>
/// Hub ResultsAnnounced, to screens and staff: the result without the receipt codes (1,600 codes are
/// ~20 KB per connection; no screen shows them — a delegate checks theirs via GET …/receipts), and
/// the election's combined result once it has more than one announced round (the projector shows it).
/// </summary>
public sealed record AnnouncedResult(RoundResultDto Result, ElectionOutcomeDto? Combined = null);
