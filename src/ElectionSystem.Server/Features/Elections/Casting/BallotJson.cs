using System.Text.Json;
using ElectionSystem.Domain.Elections;

namespace ElectionSystem.Server.Features.Elections;

/// <summary>
/// The canonical stored form of a ballot's content: ids sorted and de-duplicated, so two equal
/// ballots are byte-equal and nothing about the way a tablet sent it (order of taps) survives.
/// <c>{"struck":["c2","c7"]}</c> or <c>{"marks":{"c1":"agree"}}</c> or <c>{"invalid":"added-name"}</c>.
/// </summary>
public static class BallotJson
{
    public static string ToJson(BallotContent content)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            switch (content)
            {
                case BallotContent.Struck s:
                    w.WriteStartArray("struck");
                    foreach (var id in s.Ids.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)) w.WriteStringValue(id);
                    w.WriteEndArray();
                    break;
                case BallotContent.Marks m:
                    w.WriteStartObject("marks");
                    foreach (var (id, mark) in m.ByCandidate.OrderBy(p => p.Key, StringComparer.Ordinal)) w.WriteString(id, mark.ToWire());
                    w.WriteEndObject();
                    break;
                case BallotContent.PaperInvalid p:
                    w.WriteString("invalid", p.Reason.ToWire());
                    break;
            }
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public static BallotContent Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        if (root.TryGetProperty("struck", out var struck))
        {
            return new BallotContent.Struck(struck.EnumerateArray().Select(e => e.GetString()!).ToList());
        }
        if (root.TryGetProperty("marks", out var marks))
        {
            var map = new Dictionary<string, Mark>(StringComparer.Ordinal);
            foreach (var p in marks.EnumerateObject())
            {
                map[p.Name] = MarkWire.TryParse(p.Value.GetString() ?? "", out var mark) ? mark : throw new FormatException("Unknown mark " + p.Value);
            }
            return new BallotContent.Marks(map);
        }
        if (root.TryGetProperty("invalid", out var invalid) && InvalidReasonWire.TryParsePaperReason(invalid.GetString() ?? "", out var reason))
        {
            return new BallotContent.PaperInvalid(reason);
        }
        throw new FormatException("A stored ballot has no content.");
    }
}
