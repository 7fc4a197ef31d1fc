using System.Diagnostics;
using System.Text.Json;
using ElectionSystem.Crypto;
using ElectionSystem.Domain.Congress;
using ElectionSystem.Domain.Elections;
using ElectionSystem.Server.Features.Elections;
using CryptoPlaintext = ElectionSystem.Crypto.BallotPlaintext;
using WireBallot = ElectionSystem.Crypto.BallotJson;

namespace ElectionSystem.LoadTest;

/// <summary>One tablet's ballot, chosen and encrypted before the burst: the plaintext choice and the wire JSON it posts.</summary>
internal sealed record PreparedBallot(BallotContent Choice, JsonElement Encrypted);

/// <summary>An encrypted round's ballots, made before the burst from the ballot the tablets see.</summary>
internal sealed record PreparedRound(BallotView View, IReadOnlyList<PreparedBallot> Ballots, TimeSpan Took);

/// <summary>
/// What the counting committee's browsers and the tablets' pages do for an encrypted round
/// (docs/verifiable-ballot.md "Server API"), in C# with ElectionSystem.Crypto: the 3-of-5 key
/// ceremony from each member's own session, every tablet's ballot encrypted and proved in advance (as
/// a tablet does before the delegate confirms), and the close: 3 members' partial decryptions.
/// </summary>
internal sealed class EncryptedHall(HallApi api, Staff staff, int? serverPid)
{
    public const int Members = 5;
    public const int Threshold = 3;

    private sealed class Trustee(string token)
    {
        public string Token { get; } = token;
        public int Index { get; set; }
        public (byte[] PublicKey, byte[] SecretKey) Box { get; } = SealedBox.KeyPair();
        public Dealing? Dealing { get; set; }
        public Scalar Share { get; set; }
    }

    private readonly List<Trustee> _trustees = [.. staff.Members.Select(t => new Trustee(t))];

    /// <summary>
    /// The presidium starts a 3-of-5 ceremony; every member posts a box key, deals (each share sealed to
    /// its recipient), opens and Feldman-checks the shares sealed to them, keeps x_j and posts no complaint.
    /// </summary>
    public async Task CeremonyAsync(CancellationToken ct)
    {
        var start = Stopwatch.GetTimestamp();
        await api.CallAsync<CeremonyDto>(HttpMethod.Post, "/api/ceremony", staff.Presidium, new StartCeremonyRequest(Threshold), ct);
        foreach (var m in _trustees)
        {
            var view = await api.CallAsync<CeremonyDto>(HttpMethod.Post, "/api/ceremony/box-key", m.Token, new BoxKeyRequest(Convert.ToHexStringLower(m.Box.PublicKey)), ct);
            m.Index = view.You ?? throw new InvalidOperationException("the ceremony does not name the member");
        }
        var ceremony = await api.CallAsync<CeremonyDto>(HttpMethod.Get, "/api/ceremony", _trustees[0].Token, null, ct);
        foreach (var m in _trustees)
        {
            m.Dealing = ThresholdKey.Deal(m.Index, Threshold);
            var shares = ceremony.Members.Select(r => new SealedShare(r.Index,
                Convert.ToBase64String(SealedBox.Seal(m.Dealing.ShareFor(r.Index).ToBytes(), Convert.FromHexString(r.BoxKey!))))).ToList();
            await api.CallAsync<CeremonyDto>(HttpMethod.Post, "/api/ceremony/dealing", m.Token,
                new DealingRequest([.. m.Dealing.Commitments.Select(Group.EncodeElement)], shares), ct);
        }
        foreach (var m in _trustees)
        {
            var mine = await api.CallAsync<SharesForMemberDto>(HttpMethod.Get, "/api/ceremony/shares", m.Token, null, ct);
            var received = mine.Shares.Select(s =>
            {
                var share = Scalar.FromCanonical(SealedBox.Open(Convert.FromBase64String(s.Sealed), m.Box.PublicKey, m.Box.SecretKey)
                    ?? throw new InvalidOperationException($"member {m.Index}: the share from {s.From} does not open"));
                return ThresholdKey.VerifyShare([.. s.Commitments.Select(Group.DecodeElement)], Threshold, m.Index, share)
                    ? share : throw new InvalidOperationException($"member {m.Index}: the share from {s.From} fails Feldman's check");
            }).ToList();
            m.Share = ThresholdKey.CombineShares(received);
            ceremony = await api.CallAsync<CeremonyDto>(HttpMethod.Post, "/api/ceremony/verification", m.Token, new VerificationRequest([]), ct);
        }
        if (ceremony.State != CeremonyStates.Ready)
        {
            throw new InvalidOperationException($"ceremony {ceremony.State}: {ceremony.Failure}");
        }
        Log.Info($"key ceremony {Threshold} of {ceremony.N} ready in {Log.F(Stats.Ms(start, Stopwatch.GetTimestamp()))} ms; pk {ceremony.PublicKey![..16]}…");
    }

    /// <summary>
    /// The open round's ballot as a tablet fetches it, then for each of <paramref name="count"/> tablets a
    /// choice (<paramref name="choose"/>, on the ballot's names) encoded by the Domain's layout, encrypted
    /// and proved for the round — in parallel on every core.
    /// </summary>
    public static async Task<PreparedRound> PrepareAsync(Tablet tablet, Guid roundId, int count, Func<BallotView, BallotContent> choose, CancellationToken ct)
    {
        var start = Stopwatch.GetTimestamp();
        var view = (await tablet.Http.CallAsync<TabletBallotState>(HttpMethod.Get, "/api/elections/ballot", tablet.Token, null, ct)).Ballot;
        if (view is null || view.RoundId != roundId || view.Encryption is not { } enc)
        {
            throw new InvalidOperationException($"round {roundId} is not open encrypted on the tablet (is the ceremony ready?)");
        }
        var layout = BallotLayout.Of(DomainRound(view, ElectionKind.Other, 0, 0));
        if (!layout.Rows.SequenceEqual(enc.Layout.CandidateIds))
        {
            throw new InvalidOperationException("the server's layout is not the Domain's layout of the ballot's names");
        }
        var context = ProofContext.Of([.. enc.Context]);
        var pk = Group.DecodeElement(enc.PublicKey);
        var shape = new BallotShape(enc.Shape.R, enc.Shape.K, enc.Shape.W, enc.Shape.Lo, enc.Shape.Hi);
        var choices = Enumerable.Range(0, count).Select(_ => choose(view)).ToArray();
        var ballots = new PreparedBallot[count];
        Parallel.For(0, count, new ParallelOptions { CancellationToken = ct }, i =>
        {
            var p = layout.Encode(choices[i]);
            var json = WireBallot.Write(BallotEncryption.Encrypt(context, pk, shape, new CryptoPlaintext(p.Rows, p.Options)));
            ballots[i] = new PreparedBallot(choices[i], JsonDocument.Parse(json).RootElement.Clone());
        });
        return new PreparedRound(view, ballots, Stopwatch.GetElapsedTime(start));
    }

    /// <summary>
    /// Close (the first member) and decrypt: members 1, 3 and 5, each from their own session and at the
    /// same time as on their own devices, read the totals, compute D_j = A^(x_j) of every total with its
    /// proof, and post; then the round's result is read. Timed from the close request to that result.
    /// </summary>
    public async Task<(double CloseMs, double ToResultMs, RoundResultDto Result)> CloseAndDecryptAsync(Guid roundId, CancellationToken ct)
    {
        var (cpuServer0, cpuSelf0) = (Cpu.ProcessSeconds(serverPid), Cpu.SelfSeconds());
        var start = Stopwatch.GetTimestamp();
        await HallSetup.CloseAsync(api, staff, roundId, ct);
        var closed = Stopwatch.GetTimestamp();
        var decryptors = _trustees.OrderBy(m => m.Index).Where((_, i) => i % 2 == 0).Take(Threshold).ToList();
        await Task.WhenAll(decryptors.Select(m => Task.Run(async () =>
        {
            var totals = await api.CallAsync<RoundTotalsDto>(HttpMethod.Get, $"/api/committee/rounds/{roundId}/totals", m.Token, null, ct);
            await api.CallAsync<RoundTotalsDto>(HttpMethod.Post, $"/api/committee/rounds/{roundId}/decryption", m.Token, Partials(m, totals), ct);
        }, ct)));
        var round = await api.CallAsync<CommitteeRoundDto>(HttpMethod.Get, $"/api/committee/rounds/{roundId}", staff.Counter1, null, ct);
        var end = Stopwatch.GetTimestamp();
        var (cpuServer, cpuSelf) = (Cpu.ProcessSeconds(serverPid) - cpuServer0, Cpu.SelfSeconds() - cpuSelf0);
        var result = round.Result ?? throw new InvalidOperationException($"round {roundId} has no result after {Threshold} partial decryptions (state {round.State})");
        Log.Info($"close {Log.F(Stats.Ms(start, closed))} ms; members {string.Join(", ", decryptors.Select(m => m.Index))} decrypted; " +
                 $"result {Log.F(Stats.Ms(start, end))} ms after the close request ({Log.F(Stats.Ms(closed, end))} ms after the close returned); CPU meanwhile: server {Log.F2(cpuServer)} s, tool (the members' side) {Log.F2(cpuSelf)} s; load {Log.LoadAverage()}");
        return (Stats.Ms(start, closed), Stats.Ms(start, end), result);
    }

    private static PartialDecryptionRequest Partials(Trustee m, RoundTotalsDto totals)
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

    /// <summary>The Domain round of the ballot the tablets saw, with the announced Base and issued.</summary>
    private static ElectionRound DomainRound(BallotView view, ElectionKind kind, int @base, int issued) =>
        new(kind, view.Seats, new CongressBase(@base, 0, 0), issued, [.. view.Names.Select(n => new Candidate(n.Id, n.FullName))], ElectionRules.Default);

    /// <summary>
    /// The announced result against the Domain's own count of the plaintexts the tool chose (those
    /// acknowledged): null when equal, else what differs.
    /// </summary>
    public static string? CompareWithDomain(RoundResultDto announced, ElectionKind kind, BallotView view, IEnumerable<BallotContent> choices)
    {
        var expected = DomainRound(view, kind, announced.Base, announced.Issued)
            .Count(choices.Select((c, i) => new Ballot($"b{i}", BallotSource.Tablet, c)));
        var want = (expected.Collected, expected.Valid, Invalid: expected.Invalid.Values.Sum(),
            Votes: string.Join(',', expected.Candidates.Select(c => $"{c.Candidate.Id}:{c.Votes}")),
            Elected: string.Join(',', expected.Elected.Order(StringComparer.Ordinal)));
        var got = (announced.Collected, announced.Valid, announced.Invalid,
            Votes: string.Join(',', announced.Candidates.Select(c => $"{c.Id}:{c.Votes}")),
            Elected: string.Join(',', announced.Elected.Select(e => e.Id).Order(StringComparer.Ordinal)));
        return want == got ? null : $"Domain {want} ≠ announced {got}";
    }
}
