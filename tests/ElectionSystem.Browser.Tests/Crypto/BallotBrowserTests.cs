using System.Text.Json;

namespace ElectionSystem.Browser.Tests.Crypto;

/// <summary>
/// Issue 14, browser side, spec v2 "Ballot": for each of the spec's three example shapes, Chromium
/// encrypts valid ballots and deliberately invalid ones (each option) and its verifier accepts them
/// with the tracker the encryption gave; a plaintext that is not a ballot of the shape is refused
/// before anything is encrypted; and every one-part change to a ballot is refused, naming the part.
/// </summary>
public sealed class BallotBrowserTests(CryptoHall hall) : IClassFixture<CryptoHall>
{
    private static int[] Rows(int n, params int[] kept) => [.. Enumerable.Range(0, n).Select(i => kept.Contains(i) ? 1 : 0)];

    private static object Case(string shape, int[] rows, int option) => new { shape, plaintext = new { rows, option } };

    [Fact]
    public async Task Each_example_shape_encrypts_and_verifies_valid_and_invalid_options()
    {
        object[] cases =
        [
            // A list with surplus, 13 names, 11 seats: kept 1 … 11 valid; too-many-kept (1), all-struck (2) with every row 0.
            Case("surplus", Rows(13, 0), 0),
            Case("surplus", Rows(13, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 0),
            Case("surplus", Rows(13), 1),
            Case("surplus", Rows(13), 2),
            // One candidate, no surplus: agree 0 or 1, or invalid (neither-or-both) with the row 0.
            Case("single", [1], 0),
            Case("single", [0], 0),
            Case("single", [0], 1),
            // n = s = 3, no surplus: any agreement, valid only.
            Case("noSurplus", [1, 0, 1], 0),
            Case("noSurplus", [0, 0, 0], 0),
            Case("noSurplus", [1, 1, 1], 0),
        ];
        await using var page = await hall.OpenAsync();
        var results = (await page.RunAsync("roundTrips", cases)).EnumerateArray().ToList();

        Assert.Equal(cases.Length, results.Count);
        int[] branches = [11, 11, 11, 11, 2, 2, 2, 4, 4, 4];
        for (var i = 0; i < results.Count; i++)
        {
            var r = results[i];
            Assert.False(r.TryGetProperty("refused", out var why), $"case {i}: {why}");
            Assert.True(r.GetProperty("valid").GetBoolean(), $"case {i}: {r}");
            Assert.Matches("^[0-9a-f]{64}$", r.GetProperty("tracker").GetString());
            Assert.Equal(r.GetProperty("encryptedTracker").GetString(), r.GetProperty("tracker").GetString());
            Assert.Equal(branches[i], r.GetProperty("branches").GetInt32());
        }
        Assert.Equal(results.Count, results.Select(r => r.GetProperty("tracker").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task A_plaintext_that_is_not_a_ballot_of_the_shape_is_not_encrypted()
    {
        object[] cases =
        [
            Case("surplus", Rows(13), 0),                                         // valid, nobody kept
            Case("surplus", Rows(13, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), 0),  // valid, 12 kept of 11 seats
            Case("surplus", Rows(13, 4), 2),                                      // invalid, yet a row kept
            Case("single", [1], 1),
            Case("noSurplus", [1, 2, 0], 0),                                      // a row that is not 0/1
            Case("noSurplus", [1, 0, 1], 1),                                      // no such option
            Case("surplus", Rows(12, 0), 0),                                      // a row short
        ];
        await using var page = await hall.OpenAsync();
        var results = (await page.RunAsync("roundTrips", cases)).EnumerateArray().ToList();
        Assert.All(results, r => Assert.StartsWith("not a ballot of this round", r.GetProperty("refused").GetString()));
    }

    [Fact]
    public async Task A_changed_ballot_is_refused_naming_what_failed()
    {
        await using var page = await hall.OpenAsync();
        var t = await page.RunAsync("tampering");
        string? Failure(string name) => t.GetProperty(name).ValueKind == JsonValueKind.Null ? null : t.GetProperty(name).GetString();

        Assert.Null(Failure("untouched"));
        // A changed ciphertext changes H, so the first proof bound to it (row 0) fails.
        Assert.StartsWith("row 0:", Failure("rowCiphertext"));
        Assert.StartsWith("row 0:", Failure("rowsSwapped"));
        Assert.Equal("row 2: the challenges do not add up", Failure("rowProof"));
        Assert.Equal("option 1: the challenges do not add up", Failure("optionProof"));
        Assert.Equal("selector: the challenges do not add up", Failure("selector"));
        Assert.Equal("constraint: the challenges do not add up", Failure("constraintBranch"));
        Assert.Equal("constraint: expected 11 branches", Failure("constraintDropped"));
        Assert.Equal("expected 13 rows", Failure("rowDropped"));
        Assert.Equal("row 0: a ciphertext component is not a valid element", Failure("upperCase"));
        Assert.Equal("row 0: the proof is not a list of [c, v] canonical scalars", Failure("nonCanonical"));
        Assert.Equal("option 0: a ciphertext component is not a valid element", Failure("identity"));
        Assert.StartsWith("row 0:", Failure("otherRound"));
        Assert.StartsWith("row 0:", Failure("otherKey"));
        Assert.Equal("constraint: expected 10 branches", Failure("otherShape"));
    }
}
