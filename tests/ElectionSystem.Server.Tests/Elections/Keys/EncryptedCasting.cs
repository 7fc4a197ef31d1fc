using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ElectionSystem.Board;
using ElectionSystem.Domain.Elections;
using ElectionSystem.Server.Features.Elections;
using WireBallot = ElectionSystem.Crypto.BallotJson;

namespace ElectionSystem.Server.Tests.Elections.Keys;

/// <summary>One delegate's encrypted ballot as the test chose it: who, what, the wire JSON and its tracker.</summary>
public sealed record ChosenBallot(int Seat, BallotContent Choice, string Json, string Tracker);

/// <summary>
/// Encrypted rounds at congress size for the hall tests (issue 14): the tablets' encryption done in
/// parallel (as 300 tablets would, each on its own device), casts in parallel batches or one by one,
/// the k members' decryption, and the announced result checked against the Domain's count of the
/// plaintexts the test chose and against the verifier's count of the exported board.
/// </summary>
public static class EncryptedCasting
{
    /// <summary>The tablet's view and the Domain's layout of the open round.</summary>
    public static async Task<(BallotView View, BallotLayout Layout)> OpenAsync(SeatedDelegate d, Guid roundId, ElectionKind kind)
    {
        var view = await EncryptedRoundTests.Tablet(d, roundId);
        return (view, BallotLayout.Of(EncryptedRoundTests.DomainRound(view, kind)));
    }

    /// <summary>Each chosen ballot encrypted and proved, in parallel (the tablets' work, not the server's).</summary>
    public static List<ChosenBallot> Encrypt(BallotView view, BallotLayout layout, IReadOnlyList<(int Seat, BallotContent Choice)> chosen)
    {
        var json = new string[chosen.Count];
        Parallel.For(0, chosen.Count, i => json[i] = EncryptedRoundTests.Encrypt(view.Encryption!, layout, chosen[i].Choice));
        return [.. chosen.Select((c, i) => new ChosenBallot(c.Seat, c.Choice, json[i], ElectionSystem.Crypto.BallotEncryption.Tracker(WireBallot.Parse(json[i]))))];
    }

    /// <summary>Casts the ballots <paramref name="concurrent"/> at a time (1: one after another); every receipt is the ballot's tracker.</summary>
    public static async Task CastAsync(List<SeatedDelegate> seated, Guid roundId, IReadOnlyList<ChosenBallot> ballots, int concurrent)
    {
        foreach (var batch in ballots.Chunk(concurrent))
        {
            var receipts = await Task.WhenAll(batch.Select(b =>
                ElectionsHall.OkAsync<CastReceipt>(EncryptedRoundTests.Cast(seated[b.Seat], roundId, ElectionsHall.NewKey(), b.Json))));
            Assert.Equal(batch.Select(b => b.Tracker), receipts.Select(r => r.Receipt));
        }
    }

    /// <summary>Encrypts and casts the test's choices (seat → choice; null: does not vote), 16 requests at a time.</summary>
    public static async Task<List<ChosenBallot>> VoteAsync(List<SeatedDelegate> seated, Guid roundId, BallotView view, BallotLayout layout,
        Func<int, BallotContent?> choiceOf)
    {
        var chosen = Enumerable.Range(0, seated.Count).Select(i => (Seat: i, Choice: choiceOf(i))).Where(c => c.Choice is not null)
            .Select(c => (c.Seat, c.Choice!)).ToList();
        var ballots = Encrypt(view, layout, chosen);
        await CastAsync(seated, roundId, ballots, 16);
        return ballots;
    }

    /// <summary>Close by the first member, then each of <paramref name="decryptors"/> posts their partial decryptions; only the last completes it.</summary>
    public static async Task CloseAndDecryptAsync(Guid roundId, IReadOnlyList<Trustee> decryptors)
    {
        await ElectionsHall.OkAsync<CommitteeRoundDto>(decryptors[0].Client.PostAsync($"/api/committee/rounds/{roundId}/close", null));
        for (var i = 0; i < decryptors.Count; i++)
        {
            var totals = await EncryptedRoundTests.PostPartialsAsync(decryptors[i], roundId);
            Assert.Equal(i == decryptors.Count - 1, totals.Decrypted);
        }
    }

    /// <summary>
    /// Announces the decrypted round; its result must equal the Domain's count of the chosen plaintexts and
    /// the verifier's count of the round's exported board (which must check), with every tracker on it.
    /// </summary>
    public static async Task<RoundResultDto> AnnounceAndVerifyAsync(Trustee member, SeatedDelegate reader, Guid roundId, ElectionKind kind,
        BallotView view, IReadOnlyList<ChosenBallot> ballots, string order = "ballot")
    {
        var announced = await ElectionsHall.OkAsync<ResultsAnnounced>(member.Client.PostAsJsonAsync($"/api/committee/rounds/{roundId}/announce", new AnnounceRequest(order)));
        EncryptedRoundTests.AssertDomainCount(announced.Result, kind, view, [.. ballots.Select(b => b.Choice)]);
        Assert.Equal(ballots.Select(b => b.Tracker).Order(StringComparer.Ordinal), announced.Receipts);
        var boardJson = await reader.Tablet.GetStringAsync($"/api/elections/rounds/{roundId}/board");
        var verified = BoardVerifier.VerifyJson(boardJson);
        Assert.True(verified.IsValid, verified.Failure);
        Assert.Equal((ballots.Count, 0, 3), (verified.Summary!.TabletBallots, verified.Summary.PaperBallots, verified.Summary.Trustees.Count));
        var verifierResult = JsonNode.Parse(verified.ResultJson!)!;
        Assert.True(JsonNode.DeepEquals(verifierResult, JsonNode.Parse(boardJson)!["result"]), "The board's result is not the verifier's count.");
        // The verifier's own figures, field by field, against the announced result.
        Assert.Equal(announced.Result.Valid, verifierResult["valid"]!.GetValue<int>());
        var votes = verifierResult["candidates"]!.AsArray().ToDictionary(c => c!["id"]!.GetValue<string>(), c => c!["votes"]!.GetValue<int>());
        Assert.Equal(announced.Result.Candidates.ToDictionary(c => c.Id, c => c.Votes), votes);
        Assert.Equal(announced.Result.Elected.Select(e => e.Id).Order(), verifierResult["elected"]!.AsArray().Select(e => e!.GetValue<string>()).Order());
        return announced.Result;
    }
}
