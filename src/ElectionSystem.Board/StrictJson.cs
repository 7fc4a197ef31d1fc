using System.Text.Json;
using ElectionSystem.Crypto;

namespace ElectionSystem.Board;

/// <summary>Why a board is refused as malformed: the JSON path of the first problem and what is wrong.</summary>
public sealed class BoardFormatException(string path, string problem) : FormatException($"{path}: {problem}")
{
    public string Path { get; } = path;

    public string Problem { get; } = problem;
}

/// <summary>
/// A JSON value and its path, read strictly: the wrong type, a missing, unknown or repeated field,
/// a count out of range or a bad encoding throws <see cref="BoardFormatException"/> naming the path.
/// Integers are written without a fraction or an exponent.
/// </summary>
internal readonly record struct Node(JsonElement Value, string Path)
{
    public BoardFormatException Bad(string problem) => new(Path, problem);

    public bool IsNull => Value.ValueKind == JsonValueKind.Null;

    private string Child(string name) => Path == "$" ? name : $"{Path}.{name}";

    /// <summary>The object's fields: every required one present, optional ones may be absent, no other.</summary>
    public Fields Object(string[] required, string[]? optional = null)
    {
        if (Value.ValueKind != JsonValueKind.Object)
            throw Bad($"an object is expected, not {Kind(Value)}");
        var found = new Dictionary<string, Node>(StringComparer.Ordinal);
        foreach (var p in Value.EnumerateObject())
        {
            var at = Child(p.Name);
            if (!required.Contains(p.Name, StringComparer.Ordinal) && !(optional ?? []).Contains(p.Name, StringComparer.Ordinal))
                throw new BoardFormatException(at, "unknown field");
            if (!found.TryAdd(p.Name, new Node(p.Value, at)))
                throw new BoardFormatException(at, "the field appears twice");
        }
        foreach (var name in required.Where(n => !found.ContainsKey(n)))
            throw new BoardFormatException(Child(name), "missing field");
        return new Fields(found);
    }

    public Node[] Array(int min, int max, string? what = null)
    {
        if (Value.ValueKind != JsonValueKind.Array)
            throw Bad($"an array is expected, not {Kind(Value)}");
        var length = Value.GetArrayLength();
        if (length < min || length > max)
            throw Bad(min == max ? $"{min} items expected{Of(what)}, not {length}" : $"{min}–{max} items expected{Of(what)}, not {length}");
        var path = Path;
        return [.. Value.EnumerateArray().Select((e, i) => new Node(e, $"{path}[{i}]"))];
    }

    public string String()
    {
        if (Value.ValueKind != JsonValueKind.String)
            throw Bad($"a string is expected, not {Kind(Value)}");
        return Value.GetString()!;
    }

    public string NonEmptyString()
    {
        var s = String();
        return string.IsNullOrWhiteSpace(s) ? throw Bad("must not be empty") : s;
    }

    public int Integer(int min, int max = int.MaxValue)
    {
        if (Value.ValueKind != JsonValueKind.Number || !Value.TryGetInt32(out var i))
            throw Bad($"an integer is expected, not {Kind(Value)}");
        if (i < min || i > max)
            throw Bad(max == int.MaxValue ? $"must be at least {min}, not {i}" : $"must be from {min} to {max}, not {i}");
        return i;
    }

    /// <summary>A SHA-256 value: 64 lower-case hex digits.</summary>
    public string Hash()
    {
        var s = String();
        return s.Length == 64 && s.All(char.IsAsciiHexDigitLower) ? s : throw Bad("64 lower-case hex digits expected");
    }

    public Element Element() => Decode(Group.DecodeElement);

    public Crypto.Scalar Scalar() => Decode(Group.DecodeScalar);

    private T Decode<T>(Func<string, T> decode)
    {
        var s = String();
        try
        {
            return decode(s);
        }
        catch (FormatException e)
        {
            throw Bad(e.Message);
        }
    }

    private static string Of(string? what) => what is null ? "" : $" ({what})";

    private static string Kind(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => e.GetRawText().Length <= 20 ? e.GetRawText() : "a number",
        JsonValueKind.True or JsonValueKind.False => e.GetRawText(),
        _ => "null",
    };
}

/// <summary>An object's fields by name.</summary>
internal sealed class Fields(Dictionary<string, Node> fields)
{
    public Node this[string name] => fields[name];

    /// <summary>The field, or null when it is absent or null.</summary>
    public Node? Optional(string name) => fields.TryGetValue(name, out var n) && !n.IsNull ? n : null;
}
