using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ElectionSystem.Board;
using ElectionSystem.Crypto;
using ElectionSystem.Domain.Congress;
using ElectionSystem.Domain.Elections;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Tests.Infrastructure;
using ElectionSystem.Server.Features.Elections;
using CryptoPlaintext = ElectionSystem.Crypto.BallotPlaintext;
using PlainBallotJson = ElectionSystem.Server.Features.Elections.BallotJson;
using WireBallot = ElectionSystem.Crypto.BallotJson;

namespace ElectionSystem.Server.Tests.Elections.Keys;

/// <summary>
/// Encrypted tablet rounds through the public API (issue 14): ballots encrypted and proved in C# as the
/// tablet will, checked before they are acknowledged; the close stores the totals; k of n members'
/// partial decryptions confirm the round; the announced result is the Domain's count of the plaintexts
/// the test chose; the database file and its WAL hold no plaintext.
/// </summary>
public class EncryptedRoundTests(ElectionsHall hall) : IClassFixture<ElectionsHall>
{
    [Fact]
    public async Task Encrypted_rounds_are_checked_at_the_cast_decrypted_by_k_members_and_counted_by_the_Domain_without_a_plaintext_stored()
    {
        var members = await Trustees.SignInAsync(hall, 5);
        var ceremony = await Trustees.CeremonyAsync(hall, members, 3);
        Assert.Equal(CeremonyStates.Ready, ceremony.State);
        var seated = await hall.SeatAsync(12);
        var trackers = new List<string>();
        var plaintextNeedles = new List<string>();

        // A list with surplus: 4 names, 2 seats.
        var surplus = await hall.ElectionAsync(ElectionKinds.Other, "Bầu thử mã hóa", 2, ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung"]);
        var r1 = await hall.OpenNextRoundAsync(surplus.Id);
        var open = await Tablet(seated[0], r1.Id);
        var enc = open.Encryption!;
        Assert.Equal(new BallotShapeDto(4, 3, 2, -1, 0), enc.Shape);
        var domain = DomainRound(open, ElectionKind.Other);
        var layout = BallotLayout.Of(domain);
        Assert.Equal(layout.Rows, enc.Layout.CandidateIds);
        var ids = layout.Rows;
        List<BallotContent> choices =
        [
            new BallotContent.Struck([ids[0], ids[1]]),           // valid, keeps 2, 3
            new BallotContent.Struck([ids[2], ids[3]]),           // valid, keeps 0, 1
            new BallotContent.Struck([ids[1], ids[2], ids[3]]),   // valid, keeps 0
            new BallotContent.Struck([ids[0], ids[2]]),           // valid, keeps 1, 3
            new BallotContent.Struck([ids[0]]),                   // invalid: keeps 3 of 2 seats
            new BallotContent.Struck([.. ids]),                   // invalid: all struck
        ];
        var sent = new List<string>();
        for (var i = 0; i < choices.Count; i++)
        {
            var json = Encrypt(enc, layout, choices[i]);
            var key = ElectionsHall.NewKey();
            var receipt = await ElectionsHall.OkAsync<CastReceipt>(Cast(seated[i], r1.Id, key, json));
            Assert.Equal(BallotEncryption.Tracker(WireBallot.Parse(json)), receipt.Receipt);
            trackers.Add(receipt.Receipt);
            sent.Add(json);
            plaintextNeedles.Add(PlainBallotJson.ToJson(choices[i]));
            if (i == 0)
            {
                // The tablet resends until acknowledged: the same key and ballot get the same receipt, nothing more is stored.
                var again = await ElectionsHall.OkAsync<CastReceipt>(Cast(seated[i], r1.Id, key, json));
                Assert.Equal((receipt.Receipt, true), (again.Receipt, again.AlreadyRecorded));
            }
        }

        // Refused, each with a 400 that says why, and nothing stored: a forged proof, another round's
        // context, a plaintext ballot on an encrypted round; a copied ballot is a conflict.
        var late = seated[6];
        var forged = Forge(sent[1]);
        await RefusedAsync(Cast(late, r1.Id, ElectionsHall.NewKey(), forged), HttpStatusCode.BadRequest, "không qua kiểm tra");
        var otherRound = enc with { Context = [.. enc.Context.Take(3), "99"] };
        await RefusedAsync(Cast(late, r1.Id, ElectionsHall.NewKey(), Encrypt(otherRound, layout, choices[0])), HttpStatusCode.BadRequest, "không qua kiểm tra");
        await RefusedAsync(ElectionsHall.CastAsync(late.Tablet, r1.Id, ElectionsHall.NewKey(), [ids[0], ids[1]]), HttpStatusCode.BadRequest, "phiếu mã hóa");
        await RefusedAsync(Cast(late, r1.Id, ElectionsHall.NewKey(), "{\"rows\":[]}"), HttpStatusCode.BadRequest, "sai định dạng");
        // The tablet never sends a choice in the clear: no server-side draft check on an encrypted round.
        await RefusedAsync(late.Tablet.PostAsJsonAsync($"/api/elections/rounds/{r1.Id}/ballot/check", new BallotRequest([ids[0]], null)), HttpStatusCode.BadRequest, "không gửi lựa chọn chưa mã hóa");
        await RefusedAsync(Cast(late, r1.Id, ElectionsHall.NewKey(), sent[2]), HttpStatusCode.Conflict, "trùng mã theo dõi");
        choices.Add(new BallotContent.Struck([ids[1], ids[3]]));
        var lastJson = Encrypt(enc, layout, choices[^1]);
        trackers.Add((await ElectionsHall.OkAsync<CastReceipt>(Cast(late, r1.Id, ElectionsHall.NewKey(), lastJson))).Receipt);
        plaintextNeedles.Add(PlainBallotJson.ToJson(choices[^1]));

        await ElectionsHall.OkAsync<CommitteeRoundDto>(members[0].Client.PostAsync($"/api/committee/rounds/{r1.Id}/close", null));
        await RefusedAsync(members[0].Client.PostAsync($"/api/committee/rounds/{r1.Id}/confirm", null), HttpStatusCode.Conflict, "phần giải mã");
        var totals = await ElectionsHall.OkAsync<RoundTotalsDto>(members[0].Client.GetAsync($"/api/committee/rounds/{r1.Id}/totals"));
        Assert.Equal((7, 4, 3, false), (totals.Ballots, totals.Rows.Count, totals.Options.Count, totals.Decrypted));

        // A staff account with the committee's role is no trustee; a wrong proof is refused; a member posts once.
        using var account = await hall.ClientAsync(Roles.CountingCommittee);
        await RefusedAsync(account.PostAsJsonAsync($"/api/committee/rounds/{r1.Id}/decryption", Partials(members[0], totals)), HttpStatusCode.Forbidden, "thành viên");
        var m1 = await PostPartialsAsync(members[0], r1.Id);
        Assert.False(m1.Decrypted);
        await RefusedAsync(members[0].Client.PostAsJsonAsync($"/api/committee/rounds/{r1.Id}/decryption", Partials(members[0], totals)), HttpStatusCode.Conflict, "đã gửi");
        var wrong = new Trustee(members[2].Code, members[2].Client) { Index = members[2].Index, Share = members[2].Share + Scalar.One };
        await RefusedAsync(members[2].Client.PostAsJsonAsync($"/api/committee/rounds/{r1.Id}/decryption", Partials(wrong, totals)), HttpStatusCode.BadRequest, "Chaum–Pedersen");
        var m2 = await PostPartialsAsync(members[2], r1.Id);
        Assert.False(m2.Decrypted);
        var beforeK = await ElectionsHall.OkAsync<CommitteeRoundDto>(members[0].Client.GetAsync($"/api/committee/rounds/{r1.Id}"));
        Assert.Equal((RoundStates.Closed, (RoundResultDto?)null), (beforeK.State, beforeK.Result));

        var m3 = await PostPartialsAsync(members[4], r1.Id);
        Assert.True(m3.Decrypted);
        Assert.Equal([1, 3, 5], m3.Posted.Select(p => p.Index));
        var announced = await ElectionsHall.OkAsync<ResultsAnnounced>(members[0].Client.PostAsJsonAsync($"/api/committee/rounds/{r1.Id}/announce", new AnnounceRequest("ballot")));
        AssertDomainCount(announced.Result, ElectionKind.Other, open, choices);
        Assert.Equal([3, 2, 2, 2], ids.Select(id => announced.Result.Candidates.Single(c => c.Id == id).Votes));
        Assert.Equal(trackers.Order(StringComparer.Ordinal), announced.Receipts);
        // The board (election-board/1) of the announced round checks from the file alone, to the announced
        // result; a delegate finds their tracker on it.
        var boardJson = await seated[0].Tablet.GetStringAsync($"/api/elections/rounds/{r1.Id}/board");
        var verified = BoardVerifier.VerifyJson(boardJson);
        Assert.True(verified.IsValid, verified.Failure);
        Assert.Equal((7, 0, 3), (verified.Summary!.TabletBallots, verified.Summary.PaperBallots, verified.Summary.Trustees.Count));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(verified.ResultJson!), JsonNode.Parse(boardJson)!["result"]), "The board's result is not the verifier's count.");
        var found = await ElectionsHall.OkAsync<TrackerOnBoard>(seated[3].Tablet.GetAsync($"/api/elections/rounds/{r1.Id}/board/{trackers[3]}"));
        Assert.True(found.Found && found.Position >= 1, $"tracker {trackers[3]} not on the board");
        Assert.False((await ElectionsHall.OkAsync<TrackerOnBoard>(seated[3].Tablet.GetAsync($"/api/elections/rounds/{r1.Id}/board/{new string('0', 64)}"))).Found);
        var tampered = boardJson.Replace(trackers[3], trackers[2] == trackers[3] ? trackers[3] : trackers[2], StringComparison.Ordinal);
        Assert.False(BoardVerifier.VerifyJson(tampered).IsValid);

        // The decryption stands where the two confirmations stood: the first to decrypt and the one who completed it.
        var confirmed = await ElectionsHall.OkAsync<CommitteeRoundDto>(members[0].Client.GetAsync($"/api/committee/rounds/{r1.Id}"));
        Assert.Equal([members[0].Code, members[4].Code], confirmed.Confirmations.Select(c => c.By[(c.By.LastIndexOf('(') + 1)..^1]));
        var docx = await members[0].Client.GetAsync($"/api/minutes/rounds/{r1.Id}.docx");
        Assert.True(docx.IsSuccessStatusCode, $"{(int)docx.StatusCode}");

        // One candidate, no surplus ("đồng ý" / "không đồng ý"): decrypted by another 3 of the 5.
        var single = await hall.ElectionAsync(ElectionKinds.Other, "Bầu thử một ứng viên", 1, ["Hoàng Văn Em"]);
        var r2 = await hall.OpenNextRoundAsync(single.Id);
        var open2 = await Tablet(seated[0], r2.Id);
        Assert.Equal(new BallotShapeDto(1, 2, 1, -1, 0), open2.Encryption!.Shape);
        var layout2 = BallotLayout.Of(DomainRound(open2, ElectionKind.Other));
        var only = layout2.Rows[0];
        List<BallotContent> choices2 =
        [
            new BallotContent.Marks(new Dictionary<string, Mark> { [only] = Mark.Agree }),
            new BallotContent.Marks(new Dictionary<string, Mark> { [only] = Mark.Agree }),
            new BallotContent.Marks(new Dictionary<string, Mark> { [only] = Mark.Disagree }),
            new BallotContent.Marks(new Dictionary<string, Mark> { [only] = Mark.Both }),
        ];
        // Cast at once: each is checked in its own request, side by side, then written by the one writer.
        var burst = choices2.Select((c, i) => Encrypt(open2.Encryption, layout2, c)).ToList();
        var receipts2 = await Task.WhenAll(burst.Select((json, i) => ElectionsHall.OkAsync<CastReceipt>(Cast(seated[i], r2.Id, ElectionsHall.NewKey(), json))));
        Assert.Equal(burst.Select(json => BallotEncryption.Tracker(WireBallot.Parse(json))), receipts2.Select(x => x.Receipt));
        trackers.AddRange(receipts2.Select(x => x.Receipt));
        plaintextNeedles.AddRange(choices2.Select(PlainBallotJson.ToJson));
        await ElectionsHall.OkAsync<CommitteeRoundDto>(members[1].Client.PostAsync($"/api/committee/rounds/{r2.Id}/close", null));
        foreach (var m in new[] { members[1], members[3] }) Assert.False((await PostPartialsAsync(m, r2.Id)).Decrypted);
        Assert.True((await PostPartialsAsync(members[4], r2.Id)).Decrypted);
        var announced2 = await ElectionsHall.OkAsync<ResultsAnnounced>(members[1].Client.PostAsJsonAsync($"/api/committee/rounds/{r2.Id}/announce", new AnnounceRequest("ballot")));
        AssertDomainCount(announced2.Result, ElectionKind.Other, open2, choices2);
        Assert.Equal((4, 3, 2), (announced2.Result.Collected, announced2.Result.Valid, announced2.Result.Candidates[0].Votes));

        // The data folder, byte by byte (main file and WAL): every tracker is there (the scan sees the
        // ballots), no plaintext of any ballot the test chose, in the server's plaintext form or any.
        var bytes = await DataAsync();
        foreach (var t in trackers) Assert.True(Contains(bytes, t), $"tracker {t} not found: the scan does not see the ballots");
        foreach (var needle in plaintextNeedles.Append("\"struck\"").Append("\"marks\"").Append("\"agree\""))
        {
            Assert.False(Contains(bytes, needle), $"plaintext {needle} found in the data folder");
        }
    }

    internal static async Task<BallotView> Tablet(SeatedDelegate d, Guid roundId)
    {
        var state = await ElectionsHall.OkAsync<TabletBallotState>(d.Tablet.GetAsync("/api/elections/ballot"));
        Assert.Equal(roundId, state.Ballot!.RoundId);
        Assert.NotNull(state.Ballot.Encryption);
        return state.Ballot;
    }

    /// <summary>The Domain round the tablet's view stands for (Base and issued do not matter to a ballot's layout).</summary>
    internal static ElectionRound DomainRound(BallotView view, ElectionKind kind) =>
        new(kind, view.Seats, new CongressBase(0, 0, 0), 0, [.. view.Names.Select(n => new Candidate(n.Id, n.FullName))], ElectionRules.Default);

    /// <summary>What the tablet will do: the Domain's plaintext of the choice, encrypted and proved for the round.</summary>
    internal static string Encrypt(RoundEncryption enc, BallotLayout layout, BallotContent choice)
    {
        var p = layout.Encode(choice);
        var shape = new BallotShape(enc.Shape.R, enc.Shape.K, enc.Shape.W, enc.Shape.Lo, enc.Shape.Hi);
        return WireBallot.Write(BallotEncryption.Encrypt(ProofContext.Of([.. enc.Context]), Group.DecodeElement(enc.PublicKey), shape, new CryptoPlaintext(p.Rows, p.Options)));
    }

    /// <summary>The ballot with its first row's proof answered by another (canonical) scalar: well-formed, but false.</summary>
    internal static string Forge(string json)
    {
        var ballot = WireBallot.Parse(json);
        var row = ballot.Rows[0];
        var branches = row.Proof.Branches.ToList();
        branches[0] = branches[0] with { Response = branches[0].Response + Scalar.One };
        return WireBallot.Write(ballot with { Rows = [row with { Proof = row.Proof with { Branches = branches } }, .. ballot.Rows.Skip(1)] });
    }

    internal static Task<HttpResponseMessage> Cast(SeatedDelegate d, Guid roundId, string key, string json) =>
        d.Tablet.PostAsJsonAsync($"/api/elections/rounds/{roundId}/ballot", new CastRequest(key, null, null, null, JsonDocument.Parse(json).RootElement.Clone()));

    internal static async Task RefusedAsync(Task<HttpResponseMessage> call, HttpStatusCode status, string detail)
    {
        var response = await call;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
        Assert.Contains(detail, body);
    }

    /// <summary>What a member's browser will do: D_j = A^(x_j) of every total with its proof, in the contexts the server names.</summary>
    internal static PartialDecryptionRequest Partials(Trustee m, RoundTotalsDto totals)
    {
        var k = Group.GPow(m.Share);
        List<PartialEntry> Of(IReadOnlyList<TotalEntry> entries, string kind) => [.. entries.Select((t, i) =>
        {
            var context = EncryptedRounds.PartialContext(totals.Context, kind, i, m.Index);
            var p = ThresholdDecryption.Decrypt(context, m.Index, m.Share, k, new Ciphertext(Group.DecodeElement(t.A), Group.DecodeElement(t.B)));
            return new PartialEntry(Group.EncodeElement(p.Share), [Group.EncodeScalar(p.Proof.Challenge), Group.EncodeScalar(p.Proof.Response)]);
        })];
        return new PartialDecryptionRequest(Of(totals.Rows, "row"), Of(totals.Options, "option"));
    }

    internal static async Task<RoundTotalsDto> PostPartialsAsync(Trustee m, Guid roundId)
    {
        var totals = await ElectionsHall.OkAsync<RoundTotalsDto>(m.Client.GetAsync($"/api/committee/rounds/{roundId}/totals"));
        Assert.Equal(m.Index, totals.You);
        Assert.Equal(EncryptedRounds.PartialContext(totals.Context, "row", 0, m.Index).Parts, totals.Rows[0].Context);
        return await ElectionsHall.OkAsync<RoundTotalsDto>(m.Client.PostAsJsonAsync($"/api/committee/rounds/{roundId}/decryption", Partials(m, totals)));
    }

    /// <summary>The announced result equals the Domain's own count of the plaintext ballots the test chose, with the same Base and issued.</summary>
    internal static void AssertDomainCount(RoundResultDto announced, ElectionKind kind, BallotView view, IReadOnlyList<BallotContent> choices)
    {
        var round = new ElectionRound(kind, view.Seats, new CongressBase(announced.Base, 0, 0), announced.Issued,
            [.. view.Names.Select(n => new Candidate(n.Id, n.FullName))], ElectionRules.Default);
        var expected = round.Count(choices.Select((c, i) => new Ballot($"b{i}", BallotSource.Tablet, c)));
        Assert.Equal((expected.Collected, expected.Valid), (announced.Collected, announced.Valid));
        Assert.Equal(expected.Invalid.Values.Sum(), announced.Invalid);
        Assert.Equal(expected.Candidates.Select(c => (c.Candidate.Id, c.Votes)), announced.Candidates.Select(c => (c.Id, c.Votes)));
        Assert.Equal(expected.Elected.Order(), announced.Elected.Select(e => e.Id).Order());
    }

    /// <summary>
    /// SQLite: the data folder's files, byte by byte (main file and WAL). PostgreSQL: every row of every
    /// table of the hall's database as text (what a dump gives); the cluster's files are shared by every
    /// test's database, and the physical side there (heap order, WAL) is ADR 0011's.
    /// </summary>
    private async Task<byte[]> DataAsync()
    {
        if (!TestDatabase.IsPostgres)
        {
            return [.. Directory.GetFiles(hall.DataFolder, "election.db*").SelectMany(File.ReadAllBytes)];
        }
        await using var connection = new Npgsql.NpgsqlConnection(PostgresCluster.Instance.ConnectionString(hall.PostgresDatabase!));
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new Npgsql.NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        var text = new StringBuilder();
        foreach (var table in tables)
        {
            await using var rows = new Npgsql.NpgsqlCommand($"SELECT t::text FROM \"{table}\" t", connection);
            await using var reader = await rows.ExecuteReaderAsync();
            while (await reader.ReadAsync()) text.AppendLine(reader.GetString(0));
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static bool Contains(byte[] haystack, string needle) => haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle)) >= 0;
}
