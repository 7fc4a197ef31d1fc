// The result types of reading a delegate list (danh sách đại biểu): the rows that were understood
// and every problem found. The import screen shows both as a preview; the commit step writes the
// rows only when there is no problem at all (an import is all or nothing).
using ElectionSystem.Domain.Congress;

namespace ElectionSystem.Server.Features.Import;

/// <summary>What a delegate-list file holds. <see cref="Rows"/> may be partial when there are problems: show them, never commit them.</summary>
public sealed record DelegateListParse(IReadOnlyList<DelegateRow> Rows, IReadOnlyList<ImportProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;
}

/// <summary>
/// One delegate as read from the file. <paramref name="RowNumber"/> is the row as the organiser sees
/// it in Excel (1-based, the header row counted). <paramref name="Code"/> is trimmed and upper-cased:
/// it is the key a re-import updates by.
/// </summary>
public sealed record DelegateRow(
    int RowNumber,
    string Code,
    string FullName,
    DateOnly? BirthDate,
    string Delegation,
    string? Position,
    DelegateCategory Category,
    string? Seat,
    bool ConveningCommitteeMember,
    string? ReplacesCode);

/// <summary>
/// One thing wrong with the file. <paramref name="Message"/> is Vietnamese, for the organiser, and
/// names the row and the column; <paramref name="Code"/> is one of <see cref="ImportProblemCodes"/>,
/// for code and tests.
/// </summary>
public sealed record ImportProblem(int? Row, string? Column, string Message, string Code);

/// <summary>Stable machine codes of <see cref="ImportProblem"/>: the UI may key help texts on them.</summary>
public static class ImportProblemCodes
{
    public const string TooLarge = "too-large";
    public const string EmptyFile = "empty-file";
    public const string UnsupportedFileType = "unsupported-file-type";
    public const string NotASpreadsheet = "not-a-spreadsheet";
    public const string BadEncoding = "bad-encoding";
    public const string BadCsv = "bad-csv";
    public const string TooManyRows = "too-many-rows";
    public const string MissingColumn = "missing-column";
    public const string DuplicateColumn = "duplicate-column";
    public const string MissingValue = "missing-value";
    public const string ValueTooLong = "value-too-long";
    public const string BadCode = "bad-code";
    public const string DuplicateCode = "duplicate-code";
    public const string BadDate = "bad-date";
    public const string BadCategory = "bad-category";
    public const string BadYesNo = "bad-yes-no";
    public const string UnknownReplacedCode = "unknown-replaced-code";
    public const string ReplacesOnNonAlternate = "replaces-on-non-alternate";
    public const string ReplacedNotOfficial = "replaced-not-official";
    public const string DuplicateReplacement = "duplicate-replacement";
    public const string TooManyProblems = "too-many-problems";
    public const string HostileWorkbook = "hostile-workbook";
    public const string TookTooLong = "took-too-long";
}
