using System.Text.Json;

namespace ElectionSystem.Domain.Records;

/// <summary>The strict JSON reading under <see cref="ElectionRecordReader"/>: every helper names the path of what it reads.</summary>
public static partial class ElectionRecordReader
{
    private static MalformedException Bad(string path, string problem) => new(path, problem);

    private sealed class MalformedException(string path, string problem) : Exception(problem)
    {
        public MalformedRecord Malformed { get; } = new(path, problem);
    }

    private static Dictionary<string, JsonElement> Object(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Bad(path, $"must be an object, got {Raw(element)}");
        }
        var properties = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var p in element.EnumerateObject())
        {
            if (!properties.TryAdd(p.Name, p.Value))
            {
                throw Bad(path == "$" ? p.Name : $"{path}.{p.Name}", "appears twice");
            }
        }
        return properties;
    }

    private static JsonElement.ArrayEnumerator Array(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Array ? element.EnumerateArray() : throw Bad(path, $"must be an array, got {Raw(element)}");

    private static JsonElement Required(Dictionary<string, JsonElement> obj, string name, string parentPath)
    {
        var path = parentPath.Length == 0 ? name : $"{parentPath}.{name}";
        return obj.TryGetValue(name, out var value) ? value : throw Bad(path, "is required");
    }

    private static JsonElement? Optional(Dictionary<string, JsonElement> obj, string name) =>
        obj.TryGetValue(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static string String(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.String ? element.GetString()! : throw Bad(path, $"must be a string, got {Raw(element)}");

    private static int Count(JsonElement element, string path) => Integer(element, path, 0, "a non-negative integer");

    private static int Integer(JsonElement element, string path, int min, string what)
    {
        if (element.ValueKind == JsonValueKind.Number)
        {
            if (element.TryGetInt32(out var i) && i >= min) return i;
            if (element.TryGetDecimal(out var d) && d == decimal.Truncate(d) && d >= min && d <= int.MaxValue) return (int)d;
        }
        throw Bad(path, $"must be {what}, got {Raw(element)}");
    }

    /// <summary>
    /// A value quoted back in a message, cut to 60 characters with its full length said: a 100 MB
    /// "format" must not come back whole on stderr.
    /// </summary>
    private static string Quote(string s)
    {
        if (s.Length <= 60)
        {
            return JsonSerializer.Serialize(s, RecordJson.Compact);
        }
        var cut = char.IsHighSurrogate(s[56]) ? 56 : 57;
        return JsonSerializer.Serialize(s[..cut] + "...", RecordJson.Compact) + $" (shortened; {s.Length} characters)";
    }

    private static string Raw(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => Shorten(element.GetRawText()),
    };

    private static string Shorten(string s) => s.Length <= 60 ? s : string.Concat(s.AsSpan(0, 57), "...");
}
