using System.Text.Json;

namespace ElectionSystem.Browser.Tests.Crypto;

/// <summary>
/// Issue 14, browser side, spec v2 "Key ceremony and decryption" and the share file: five members
/// (3 of 5) hold a ceremony in the page, ballots are encrypted to its key, their totals are decrypted
/// by three members with proofs and combined to the counts this test chose; a share file opens with
/// its passphrase only.
/// </summary>
public sealed class CeremonyBrowserTests(CryptoHall hall) : IClassFixture<CryptoHall>
{
    [Fact]
    public async Task Three_of_five_members_decrypt_the_totals_of_the_ballots_to_the_chosen_counts()
    {
        // A list of 5 names for 3 seats; six ballots, two of them deliberately invalid.
        int[][] rows = [[1, 1, 1, 0, 0], [1, 0, 0, 0, 1], [0, 1, 1, 0, 0], [1, 0, 0, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0]];
        int[] options = [0, 0, 0, 0, 1, 2];
        var plaintexts = rows.Select((r, i) => new { rows = r, option = options[i] }).ToArray();
        var shape = new { rows = 5, options = 3, weight = 3, lo = -2, hi = 0 };
        int[][] trusteeSets = [[1, 3, 5], [2, 4, 5], [1, 2, 3, 4, 5], [1, 2]];

        await using var page = await hall.OpenAsync();
        var c = await page.RunAsync("ceremony", new { n = 5, k = 3, shape, plaintexts, trusteeSets });

        Assert.All(c.GetProperty("members").EnumerateArray(), m =>
        {
            Assert.True(m.GetProperty("sharesHold").GetBoolean(), $"member {m.GetProperty("j")}: a share from the ceremony was refused");
            Assert.True(m.GetProperty("keyMatches").GetBoolean(), $"member {m.GetProperty("j")}: g^(x_j) ≠ K_j");
        });
        Assert.True(c.GetProperty("everyoneSamePk").GetBoolean());
        Assert.False(c.GetProperty("wrongShareHolds").GetBoolean());
        Assert.False(c.GetProperty("higherDegreeHolds").GetBoolean());   // a dealer with k + 1 commitments
        Assert.True(c.GetProperty("allValid").GetBoolean());

        var checks = c.GetProperty("partialChecks");
        Assert.Equal(JsonValueKind.Null, checks.GetProperty("own").ValueKind);
        foreach (var wrong in new[] { "otherMembersKey", "otherContext", "otherTotal", "changedD" })
        {
            Assert.Equal("the proof does not hold", checks.GetProperty(wrong).GetString());
        }

        int?[] expected = [.. Enumerable.Range(0, 5).Select(i => (int?)rows.Sum(r => r[i])), .. Enumerable.Range(0, 3).Select(o => (int?)options.Count(x => x == o))];
        Assert.Equal([3, 2, 2, 0, 1, 4, 1, 1], expected);
        var results = c.GetProperty("results").EnumerateArray().ToList();
        foreach (var result in results.Take(3))
        {
            Assert.True(result.GetProperty("proofsHold").GetBoolean());
            Assert.Equal(expected, Counts(result));
        }
        // Two members are fewer than k = 3: what they combine is not the count.
        Assert.NotEqual(expected, Counts(results[3]));
    }

    private static int?[] Counts(JsonElement result) =>
        [.. result.GetProperty("counts").EnumerateArray().Select(x => x.ValueKind == JsonValueKind.Null ? (int?)null : x.GetInt32())];

    [Fact]
    public async Task A_share_file_opens_with_its_passphrase_and_with_no_other()
    {
        await using var page = await hall.OpenAsync();
        var f = await page.RunAsync("shareFile", new { passphrase = "cây tre trăm đốt 1945", wrong = "cây tre trăm đốt 1946" });

        Assert.False(f.GetProperty("fileHoldsShare").GetBoolean());
        Assert.False(f.GetProperty("fileHoldsPassphrase").GetBoolean());
        var kdf = f.GetProperty("kdf");
        Assert.Equal("argon2id13", kdf.GetProperty("algorithm").GetString());
        Assert.Equal(3, kdf.GetProperty("opsLimit").GetInt32());            // libsodium's OPSLIMIT_MODERATE
        Assert.Equal(256 << 20, kdf.GetProperty("memLimit").GetInt32());    // MEMLIMIT_MODERATE, 256 MiB

        var original = f.GetProperty("original");
        var reopened = f.GetProperty("reopened");
        foreach (var name in new[] { "index", "threshold", "members", "publicKey", "verificationKey", "share" })
        {
            Assert.Equal(original.GetProperty(name).ToString(), reopened.GetProperty(name).ToString());
        }
        Assert.Equal("Cụm mật khẩu không đúng (hoặc tệp khoá đã bị sửa).", f.GetProperty("wrong").GetString());
        Assert.Equal("Phần công khai của tệp khoá không khớp với phần đã niêm phong.", f.GetProperty("movedIndex").GetString());
        // The file chooses its Argon2id limits: refused above 10 passes / 1 GiB and below 2 / 64 MiB, before deriving anything.
        Assert.Equal("Tệp khoá đòi Argon2id 11 lượt trên 268435456 byte bộ nhớ: chỉ mở tệp đòi tối đa 10 lượt và 1 GiB.", f.GetProperty("tooManyOps").GetString());
        Assert.Equal("Tệp khoá đòi Argon2id 3 lượt trên 2147483648 byte bộ nhớ: chỉ mở tệp đòi tối đa 10 lượt và 1 GiB.", f.GetProperty("tooMuchMemory").GetString());
        Assert.Equal("Tệp khoá đặt Argon2id 1 lượt trên 268435456 byte bộ nhớ: cần ít nhất 2 lượt và 64 MiB để bảo vệ khoá.", f.GetProperty("tooWeak").GetString());
    }
}
