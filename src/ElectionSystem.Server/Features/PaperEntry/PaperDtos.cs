namespace ElectionSystem.Server.Features.PaperEntry;

// What the paper-entry endpoints take and give.

/// <param name="Issued">Số phiếu giấy phát ra.</param>
/// <param name="PaperOnly">Tablets are not used in this round: issued is the paper ballots handed out (plus any tablet ballot).</param>
/// <param name="Bundles">Bundles to create at once, each of <paramref name="BundleSize"/> ballots.</param>
public sealed record OpenPaperRequest(int Issued, bool PaperOnly = false, int Bundles = 0, int BundleSize = 50);

public sealed record SetIssuedRequest(int Issued);

/// <param name="Sizes">One bundle per size, numbered after the existing ones (e.g. [50, 50, 48]).</param>
public sealed record AddBundlesRequest(IReadOnlyList<int> Sizes);

public sealed record StartBundleRequest(int Station);

/// <summary>What the operator typed for one ballot (see <see cref="EntryText"/>).</summary>
public sealed record EnterRequest(string Text);

/// <param name="Text">The content the committee read on the paper, typed as at a station (or /x for another reason).</param>
/// <param name="Reason">Why: required, goes to the audit log and the entry log.</param>
public sealed record ResolveRequest(string Text, string Reason);

public sealed record NameRow(int Stt, string FullName);

/// <summary>The operator's own progress on one bundle (never another station's).</summary>
public sealed record MyBundleDto(int Number, int Size, int? Station, int Entered, bool Finished, IReadOnlyList<int> StationsTaken);

/// <summary>A round open for paper entry, as an entry station sees it.</summary>
public sealed record EntryRoundDto(
    Guid RoundId, string ElectionTitle, string RoundLabel, string ListKind, int Seats, bool EntryAllowed, string? WaitingVi,
    IReadOnlyList<NameRow> Names, IReadOnlyList<MyBundleDto> Bundles);

public sealed record MyEntryDto(int Index, string Text, string Summary);

public sealed record MyBundleEntriesDto(Guid RoundId, int Number, int Size, int Station, bool Finished, IReadOnlyList<MyEntryDto> Entries);

/// <param name="NoteVi">The Domain's verdict on what was typed (e.g. "phiếu để lại nhiều tên hơn…"), a hint to look again — not a refusal.</param>
public sealed record EnteredDto(int Index, string Text, string Summary, string? NoteVi, int Entered, int Size);

public sealed record StationProgressDto(int Station, string Account, int Entered, DateTime StartedAt, DateTime? FinishedAt, int Corrections);

public sealed record BundleStatusDto(int Number, int Size, IReadOnlyList<StationProgressDto> Stations, bool Entered, int Agreed, int Disagreements);

public sealed record StationEntryDto(int Station, string Account, string Text, string Summary);

public sealed record ResolutionDto(string Text, string Summary, string Reason, string DecidedBy, DateTime DecidedAt);

/// <summary>Chênh lệch giữa các lần nhập: the three entries side by side, and the committee's ruling once made.</summary>
public sealed record DisagreementDto(int Bundle, int Index, IReadOnlyList<StationEntryDto> Entries, ResolutionDto? Resolution);

/// <summary>An agreed ballot the committee ruled invalid for a reason its marks do not show.</summary>
public sealed record OverrideDto(int Bundle, int Index, string AgreedText, ResolutionDto Resolution);

/// <summary>The committee's view of a round's paper entry.</summary>
/// <param name="Disagreed">How many positions the three stations keyed differently (a count, shown to every reader of the desk).</param>
/// <param name="ContentsShown">
/// False: <paramref name="Disagreements"/> and <paramref name="Overrides"/> are withheld (empty) — a counting-committee
/// staff account before the announcement sees progress and counts of ballots, not what is on them (<see cref="PaperDeskAccess"/>).
/// </param>
/// <param name="MayDecide">This reader may rule on a ballot and complete the entry: a committee member's own session.</param>
public sealed record PaperStatusDto(
    Guid RoundId, string ElectionTitle, string RoundLabel, string RoundState, string? State, bool PaperOnly, int IssuedPaper,
    int Ballots, int Agreed, IReadOnlyList<BundleStatusDto> Bundles, IReadOnlyList<DisagreementDto> Disagreements,
    IReadOnlyList<OverrideDto> Overrides, IReadOnlyList<string> BlockersVi, int? Counted,
    string? OpenedBy, DateTime? OpenedAt, string? CompletedBy, DateTime? CompletedAt,
    int Disagreed = 0, bool ContentsShown = true, bool MayDecide = false);

/// <param name="StrikeOut">A list with surplus (strike out names); otherwise the four columns with đồng ý / không đồng ý boxes.</param>
public sealed record BallotSheet(string? BodyName, string? CongressOrdinal, string ElectionTitle, string RoundLabel, int Seats, bool StrikeOut,
    IReadOnlyList<NameRow> Names);
