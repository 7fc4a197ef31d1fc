using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ElectionSystem.Crypto;

namespace ElectionSystem.Crypto.Tests;

/// <summary>
/// The known-answer vectors of vectors/v2.json: <see cref="Inputs"/> are fixed scalars and choices
/// (nonces derived from labels, so the file can be regenerated identically); <see cref="Compute"/>
/// reads only the input fields of a vector file and recomputes every other value with the protocol
/// code. The test compares the file with its recomputation, so the file is checked, not trusted.
/// </summary>
internal static class KnownAnswerVectors
{
    public const string About =
        "Known answers of the ElectionSystem v2 protocol (docs/verifiable-ballot.md). Scalars: 64 hex digits, " +
        "32 bytes little-endian; elements: 64 hex digits, the ristretto255 encoding. Inputs: secret, r, nonces, " +
        "m, rows, options, context, round, shape, items, integer_scalars[].m; every other value is recomputed from them " +
        "by KnownAnswerVectorTests. Nonces are consumed in order: zero_or_one: w, then c_j, v_j of the simulated branch; " +
        "ballot: r of each row, r of each option, then per proof (rows, options, selector, constraint) w, then c_j, v_j " +
        "per simulated branch ascending.";

    /// <summary>The fixed inputs (what the generator writes before computing the rest).</summary>
    public static JsonObject Inputs() => new()
    {
        ["about"] = About,
        ["group"] = new JsonObject { ["integer_scalars"] = new JsonArray(new JsonObject { ["m"] = -1 }, new JsonObject { ["m"] = 1000 }, new JsonObject { ["m"] = -7 }) },
        ["transcript"] = new JsonObject
        {
            ["tag"] = "ElectionSystem/v2/test",
            ["context"] = new JsonArray("congress-1", "round-1"),
            ["items"] = new JsonArray(
                new JsonObject { ["int"] = 5 },
                new JsonObject { ["int"] = -1 },
                new JsonObject { ["text"] = "Đồng ý" },
                new JsonObject { ["element"] = Group.EncodeElement(Group.GPow(3)) },
                new JsonObject { ["scalar"] = Hex(Derived("transcript", 0)) }),
        },
        ["key"] = new JsonObject { ["secret"] = Hex(Derived("secret", 0)) },
        ["zero_or_one"] = new JsonObject
        {
            ["context"] = new JsonArray("congress-1", "election-2", "round-1", "ballot", "test", "row", "0"),
            ["m"] = 1,
            ["r"] = Hex(Derived("zero-or-one-r", 0)),
            ["nonces"] = new JsonArray([.. Enumerable.Range(0, 3).Select(i => (JsonNode)Hex(Derived("zero-or-one", i)))]),
        },
        ["ballot"] = new JsonObject
        {
            ["round"] = new JsonArray("congress-1", "election-2", "round-1"),
            ["shape"] = new JsonObject { ["rows"] = 3, ["options"] = 3, ["weight"] = 2, ["lo"] = -1, ["hi"] = 0 },
            ["rows"] = new JsonArray(1, 0, 1),
            ["options"] = new JsonArray(1, 0, 0),
            ["nonces"] = new JsonArray([.. Enumerable.Range(0, 28).Select(i => (JsonNode)Hex(Derived("ballot", i)))]),
        },
    };

    /// <summary>The whole vector file recomputed from the input fields of <paramref name="file"/>.</summary>
    public static JsonObject Compute(JsonNode input)
    {
        var file = JsonNode.Parse(input.ToJsonString())!; // values as parsed JSON, as from the file
        var secret = Scalar(file["key"]!["secret"]!);
        var pk = Group.GPow(secret);
        return new JsonObject
        {
            ["about"] = About,
            ["group"] = new JsonObject
            {
                ["g"] = Group.EncodeElement(Group.G),
                ["g2"] = Group.EncodeElement(Group.GPow(2)),
                ["g3"] = Group.EncodeElement(Group.GPow(3)),
                ["integer_scalars"] = new JsonArray([.. file["group"]!["integer_scalars"]!.AsArray().Select(x => (JsonNode)new JsonObject
                {
                    ["m"] = x!["m"]!.GetValue<long>(),
                    ["scalar"] = Hex(Crypto.Scalar.FromInteger(x["m"]!.GetValue<long>())),
                })]),
            },
            ["transcript"] = Transcript(file["transcript"]!),
            ["key"] = new JsonObject { ["secret"] = Hex(secret), ["public"] = Group.EncodeElement(pk) },
            ["zero_or_one"] = ZeroOrOne(file["zero_or_one"]!, pk),
            ["ballot"] = Ballot(file["ballot"]!, pk),
        };
    }

    private static JsonObject Transcript(JsonNode t)
    {
        var context = Texts(t["context"]!);
        var items = t["items"]!.AsArray();
        var fs = FiatShamir.Start(t["tag"]!.GetValue<string>(), ProofContext.Of(context), Group.G);
        foreach (var item in items.Select(i => i!.AsObject().Single()))
        {
            _ = item.Key switch
            {
                "int" => fs.Integer(item.Value!.GetValue<long>()),
                "text" => fs.Text(item.Value!.GetValue<string>()),
                "element" => fs.Element(Group.DecodeElement(item.Value!.GetValue<string>())),
                "scalar" => fs.Scalar(Scalar(item.Value!)),
                _ => throw new FormatException($"unknown item kind {item.Key}"),
            };
        }
        return new JsonObject
        {
            ["tag"] = t["tag"]!.GetValue<string>(),
            ["context"] = new JsonArray([.. context.Select(c => (JsonNode)c)]),
            ["public_key"] = Group.EncodeElement(Group.G),
            ["items"] = items.DeepClone(),
            ["bytes"] = Convert.ToHexStringLower(fs.Bytes()),
            ["challenge"] = Hex(fs.Challenge()),
        };
    }

    private static JsonObject ZeroOrOne(JsonNode z, Element pk)
    {
        var context = ProofContext.Of(Texts(z["context"]!));
        var m = z["m"]!.GetValue<int>();
        var r = Scalar(z["r"]!);
        var nonces = Nonces(z["nonces"]!);
        var ct = ElGamal.Encrypt(pk, m, r);
        var proof = ZeroOrOneProof.Prove(context, pk, ct, r, m, nonces.Dequeue);
        Used(nonces, "zero_or_one.nonces");
        return new JsonObject
        {
            ["context"] = z["context"]!.DeepClone(),
            ["m"] = m,
            ["r"] = Hex(r),
            ["nonces"] = z["nonces"]!.DeepClone(),
            ["a"] = Group.EncodeElement(ct.A),
            ["b"] = Group.EncodeElement(ct.B),
            ["proof"] = new JsonArray([.. proof.Branches.Select(b => (JsonNode)new JsonArray(Hex(b.Challenge), Hex(b.Response)))]),
            ["challenge"] = Hex(proof.Branches[0].Challenge + proof.Branches[1].Challenge),
        };
    }

    private static JsonObject Ballot(JsonNode b, Element pk)
    {
        var s = b["shape"]!;
        var shape = new BallotShape(s["rows"]!.GetValue<int>(), s["options"]!.GetValue<int>(), s["weight"]!.GetValue<int>(), s["lo"]!.GetValue<int>(), s["hi"]!.GetValue<int>());
        var plain = new BallotPlaintext(Ints(b["rows"]!), Ints(b["options"]!));
        var nonces = Nonces(b["nonces"]!);
        var ballot = BallotEncryption.Encrypt(ProofContext.Of(Texts(b["round"]!)), pk, shape, plain, nonces.Dequeue);
        Used(nonces, "ballot.nonces");
        return new JsonObject
        {
            ["round"] = b["round"]!.DeepClone(),
            ["shape"] = s.DeepClone(),
            ["rows"] = b["rows"]!.DeepClone(),
            ["options"] = b["options"]!.DeepClone(),
            ["nonces"] = b["nonces"]!.DeepClone(),
            ["digest"] = BallotEncryption.CiphertextsDigest([.. ballot.Rows.Select(r => r.Ciphertext)], [.. ballot.Options.Select(o => o.Ciphertext)]),
            ["canonical_encoding"] = Convert.ToHexStringLower(BallotEncryption.CanonicalEncoding(ballot)),
            ["tracker"] = BallotEncryption.Tracker(ballot),
            ["json"] = BallotJson.Write(ballot),
        };
    }

    /// <summary>A fixed scalar: SHA-512("ElectionSystem/v2/test-vectors/" + label + "/" + i) reduced mod L.</summary>
    private static Scalar Derived(string label, int i) =>
        Crypto.Scalar.Reduce(SHA512.HashData(Encoding.UTF8.GetBytes($"ElectionSystem/v2/test-vectors/{label}/{i}")));

    private static string Hex(Scalar s) => Group.EncodeScalar(s);

    private static Scalar Scalar(JsonNode hex) => Group.DecodeScalar(hex.GetValue<string>());

    private static Queue<Scalar> Nonces(JsonNode array) => new(array.AsArray().Select(n => Scalar(n!)));

    private static string[] Texts(JsonNode array) => [.. array.AsArray().Select(n => n!.GetValue<string>())];

    private static int[] Ints(JsonNode array) => [.. array.AsArray().Select(n => n!.GetValue<int>())];

    private static void Used(Queue<Scalar> nonces, string what)
    {
        if (nonces.Count != 0)
            throw new FormatException($"{what}: {nonces.Count} nonces left over.");
    }
}
