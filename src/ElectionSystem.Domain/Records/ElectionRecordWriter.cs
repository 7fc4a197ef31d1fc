using System.Globalization;
using System.Text.Json;
using ElectionSystem.Domain.Elections;

namespace ElectionSystem.Domain.Records;

/// <summary>
/// Writes <c>election-record/1</c> (FORMAT.md) — what the server exports when a round closes.
/// Ballots are written in the order given; the caller must not pass them in casting order
/// (FORMAT.md: the order carries no meaning).
/// </summary>
public static class ElectionRecordWriter
{
    public static string ToJson(ElectionRecord record) => RecordJson.ToText(w => Write(w, record));

    public static void Write(Stream utf8Output, ElectionRecord record) => RecordJson.WriteTo(utf8Output, w => Write(w, record));

    public static void Write(Utf8JsonWriter w, ElectionRecord record)
    {
        w.WriteStartObject();
        w.WriteString("format", ElectionRecord.Format);

        w.WriteStartObject("congress");
        w.WriteString("name", record.Congress.Name);
        w.WriteNumber("summoned", record.Congress.Summoned);
        w.WriteNumber("absentCommitteeMembers", record.Congress.AbsentCommitteeMembers);
        w.WriteNumber("absentWithoutAlternate", record.Congress.AbsentWithoutAlternate);
        if (record.Congress.Present is { } present) w.WriteNumber("present", present);
        w.WriteEndObject();

        w.WriteStartObject("election");
        w.WriteString("kind", record.Election.Kind.ToWire());
        w.WriteString("title", record.Election.Title);
        w.WriteNumber("round", record.Election.Round);
        w.WriteNumber("seats", record.Election.Seats);
        w.WriteNumber("issued", record.Election.Issued);
        w.WriteEndObject();

        w.WriteStartObject("rules");
        w.WriteNumber("percentDecimals", record.Rules.PercentDecimals);
        w.WriteString("percentRounding", record.Rules.PercentRounding.ToWire());
        w.WriteEndObject();

        w.WriteStartArray("candidates");
        foreach (var c in record.Candidates)
        {
            w.WriteStartObject();
            w.WriteString("id", c.Id);
            w.WriteString("fullName", c.FullName);
            if (c.BirthDate is { } b) w.WriteString("birthDate", b.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            if (c.Delegation is { } d) w.WriteString("delegation", d);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("ballots");
        foreach (var b in record.Ballots)
        {
            w.WriteStartObject();
            w.WriteString("id", b.Id);
            w.WriteString("source", b.Source == BallotSource.Tablet ? "tablet" : "paper");
            switch (b.Content)
            {
                case BallotContent.Struck struck:
                    w.WriteStartArray("struck");
                    foreach (var id in struck.Ids) w.WriteStringValue(id);
                    w.WriteEndArray();
                    break;
                case BallotContent.Marks marks:
                    w.WriteStartObject("marks");
                    foreach (var (id, mark) in marks.ByCandidate) w.WriteString(id, mark.ToWire());
                    w.WriteEndObject();
                    break;
                case BallotContent.PaperInvalid invalid:
                    w.WriteString("invalid", invalid.Reason.ToWire());
                    break;
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
