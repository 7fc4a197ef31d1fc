using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ElectionSystem.Crypto;

namespace ElectionSystem.Crypto.Tests;

/// <summary>
/// vectors/v2.json, the known answers the browser tests against, is recomputed here from its
/// inputs and must match value for value. To regenerate it after a deliberate protocol change:
/// <c>ELECTION_CRYPTO_WRITE_VECTORS=1 dotnet test tests/ElectionSystem.Crypto.Tests --filter KnownAnswerVectorTests</c>.
/// </summary>
public class KnownAnswerVectorTests
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public void Vector_file_matches_its_recomputation()
    {
        var path = FilePath();
        if (Environment.GetEnvironmentVariable("ELECTION_CRYPTO_WRITE_VECTORS") == "1")
            File.WriteAllText(path, KnownAnswerVectors.Compute(KnownAnswerVectors.Inputs()).ToJsonString(Indented) + "\n");
        var file = JsonNode.Parse(File.ReadAllText(path))!;
        AssertSame(KnownAnswerVectors.Compute(file), file, "$");
    }

    [Fact]
    public void Vector_inputs_are_the_fixed_ones()
    {
        // the file's inputs are the derived ones, so a regenerated file is the same file
        var file = JsonNode.Parse(File.ReadAllText(FilePath()))!;
        var fixedInputs = KnownAnswerVectors.Compute(KnownAnswerVectors.Inputs());
        AssertSame(fixedInputs, file, "$");
    }

    [Fact]
    public void Vector_values_hold_by_their_definitions()
    {
        var file = JsonNode.Parse(File.ReadAllText(FilePath()))!;
        string S(string a, string b) => file[a]![b]!.GetValue<string>();
        Assert.Equal(Group.G * Group.G, Group.DecodeElement(S("group", "g2")));
        Assert.Equal(Group.G * Group.G * Group.G, Group.DecodeElement(S("group", "g3")));
        var pk = Group.DecodeElement(S("key", "public"));
        Assert.Equal(Group.GPow(Group.DecodeScalar(S("key", "secret"))), pk);

        var z = file["zero_or_one"]!;
        var ct = new Ciphertext(Group.DecodeElement(S("zero_or_one", "a")), Group.DecodeElement(S("zero_or_one", "b")));
        var proof = new ZeroOrOneProof([.. z["proof"]!.AsArray().Select(b => new ProofBranch(Group.DecodeScalar(b![0]!.GetValue<string>()), Group.DecodeScalar(b[1]!.GetValue<string>())))]);
        var context = ProofContext.Of([.. z["context"]!.AsArray().Select(n => n!.GetValue<string>())]);
        Assert.True(proof.Verify(context, pk, ct));

        var b = file["ballot"]!;
        var ballot = BallotJson.Parse(S("ballot", "json"));
        var round = ProofContext.Of([.. b["round"]!.AsArray().Select(n => n!.GetValue<string>())]);
        Assert.Equal(BallotCheck.Valid, BallotEncryption.Verify(round, pk, Ballots.Surplus(3, 2), ballot));
        Assert.Equal(S("ballot", "tracker"), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Convert.FromHexString(S("ballot", "canonical_encoding")))));
    }

    private static void AssertSame(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected)
        {
            case JsonObject e:
                var a = Assert.IsType<JsonObject>(actual);
                Assert.True(e.Select(p => p.Key).SequenceEqual(a.Select(p => p.Key)), $"{path}: fields {string.Join(",", a.Select(p => p.Key))}, expected {string.Join(",", e.Select(p => p.Key))}");
                foreach (var (key, value) in e)
                    AssertSame(value, a[key], $"{path}.{key}");
                break;
            case JsonArray e:
                var arr = Assert.IsType<JsonArray>(actual);
                Assert.True(e.Count == arr.Count, $"{path}: {arr.Count} items, expected {e.Count}");
                for (var i = 0; i < e.Count; i++)
                    AssertSame(e[i], arr[i], $"{path}[{i}]");
                break;
            default:
                Assert.True(expected?.ToJsonString() == actual?.ToJsonString(), $"{path}: {actual?.ToJsonString()}, recomputed {expected?.ToJsonString()}");
                break;
        }
    }

    private static string FilePath([CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "vectors", "v2.json");
}
