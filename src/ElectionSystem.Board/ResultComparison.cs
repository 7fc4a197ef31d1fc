using System.Text.Json;

namespace ElectionSystem.Board;

/// <summary>The announced result against the count, field by field (JSON values, the order of an object's fields aside).</summary>
internal static class ResultComparison
{
    /// <summary>Null when equal, else the path of the first difference and both values, e.g. <c>.candidates[2].votes: …</c>.</summary>
    public static string? FirstDifference(string announced, string counted)
    {
        using var a = JsonDocument.Parse(announced);
        using var c = JsonDocument.Parse(counted);
        return Compare(a.RootElement, c.RootElement, "");
    }

    private static string? Compare(JsonElement announced, JsonElement counted, string path)
    {
        if (announced.ValueKind != counted.ValueKind)
            return Differs(path, announced, counted);
        switch (counted.ValueKind)
        {
            case JsonValueKind.Object:
                var mine = announced.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
                foreach (var p in counted.EnumerateObject())
                {
                    if (!mine.Remove(p.Name, out var value))
                        return $"{path}.{p.Name}: the board announces nothing; the count gives {Show(p.Value)}";
                    if (Compare(value, p.Value, $"{path}.{p.Name}") is { } d)
                        return d;
                }
                return mine.Count > 0 ? $"{path}.{mine.Keys.First()}: the board announces {Show(mine.Values.First())}; the count has no such field" : null;
            case JsonValueKind.Array:
                var (x, y) = (announced.EnumerateArray().ToList(), counted.EnumerateArray().ToList());
                for (var i = 0; i < Math.Min(x.Count, y.Count); i++)
                {
                    if (Compare(x[i], y[i], $"{path}[{i}]") is { } d)
                        return d;
                }
                return x.Count != y.Count ? $"{path}: the board announces {x.Count} items; the count gives {y.Count}" : null;
            case JsonValueKind.String:
                return announced.GetString() == counted.GetString() ? null : Differs(path, announced, counted);
            case JsonValueKind.Number:
                return announced.GetRawText() == counted.GetRawText()
                    || (announced.TryGetDecimal(out var m) && counted.TryGetDecimal(out var n) && m == n) ? null : Differs(path, announced, counted);
            default:
                return null;
        }
    }

    private static string Differs(string path, JsonElement announced, JsonElement counted) =>
        $"{path}: the board announces {Show(announced)}; the count gives {Show(counted)}";

    private static string Show(JsonElement e)
    {
        var raw = e.GetRawText().ReplaceLineEndings(" ");
        return raw.Length <= 80 ? raw : string.Concat(raw.AsSpan(0, 77), "...");
    }
}
