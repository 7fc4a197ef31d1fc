using System.Text;
using System.Text.Json;

namespace ElectionSystem.Crypto;

/// <summary>
/// The JSON wire form of an encrypted ballot (what the tablet posts and the board stores), written
/// and read by hand (no reflection): compact, properties in this order, hex as in <see cref="Group"/>:
/// <code>
/// { "rows":    [ { "a": "&lt;hex&gt;", "b": "&lt;hex&gt;", "proof": [ ["&lt;c0&gt;", "&lt;v0&gt;"], ["&lt;c1&gt;", "&lt;v1&gt;"] ] }, … ],
///   "options": [ { "a": …, "b": …, "proof": [ [c0, v0], [c1, v1] ] }, … ],
///   "selector":   [ ["&lt;c&gt;", "&lt;v&gt;"] ],
///   "constraint": [ ["&lt;c_lo&gt;", "&lt;v_lo&gt;"], …, ["&lt;c_hi&gt;", "&lt;v_hi&gt;"] ] }
/// </code>
/// Parsing is strict: a missing, unknown or repeated property, a wrong type or count, or a bad
/// encoding throws <see cref="FormatException"/> naming the field's path, e.g. <c>rows[3].proof[1][0]</c>.
/// Whether the counts fit the round's shape is <see cref="BallotEncryption.Verify"/>'s to say.
/// </summary>
public static class BallotJson
{
    private static readonly string[] BallotProperties = ["rows", "options", "selector", "constraint"];
    private static readonly string[] EntryProperties = ["a", "b", "proof"];

    /// <summary>The ballot as compact JSON (no whitespace), properties in the documented order.</summary>
    public static string Write(EncryptedBallot ballot)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            Entries(w, "rows", ballot.Rows);
            Entries(w, "options", ballot.Options);
            w.WritePropertyName("selector");
            Branches(w, ballot.Selector.Branches);
            w.WritePropertyName("constraint");
            Branches(w, ballot.Constraint.Branches);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Parses the wire form strictly; throws <see cref="FormatException"/> naming the first bad field.</summary>
    public static EncryptedBallot Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException e)
        {
            throw new FormatException($"$: not JSON ({e.Message})", e);
        }
        using (document)
        {
            var root = Object(document.RootElement, "$", BallotProperties);
            return new EncryptedBallot(
                EntryList(root["rows"], "rows"),
                EntryList(root["options"], "options"),
                new RangeProof(BranchList(root["selector"], "selector", exactly: 1)),
                new RangeProof(BranchList(root["constraint"], "constraint", exactly: null)));
        }
    }

    private static void Entries(Utf8JsonWriter w, string name, IReadOnlyList<EncryptedRow> entries)
    {
        w.WriteStartArray(name);
        foreach (var e in entries)
        {
            w.WriteStartObject();
            w.WriteString("a", Group.EncodeElement(e.Ciphertext.A));
            w.WriteString("b", Group.EncodeElement(e.Ciphertext.B));
            w.WritePropertyName("proof");
            Branches(w, e.Proof.Branches);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void Branches(Utf8JsonWriter w, IReadOnlyList<ProofBranch> branches)
    {
        w.WriteStartArray();
        foreach (var b in branches)
        {
            w.WriteStartArray();
            w.WriteStringValue(Group.EncodeScalar(b.Challenge));
            w.WriteStringValue(Group.EncodeScalar(b.Response));
            w.WriteEndArray();
        }
        w.WriteEndArray();
    }

    private static List<EncryptedRow> EntryList(JsonElement array, string path) =>
        [.. Array(array, path, 1, BallotShape.MaxEntries).Select((e, i) => Entry(e, $"{path}[{i}]"))];

    private static EncryptedRow Entry(JsonElement element, string path)
    {
        var entry = Object(element, path, EntryProperties);
        var ciphertext = new Ciphertext(ElementAt(entry["a"], $"{path}.a"), ElementAt(entry["b"], $"{path}.b"));
        return new EncryptedRow(ciphertext, new ZeroOrOneProof(BranchList(entry["proof"], $"{path}.proof", exactly: 2)));
    }

    private static List<ProofBranch> BranchList(JsonElement array, string path, int? exactly)
    {
        var items = Array(array, path, exactly ?? 1, exactly ?? RangeProof.MaxWidth);
        return [.. items.Select((b, j) =>
        {
            var pair = Array(b, $"{path}[{j}]", 2, 2);
            return new ProofBranch(ScalarAt(pair[0], $"{path}[{j}][0]"), ScalarAt(pair[1], $"{path}[{j}][1]"));
        })];
    }

    private static Dictionary<string, JsonElement> Object(JsonElement element, string path, string[] names)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw new FormatException($"{path}: an object is expected, not {element.ValueKind}.");
        var found = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var at = path == "$" ? property.Name : $"{path}.{property.Name}";
            if (!names.Contains(property.Name, StringComparer.Ordinal))
                throw new FormatException($"{at}: unknown field.");
            if (!found.TryAdd(property.Name, property.Value))
                throw new FormatException($"{at}: the field appears twice.");
        }
        foreach (var name in names.Where(n => !found.ContainsKey(n)))
            throw new FormatException($"{(path == "$" ? name : $"{path}.{name}")}: missing field.");
        return found;
    }

    private static JsonElement[] Array(JsonElement element, string path, int min, int max)
    {
        if (element.ValueKind != JsonValueKind.Array)
            throw new FormatException($"{path}: an array is expected, not {element.ValueKind}.");
        var length = element.GetArrayLength();
        if (length < min || length > max)
        {
            throw new FormatException(min == max
                ? $"{path}: {min} item{(min == 1 ? "" : "s")} expected, not {length}."
                : $"{path}: {min}–{max} items expected, not {length}.");
        }
        return [.. element.EnumerateArray()];
    }

    private static Element ElementAt(JsonElement value, string path) => Decode(value, path, Group.DecodeElement);

    private static Scalar ScalarAt(JsonElement value, string path) => Decode(value, path, Group.DecodeScalar);

    private static T Decode<T>(JsonElement value, string path, Func<string, T> decode)
    {
        if (value.ValueKind != JsonValueKind.String)
            throw new FormatException($"{path}: a string is expected, not {value.ValueKind}.");
        try
        {
            return decode(value.GetString()!);
        }
        catch (FormatException e)
        {
            throw new FormatException($"{path}: {e.Message}", e);
        }
    }
}
