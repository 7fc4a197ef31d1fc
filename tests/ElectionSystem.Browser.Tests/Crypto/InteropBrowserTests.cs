using System.Text.Json;
using ElectionSystem.Crypto;

namespace ElectionSystem.Browser.Tests.Crypto;

/// <summary>
/// Issue 14, spec v2 between the two sides: a ballot encrypted in Chromium is accepted by the C#
/// verifier (read with the C# JSON reader) with the same tracker, a C# ballot is accepted by the JS
/// verifier, the JS side reproduces the C# known-answer vectors (tests/ElectionSystem.Crypto.Tests/
/// vectors/v2.json) from their inputs, partial decryptions made in Chromium with shares from a C#
/// ceremony verify in C# and combine there to the count, and a dealing made in Chromium holds in C#.
/// </summary>
public sealed class InteropBrowserTests(CryptoHall hall) : IClassFixture<CryptoHall>
{
    private static readonly string[] Round = ["congress-1", "election-4", "round-2"];

    private static readonly (string Name, BallotShape Shape, BallotPlaintext[] Plaintexts)[] Shapes =
    [
        ("surplus", new BallotShape(13, 3, 11, -10, 0),
            [BallotPlaintext.Valid([1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], 3), BallotPlaintext.Marked(new int[13], 3, 2)]),
        ("single", new BallotShape(1, 2, 1, -1, 0), [BallotPlaintext.Valid([0], 2), BallotPlaintext.Marked([0], 2, 1)]),
        ("noSurplus", new BallotShape(3, 1, 3, -3, 0), [BallotPlaintext.Valid([1, 1, 0], 1)]),
    ];

    private static object Wire(BallotShape s) => new { rows = s.Rows, options = s.Options, weight = s.Weight, lo = s.Lo, hi = s.Hi };

    private static object Wire(BallotPlaintext p) => new { rows = p.Rows, option = p.Options.ToList().IndexOf(1) };

    [Fact]
    public async Task A_ballot_encrypted_in_Chromium_is_accepted_by_the_CSharp_verifier_and_a_CSharp_ballot_by_the_JS_one()
    {
        var key = ElGamal.GenerateKeyPair();
        var pk = key.Public.ToString();
        await using var page = await hall.OpenAsync();
        foreach (var (name, shape, plaintexts) in Shapes)
        {
            foreach (var plaintext in plaintexts)
            {
                var js = await page.RunAsync("encryptOne", new { round = Round, pk, shape = Wire(shape), plaintext = Wire(plaintext) });
                var parsed = BallotJson.Parse(js.GetProperty("ballot").GetRawText());
                var check = BallotEncryption.Verify(ProofContext.Of(Round), key.Public, shape, parsed);
                Assert.True(check.IsValid, $"{name}: {check.Failure}");
                Assert.Equal(BallotEncryption.Tracker(parsed), js.GetProperty("tracker").GetString());
                Assert.Equal(js.GetProperty("ballot").GetRawText(), BallotJson.Write(parsed));

                var cs = BallotEncryption.Encrypt(ProofContext.Of(Round), key.Public, shape, plaintext);
                var json = JsonDocument.Parse(BallotJson.Write(cs)).RootElement;
                var verdict = await page.RunAsync("verifyOne", new { round = Round, pk, shape = Wire(shape), ballot = json });
                Assert.True(verdict.GetProperty("valid").GetBoolean(), $"{name}: {verdict}");
                Assert.Equal(BallotEncryption.Tracker(cs), verdict.GetProperty("tracker").GetString());

                // The same ballot under another round is refused by each side.
                var other = await page.RunAsync("verifyOne", new { round = new[] { "congress-1", "election-4", "round-3" }, pk, shape = Wire(shape), ballot = json });
                Assert.False(other.GetProperty("valid").GetBoolean());
                Assert.False(BallotEncryption.Verify(ProofContext.Of("congress-1", "election-4", "round-3"), key.Public, shape, parsed).IsValid);
            }
        }
    }

    [Fact]
    public async Task The_JS_side_reproduces_the_CSharp_known_answer_vectors()
    {
        var path = Path.Combine(RepositoryRoot(), "tests", "ElectionSystem.Crypto.Tests", "vectors", "v2.json");
        var file = JsonDocument.Parse(await File.ReadAllTextAsync(path)).RootElement;
        await using var page = await hall.OpenAsync();
        var js = await page.RunAsync("vectors", file);

        // Compact JSON of the value at a dotted path, so the file's indentation does not count.
        string At(JsonElement root, string dotted) => JsonSerializer.Serialize(dotted.Split('.').Aggregate(root, (e, p) => e.GetProperty(p)));
        foreach (var field in new[]
        {
            "group.g", "group.g2", "group.g3", "group.integer_scalars", "transcript.bytes", "transcript.challenge", "key.public",
            "zero_or_one.a", "zero_or_one.b", "zero_or_one.proof", "zero_or_one.challenge",
            "ballot.digest", "ballot.canonical_encoding", "ballot.tracker", "ballot.json",
        })
        {
            Assert.True(At(file, field) == At(js, field), $"{field}: file {At(file, field)}, JS {At(js, field)}");
        }
        Assert.True(js.GetProperty("zero_or_one").GetProperty("verifies").GetBoolean());
        Assert.True(js.GetProperty("ballot").GetProperty("verifies").GetBoolean());
    }

    [Fact]
    public async Task Partial_decryptions_made_in_Chromium_verify_in_CSharp_and_combine_to_the_count()
    {
        // A C# ceremony, 3 of 5; five ballots' totals of row 0 (three kept it).
        var dealings = Enumerable.Range(1, 5).Select(i => ThresholdKey.Deal(i, 3)).ToList();
        var commitments = dealings.Select(d => d.Commitments).ToList();
        var pk = ThresholdKey.JointPublicKey(commitments);
        var total = Ciphertext.Sum(new[] { 1, 0, 1, 1, 0 }.Select(m => ElGamal.Encrypt(pk, m).Ciphertext));
        var wireTotal = new { a = total.A.ToString(), b = total.B.ToString() };

        await using var page = await hall.OpenAsync();
        var partials = new List<PartialDecryption>();
        foreach (var j in new[] { 2, 3, 5 })
        {
            var share = ThresholdKey.CombineShares(dealings.Select(d => d.ShareFor(j)));
            var kj = ThresholdKey.VerificationKey(commitments, j);
            var js = await page.RunAsync("partialDecryptOne", new
            {
                round = Round, what = new object[] { "row", 0 }, trustee = j, share = share.ToString(), verificationKey = kj.ToString(), total = wireTotal,
            });
            Assert.Equal(kj.ToString(), js.GetProperty("publicShare").GetString());
            var p = js.GetProperty("partial");
            var proof = p.GetProperty("proof").EnumerateArray().Select(x => Scalar.FromCanonical(Convert.FromHexString(x.GetString()!))).ToList();
            var partial = new PartialDecryption(j, Element.FromBytes(Convert.FromHexString(p.GetProperty("d").GetString()!)), new DecryptionProof(proof[0], proof[1]));
            var context = ProofContext.Of([.. Round, "tally", "row", "0", "trustee", j.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            Assert.True(ThresholdDecryption.Verify(context, kj, total, partial), $"trustee {j}");
            Assert.False(ThresholdDecryption.Verify(context, ThresholdKey.VerificationKey(commitments, 1), total, partial));
            partials.Add(partial);
        }
        Assert.Equal(3, ThresholdDecryption.CombineToCount(total, partials));
    }

    [Fact]
    public async Task A_dealing_made_in_Chromium_holds_in_CSharp_and_gives_the_same_public_values()
    {
        await using var page = await hall.OpenAsync();
        var js = await page.RunAsync("dealOne", new { k = 3, n = 5 });
        static Element E(JsonElement x) => Element.FromBytes(Convert.FromHexString(x.GetString()!));
        static Scalar S(JsonElement x) => Scalar.FromCanonical(Convert.FromHexString(x.GetString()!));
        var commitments = js.GetProperty("commitments").EnumerateArray().Select(E).ToList();
        var shares = js.GetProperty("shares").EnumerateArray().Select(S).ToList();

        for (var j = 1; j <= 5; j++)
        {
            Assert.True(ThresholdKey.VerifyShare(commitments, 3, j, shares[j - 1]), $"share for {j}");
            Assert.Equal(ThresholdKey.VerificationKey([commitments], j), E(js.GetProperty("verificationKeys")[j - 1]));
        }
        Assert.False(ThresholdKey.VerifyShare(commitments, 3, 2, shares[0]));
        Assert.Equal(ThresholdKey.JointPublicKey([commitments]), E(js.GetProperty("publicKey")));
    }

    [Fact]
    public async Task A_share_file_sealed_in_CSharp_opens_in_Chromium_and_one_sealed_in_Chromium_opens_in_CSharp()
    {
        // The demo seals its members' files in C# (ShareFile); the committee page opens them, and the other way round.
        const string passphrase = "mật khẩu tệp khóa", wrong = "không đúng";
        static ShareFile.Share Fresh(int j)
        {
            var d = ThresholdKey.Deal(1, 2);
            var x = d.ShareFor(j);
            return new ShareFile.Share(j, 2, 3, ThresholdKey.JointPublicKey([d.Commitments]), Group.GPow(x), x);
        }
        var fromCSharp = Fresh(2);
        var mine = Fresh(3);
        await using var page = await hall.OpenAsync();
        var js = await page.RunAsync("shareFileInterop", new
        {
            file = JsonDocument.Parse(ShareFile.Seal(fromCSharp, passphrase)).RootElement,
            passphrase, wrong,
            seal = new
            {
                index = mine.Index, threshold = mine.Threshold, members = mine.Members, publicKey = Group.EncodeElement(mine.PublicKey),
                verificationKey = Group.EncodeElement(mine.VerificationKey), share = Group.EncodeScalar(mine.Secret),
            },
        });
        Assert.Equal(JsonValueKind.Null, js.GetProperty("failure").ValueKind);
        var opened = js.GetProperty("opened");
        Assert.Equal(Group.EncodeScalar(fromCSharp.Secret), opened.GetProperty("share").GetString());
        Assert.Equal(Group.EncodeElement(fromCSharp.VerificationKey), opened.GetProperty("verificationKey").GetString());
        Assert.Equal(2, opened.GetProperty("index").GetInt32());
        Assert.Contains("Cụm mật khẩu không đúng", js.GetProperty("wrong").GetString(), StringComparison.Ordinal);

        var sealedInPage = js.GetProperty("sealed").GetRawText();
        Assert.Equal(mine, ShareFile.Open(sealedInPage, passphrase));
        Assert.Null(ShareFile.Open(sealedInPage, wrong));
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ElectionSystem.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("ElectionSystem.sln not found above " + AppContext.BaseDirectory);
    }
}
