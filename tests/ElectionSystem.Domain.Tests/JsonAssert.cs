using System.Text.Json.Nodes;

namespace ElectionSystem.Domain.Tests;

/// <summary>Compares JSON by value (property order and layout aside), naming the first difference.</summary>
public static class JsonAssert
{
    public static void Equivalent(string expected, string actual)
    {
        var e = JsonNode.Parse(expected);
        var a = JsonNode.Parse(actual);
        if (!JsonNode.DeepEquals(e, a))
        {
            Assert.Fail($"JSON differs at {FirstDifference(e, a, "$")}\nexpected:\n{expected}\nactual:\n{actual}");
        }
    }

    private static string FirstDifference(JsonNode? e, JsonNode? a, string path)
    {
        switch (e, a)
        {
            case (JsonObject eo, JsonObject ao):
                foreach (var (k, v) in eo)
                {
                    if (!ao.ContainsKey(k)) return $"{path}.{k} (missing)";
                    if (!JsonNode.DeepEquals(v, ao[k])) return FirstDifference(v, ao[k], $"{path}.{k}");
                }
                foreach (var (k, _) in ao)
                {
                    if (!eo.ContainsKey(k)) return $"{path}.{k} (unexpected)";
                }
                return path;
            case (JsonArray ea, JsonArray aa):
                for (var i = 0; i < Math.Min(ea.Count, aa.Count); i++)
                {
                    if (!JsonNode.DeepEquals(ea[i], aa[i])) return FirstDifference(ea[i], aa[i], $"{path}[{i}]");
                }
                return $"{path} (length {ea.Count} vs {aa.Count})";
            default:
                return $"{path}: {e?.ToJsonString() ?? "null"} vs {a?.ToJsonString() ?? "null"}";
        }
    }
}
