using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace ElectionSystem.Browser.Tests.Crypto;

/// <summary>
/// Issue 14, browser side, spec v2 "Group and encodings" and "Fiat–Shamir": what wwwroot/js/crypto
/// computes in Chromium, against values derived here from the spec alone (the ristretto255 base point
/// and its double from RFC 9496, the item layout, the challenge recomputed with .NET's SHA-512 and
/// BigInteger mod L), not against the modules' own output.
/// </summary>
public sealed class CryptoEncodingBrowserTests(CryptoHall hall) : IClassFixture<CryptoHall>
{
    private const string G1 = "e2f2ae0a6abc4e71a884a961c500515f58e30b6aa582dd8db6a65945e08d2d76";
    private const string G2 = "6a493210f7499cd17fecb510ae0cea23a110e8d5b901f8acadd3095c73a3b919";
    private const string L = "edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010";
    private const string LMinus1 = "ecd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010";

    private static string Item(byte[] x) => Convert.ToHexStringLower(BitConverter.IsLittleEndian
        ? [.. BitConverter.GetBytes(x.Length).Reverse(), .. x]
        : [.. BitConverter.GetBytes(x.Length), .. x]);

    private static string Item(string text) => Item(Encoding.UTF8.GetBytes(text));

    private static string ItemInt(long n) => Item(BitConverter.IsLittleEndian ? [.. BitConverter.GetBytes(n).Reverse()] : BitConverter.GetBytes(n));

    [Fact]
    public async Task Elements_scalars_and_items_encode_as_the_spec_says()
    {
        await using var page = await hall.OpenAsync();
        var e = await page.RunAsync("encodings");

        Assert.Equal(G1, e.GetProperty("g1").GetString());
        Assert.Equal(G2, e.GetProperty("g2").GetString());
        Assert.Equal(G2, e.GetProperty("g2ByScalar").GetString());
        Assert.True(e.GetProperty("g0IsIdentity").GetBoolean());
        Assert.False(e.GetProperty("g0Encodes").GetBoolean());
        Assert.True(e.GetProperty("gMinus1TimesG1IsIdentity").GetBoolean());

        var decodes = e.GetProperty("decodes");
        Assert.True(decodes.GetProperty("g1").GetBoolean());
        foreach (var refused in new[] { "upper", "identity", "short", "notAPoint" })
        {
            Assert.False(decodes.GetProperty(refused).GetBoolean(), refused);
        }

        var scalars = e.GetProperty("scalars");
        Assert.Equal(LMinus1, scalars.GetProperty("minus1").GetString());
        Assert.Equal("05" + new string('0', 62), scalars.GetProperty("five").GetString());
        Assert.Equal(new string('0', 64), scalars.GetProperty("minus5PlusFive").GetString());

        var items = e.GetProperty("items");
        Assert.Equal("00000008ffffffffffffffff", items.GetProperty("minus1").GetString());
        Assert.Equal("000000080000000000000003", items.GetProperty("three").GetString());
        Assert.Equal(Item("đồng ý"), items.GetProperty("text").GetString());
        Assert.Equal("00000020" + G1, items.GetProperty("element").GetString());
        Assert.Equal("00000020" + "01" + new string('0', 62), items.GetProperty("scalar").GetString());
    }

    [Fact]
    public async Task A_scalar_decodes_only_from_64_lower_case_digits_below_L()
    {
        await using var page = await hall.OpenAsync();
        var accepted = (await page.RunAsync("decodeScalars", new[] { LMinus1, L, LMinus1.ToUpperInvariant(), LMinus1[2..], new string('f', 64), new string('0', 64) }))
            .EnumerateArray().Select(x => x.GetBoolean()).ToArray();
        Assert.Equal([true, false, false, false, false, true], accepted);
    }

    [Fact]
    public async Task The_transcript_is_the_spec_items_and_its_challenge_is_SHA512_reduced_mod_L()
    {
        await using var page = await hall.OpenAsync();
        var t = await page.RunAsync("transcript");

        var expected = Item("ElectionSystem/v2/zero-or-one") + ItemInt(2) + Item("7") + Item("ballot") + Item(Convert.FromHexString(G1))
            + ItemInt(0) + ItemInt(1);
        Assert.Equal(expected, t.GetProperty("bytes").GetString());

        var order = BigInteger.Pow(2, 252) + BigInteger.Parse("27742317777372353535851937790883648493");
        var hash = SHA512.HashData(Convert.FromHexString(expected));
        var c = new BigInteger(hash, isUnsigned: true, isBigEndian: false) % order;
        var bytes = new byte[32];
        c.TryWriteBytes(bytes, out _, isUnsigned: true, isBigEndian: false);
        Assert.Equal(Convert.ToHexStringLower(bytes), t.GetProperty("challenge").GetString());
    }

    [Fact]
    public async Task On_a_page_without_the_WebAssembly_allowance_the_modules_refuse_to_start()
    {
        await using var page = await hall.OpenAsync("/login");
        var error = await page.Page.EvaluateAsync<string>(
            "async () => { try { await import('/js/crypto/group.js'); return 'loaded'; } catch (e) { return String(e.message); } }");
        Assert.Equal("libsodium did not start: this page's Content-Security-Policy must allow 'wasm-unsafe-eval'", error);
        Assert.Contains(page.Problems, p => p.Contains("WebAssembly", StringComparison.Ordinal) && p.Contains("script-src 'self'", StringComparison.Ordinal));
    }
}
