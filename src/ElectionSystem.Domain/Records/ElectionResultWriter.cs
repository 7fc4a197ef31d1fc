using System.Text.Json;
using ElectionSystem.Domain.Elections;

namespace ElectionSystem.Domain.Records;

/// <summary>Writes a round's result as <c>election-result/1</c> (FORMAT.md), properties in the examples' order.</summary>
public static class ElectionResultWriter
{
    public const string Format = "election-result/1";

    public static string ToJson(ElectionResult result) => RecordJson.ToText(w => Write(w, result));

    public static void Write(Stream utf8Output, ElectionResult result) => RecordJson.WriteTo(utf8Output, w => Write(w, result));

    public static void Write(Utf8JsonWriter w, ElectionResult result)
    {
        w.WriteStartObject();
        w.WriteString("format", Format);
        w.WriteNumber("base", result.Base);
        w.WriteNumber("issued", result.Issued);
        w.WriteNumber("collected", result.Collected);
        w.WriteNumber("valid", result.Valid);
        w.WriteStartObject("invalid");
        w.WriteNumber("total", result.InvalidTotal);
        // Only the reasons that occurred, as in the examples.
        foreach (var reason in InvalidReasonWire.ResultOrder)
        {
            if (result.Invalid.TryGetValue(reason, out var n) && n > 0) w.WriteNumber(reason.ToWire(), n);
        }
        w.WriteEndObject();
        w.WriteStartArray("candidates");
        foreach (var c in result.Candidates)
        {
            w.WriteStartObject();
            w.WriteString("id", c.Id);
            w.WriteString("fullName", c.Candidate.FullName);
            w.WriteNumber("votes", c.Votes);
            w.WriteString("percent", c.Percent);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("elected");
        foreach (var id in result.Elected) w.WriteStringValue(id);
        w.WriteEndArray();
        if (result.Tie is { } tie)
        {
            w.WriteStartObject("tie");
            w.WriteStartArray("candidates");
            foreach (var id in tie.Candidates) w.WriteStringValue(id);
            w.WriteEndArray();
            w.WriteNumber("seats", tie.Seats);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("tie");
        }
        w.WriteNumber("vacant", result.Vacant);
        w.WriteEndObject();
    }
}
