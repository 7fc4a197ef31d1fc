namespace ElectionSystem.Domain.Records;

/// <summary>
/// Why a record is refused rather than counted (FORMAT.md "Well-formed"): the JSON path of the
/// first problem and what is wrong with it.
/// </summary>
public sealed record MalformedRecord(string Path, string Problem)
{
    public string Message => $"{Path}: {Problem}";

    public override string ToString() => Message;
}

/// <summary>The outcome of reading a record: the record, or the first problem found.</summary>
public sealed record RecordReading(ElectionRecord? Record, MalformedRecord? Malformed)
{
    public bool IsWellFormed => Record is not null;
}
