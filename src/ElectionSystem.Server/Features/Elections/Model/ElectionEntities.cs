namespace ElectionSystem.Server.Features.Elections;

/// <summary>
/// Bầu cử: one secret election (executive committee, delegation, another body, or a nomination
/// opinion poll). Its list and rounds hang off it; each round is its own ballot and minutes.
/// </summary>
public sealed class Election
{
    public Guid Id { get; set; }

    /// <summary>One of <see cref="ElectionKinds"/>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>"Bầu Ban Chấp hành Đảng bộ … khóa …, nhiệm kỳ …".</summary>
    public string Title { get; set; } = "";

    /// <summary>Số lượng cần bầu (the delegation's official delegates; ignored by a poll).</summary>
    public int Seats { get; set; }

    /// <summary>Alternates allocated from above (delegation only).</summary>
    public int AlternateSeats { get; set; }

    /// <summary>The open vote that set the seats (a reference, not a key: open votes live in their own feature).</summary>
    public string? SeatsSetByVote { get; set; }

    public DateTime CreatedAt { get; set; }
}

public static class ElectionKinds
{
    public const string ExecutiveCommittee = "executive-committee";
    public const string Delegation = "delegation";
    public const string Other = "other";
    public const string NominationPoll = "nomination-poll";

    public static readonly IReadOnlyList<string> All = [ExecutiveCommittee, Delegation, Other, NominationPoll];
}

/// <summary>A name on an election's list. Its <see cref="Number"/> gives the id "c{Number}" used on ballots and in the record.</summary>
public sealed class ElectionCandidate
{
    public Guid Id { get; set; }
    public Guid ElectionId { get; set; }
    public int Number { get; set; }
    public Guid? DelegateId { get; set; }
    public string FullName { get; set; } = "";
    public DateOnly? BirthDate { get; set; }
    public string? Delegation { get; set; }

    /// <summary>listed (convening committee's list), admitted (by a nomination poll), withdrawn (by an open vote).</summary>
    public string Status { get; set; } = CandidateStatus.Listed;

    /// <summary>The decision that changed the status: an open vote reference, or "poll-round:{id}".</summary>
    public string? DecidedBy { get; set; }

    public string BallotId => "c" + Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public static class CandidateStatus
{
    public const string Listed = "listed";
    public const string Admitted = "admitted";
    public const string Withdrawn = "withdrawn";
}

/// <summary>Lần bầu. The tally is invisible until <see cref="RoundState.Closed"/>, and public only when announced.</summary>
public sealed class ElectionRoundRow
{
    public Guid Id { get; set; }
    public Guid ElectionId { get; set; }
    public int Number { get; set; }

    /// <summary>main, tie-break, another-round, alternates.</summary>
    public string Purpose { get; set; } = RoundPurposes.Main;

    /// <summary>The record's kind (election-record/1 wording).</summary>
    public string Kind { get; set; } = "";

    public int Seats { get; set; }
    public RoundState State { get; set; } = RoundState.Draft;

    /// <summary>The open vote that decided to hold this round (another round after vacancies).</summary>
    public string? DecidedBy { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? OpenedAt { get; set; }
    public DateTime? ClosedAt { get; set; }

    /// <summary>Phát ra on tablets, fixed at close: eligible delegates present while open (∪ those who voted).</summary>
    public int Issued { get; set; }

    /// <summary>Paper ballots handed out, as the counting committee records them (0 in a tablet-only round).</summary>
    public int IssuedPaper { get; set; }

    /// <summary>Present at the vote (at close), and the inputs of Base then: printed on the minutes.</summary>
    public int Present { get; set; }
    public int Summoned { get; set; }
    public int AbsentCommitteeMembers { get; set; }
    public int AbsentWithoutAlternate { get; set; }

    /// <summary>The election-record/1 export written at close, and its SHA-256 (also in the audit log).</summary>
    public string? RecordJson { get; set; }
    public string? RecordSha256 { get; set; }

    /// <summary>election-result/1 snapshot at close.</summary>
    public string? ResultJson { get; set; }

    public string? FirstConfirmedBy { get; set; }
    public DateTime? FirstConfirmedAt { get; set; }
    public string? SecondConfirmedBy { get; set; }
    public DateTime? SecondConfirmedAt { get; set; }

    public DateTime? AnnouncedAt { get; set; }
    public string? AnnouncedBy { get; set; }

    /// <summary>"ballot" or "votes": the order the projector shows the results in.</summary>
    public string ResultOrder { get; set; } = "ballot";

    /// <summary>Per-round HMAC key of the receipt codes (random, 32 bytes).</summary>
    public byte[] RoundSecret { get; set; } = [];
}

/// <summary>Where a round is in its life: draft → open → closed (counted) → confirmed (twice) → announced.</summary>
public enum RoundState { Draft, Open, Closed, Confirmed, Announced }

/// <summary>The words the API uses for <see cref="RoundState"/> (<c>state.Word()</c>).</summary>
public static class RoundStates
{
    public const string Draft = "draft";
    public const string Open = "open";
    public const string Closed = "closed";
    public const string Confirmed = "confirmed";
    public const string Announced = "announced";
}

public static class RoundPurposes
{
    public const string Main = "main";
    public const string TieBreak = "tie-break";
    public const string AnotherRound = "another-round";
    public const string Alternates = "alternates";
}

/// <summary>Who stands in a round (the list of that ballot).</summary>
public sealed class RoundCandidate
{
    public Guid RoundId { get; set; }
    public Guid CandidateId { get; set; }
}

/// <summary>
/// Phiếu bầu as stored: a random id, the round, how it came, its content. Nothing else — no
/// delegate, tablet, time, sequence or receipt. A WITHOUT ROWID table clustered on the round and
/// the random id (see <see cref="ElectionSchema"/> and docs/decisions/0001-ballot-secrecy.md).
/// </summary>
public sealed class StoredBallot
{
    public string Id { get; set; } = "";
    public Guid RoundId { get; set; }

    /// <summary>tablet or paper; encrypted: a tablet ballot of an encrypted round, Id = its tracker, Content = its wire JSON.</summary>
    public string Source { get; set; } = "tablet";

    /// <summary>Canonical JSON of the Domain BallotContent (<see cref="BallotJson"/>).</summary>
    public string Content { get; set; } = "";
}

/// <summary>
/// "Delegate D voted in round R" — written in the same transaction as the ballot, apart from it.
/// Holds SHA-256 of the tablet's idempotency key so a resend is recognised; never the ballot id
/// or the receipt.
/// </summary>
public sealed class Participation
{
    public Guid RoundId { get; set; }
    public Guid DelegateId { get; set; }
    public string KeyHash { get; set; } = "";
}

/// <summary>Mã biên nhận: the receipt codes of a round, with no link to ballot or delegate (WITHOUT ROWID, clustered on the code).</summary>
public sealed class Receipt
{
    public Guid RoundId { get; set; }
    public string Code { get; set; } = "";

    /// <summary>
    /// Random, only to keep two equal codes apart: codes are 40 bits, so two ballots of a round may
    /// (rarely, ~1 in a million at 1,600) share one, and each must still be stored and published.
    /// </summary>
    public string Nonce { get; set; } = "";
}

/// <summary>
/// Thành viên Ban Kiểm phiếu, as printed on the minutes (chair first): a delegate elected by the
/// congress's open vote (ADR 0010), set by the presidium. The name is the delegate's, copied when set.
/// </summary>
public sealed class CountingCommitteeMember
{
    public Guid Id { get; set; }
    public int Order { get; set; }
    public string FullName { get; set; } = "";
    public bool IsChair { get; set; }

    /// <summary>The member's delegate record (they sign in with its badge or code and PIN); null only in lists set before ADR 0010.</summary>
    public Guid? DelegateId { get; set; }

    /// <summary>The open vote that elected the committee.</summary>
    public Guid? ElectedByOpenVoteId { get; set; }

    /// <summary>
    /// Every member session carries it; a new one (sign-out, new activation code, a new list) ends
    /// every token and cookie of the member at once (Duties/CommitteeMemberSessions).
    /// </summary>
    public string SecurityStamp { get; set; } = Data.Account.NewStamp();

    /// <summary>SHA-256 of the one-time activation code the presidium handed out (the code itself is never kept); null once used.</summary>
    public string? ActivationHash { get; set; }

    public DateTime? ActivationExpiresAt { get; set; }

    /// <summary>The member's own committee passphrase (PBKDF2, as staff passwords), set at the first sign-in; null until activated.</summary>
    public string? PassphraseHash { get; set; }

    /// <summary>Wrong activation codes and passphrases in a row, and the wait they started (ADR 0009's schedule).</summary>
    public int FailedSecretAttempts { get; set; }

    public DateTime? SecretBackOffUntil { get; set; }
}
