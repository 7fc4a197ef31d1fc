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

        WriteRound(w, record.Congress, record.Election, record.Rules, record.Candidates);

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

    /// <summary>
    /// The round's congress, election, rules and candidates, as <c>election-record/1</c> writes them
    /// (<c>election-board/1</c> writes its round with the same fields).
    /// </summary>
    public static void WriteRound(Utf8JsonWriter w, RecordCongress congress, RecordElection election, ElectionRules rules, IEnumerable<Candidate> candidates)
    {
        w.WriteStartObject("congress");
        w.WriteString("name", congress.Name);
        w.WriteNumber("summoned", congress.Summoned);
        w.WriteNumber("absentCommitteeMembers", congress.AbsentCommitteeMembers);
        w.WriteNumber("absentWithoutAlternate", congress.AbsentWithoutAlternate);
        if (congress.Present is { } present) w.WriteNumber("present", present);
        w.WriteEndObject();

        w.WriteStartObject("election");
        w.WriteString("kind", election.Kind.ToWire());
        w.WriteString("title", election.Title);
        w.WriteNumber("round", election.Round);
        w.WriteNumber("seats", election.Seats);
        w.WriteNumber("issued", election.Issued);
        w.WriteEndObject();

        w.WriteStartObject("rules");
        w.WriteNumber("percentDecimals", rules.PercentDecimals);
        w.WriteString("percentRounding", rules.PercentRounding.ToWire());
        w.WriteEndObject();

        w.WriteStartArray("candidates");
        foreach (var c in candidates)
        {
            w.WriteStartObject();
            w.WriteString("id", c.Id);
            w.WriteString("fullName", c.FullName);
            if (c.BirthDate is { } b) w.WriteString("birthDate", b.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            if (c.Delegation is { } d) w.WriteString("delegation", d);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
