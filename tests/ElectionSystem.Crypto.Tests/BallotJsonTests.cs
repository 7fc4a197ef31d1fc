using System.Text.Json.Nodes;
using ElectionSystem.Crypto;

namespace ElectionSystem.Crypto.Tests;

/// <summary>The JSON wire form: exact layout, lossless round trip, and strict parsing that names the bad field.</summary>
public class BallotJsonTests
{
    private static readonly ElGamalKeyPair Keys = ElGamal.GenerateKeyPair();
    private static readonly ProofContext Round = ProofContext.Of("congress-1", "election-2", "round-1");
    private static readonly BallotShape Shape = Ballots.Surplus(5, 3);
    private static readonly EncryptedBallot Ballot = BallotEncryption.Encrypt(Round, Keys.Public, Shape, BallotPlaintext.Valid([1, 0, 1, 0, 0], 3));
    private static readonly string Json = BallotJson.Write(Ballot);

    [Fact]
    public void Written_form_is_compact_with_the_documented_names_in_order()
    {
        var row = Ballot.Rows[0];
        var expectedStart = $"{{\"rows\":[{{\"a\":\"{Group.EncodeElement(row.Ciphertext.A)}\",\"b\":\"{Group.EncodeElement(row.Ciphertext.B)}\","
            + $"\"proof\":[[\"{Group.EncodeScalar(row.Proof.Branches[0].Challenge)}\",\"{Group.EncodeScalar(row.Proof.Branches[0].Response)}\"],";
        Assert.StartsWith(expectedStart, Json, StringComparison.Ordinal);
        var s = Ballot.Selector.Branches[0];
        Assert.Contains($"],\"selector\":[[\"{Group.EncodeScalar(s.Challenge)}\",\"{Group.EncodeScalar(s.Response)}\"]],\"constraint\":[[", Json, StringComparison.Ordinal);
        Assert.Contains("}],\"options\":[{\"a\":", Json, StringComparison.Ordinal);
        Assert.EndsWith("\"]]}", Json, StringComparison.Ordinal);
        Assert.DoesNotContain(" ", Json, StringComparison.Ordinal);
    }

    [Fact]
    public void Round_trip_keeps_every_value()
    {
        var parsed = BallotJson.Parse(Json);
        Assert.Equal(BallotEncryption.Tracker(Ballot), BallotEncryption.Tracker(parsed));
        Assert.Equal(Json, BallotJson.Write(parsed));
        Assert.True(BallotEncryption.Verify(Round, Keys.Public, Shape, parsed).IsValid);
    }

    public static TheoryData<string, Func<JsonNode, string?>, string> Breakages => new()
    {
        { "unknown top-level field", n => Set(n, x => x["extra"] = 1), "extra: unknown field." },
        { "unknown row field", n => Set(n, x => x["rows"]![0]!["c"] = "x"), "rows[0].c: unknown field." },
        { "missing options", n => Set(n, x => x.AsObject().Remove("options")), "options: missing field." },
        { "missing b", n => Set(n, x => x["rows"]![3]!.AsObject().Remove("b")), "rows[3].b: missing field." },
        { "three branches", n => Set(n, x => x["rows"]![3]!["proof"]!.AsArray().Add(x["rows"]![3]!["proof"]![0]!.DeepClone())), "rows[3].proof: 2 items expected, not 3." },
        { "one-scalar branch", n => Set(n, x => x["rows"]![3]!["proof"]![1]!.AsArray().RemoveAt(1)), "rows[3].proof[1]: 2 items expected, not 1." },
        { "bad hex", n => Set(n, x => x["rows"]![3]!["proof"]![1]![0] = "zz"), "rows[3].proof[1][0]: A scalar must be 64 lower-case hex digits." },
        { "upper case", n => Set(n, x => x["rows"]![3]!["proof"]![1]![0] = x["rows"]![3]!["proof"]![1]![0]!.GetValue<string>().ToUpperInvariant()), "rows[3].proof[1][0]: A scalar must be 64 lower-case hex digits." },
        { "scalar + L", n => Set(n, x => x["rows"]![3]!["proof"]![1]![0] = Tamper.PlusOrder(Scalar.FromInteger(7))), "rows[3].proof[1][0]: A scalar must be below the group order L (canonical)." },
        { "identity", n => Set(n, x => x["options"]![1]!["a"] = new string('0', 64)), "options[1].a: The identity element has no encoding here." },
        { "not a point", n => Set(n, x => x["options"]![1]!["a"] = "01" + new string('0', 62)), "options[1].a: The bytes are not the canonical encoding of a ristretto255 element." },
        { "number for a string", n => Set(n, x => x["rows"]![0]!["a"] = 5), "rows[0].a: a string is expected, not Number." },
        { "object for an array", n => Set(n, x => x["constraint"] = new JsonObject()), "constraint: an array is expected, not Object." },
        { "two selector branches", n => Set(n, x => x["selector"]!.AsArray().Add(x["selector"]![0]!.DeepClone())), "selector: 1 item expected, not 2." },
        { "no rows", n => Set(n, x => x["rows"] = new JsonArray()), "rows: 1–1000 items expected, not 0." },
        { "array at the top", _ => "[]", "$: an object is expected, not Array." },
        { "repeated field", n => "{\"rows\":[]," + n.ToJsonString()[1..], "rows: the field appears twice." },
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public void Strict_parse_names_the_field(string why, Func<JsonNode, string?> breakage, string message)
    {
        Assert.NotNull(why);
        var broken = breakage(JsonNode.Parse(Json)!);
        var e = Assert.Throws<FormatException>(() => BallotJson.Parse(broken!));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Not_json_is_refused()
    {
        var e = Assert.Throws<FormatException>(() => BallotJson.Parse(Json[..^1]));
        Assert.StartsWith("$: not JSON", e.Message, StringComparison.Ordinal);
    }

    private static string Set(JsonNode node, Action<JsonNode> change)
    {
        change(node);
        return node.ToJsonString();
    }
}
