using System.Security.Claims;
using System.Text.Json;
using ElectionSystem.Crypto;
using ElectionSystem.Domain.Elections;
using ElectionSystem.Server.Features.Audit;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.Elections;

/// <summary>
/// Closing = decrypting (issue 14): after the close, each member of the round's ceremony posts D_j = A^(x_j)
/// for every total with its Chaum–Pedersen proof, checked against K_j. When k are in (and no paper entry
/// is pending), the server combines them (Lagrange at 0, discrete log), the Domain decodes the totals
/// into a Tally (BallotLayout.Decode), the paper ballots of a mixed round are added (Tally.Plus), and the
/// round is counted once through the counting seam and confirmed: for an encrypted round the k-of-n
/// decryption is the confirmation. Fewer than k: nothing is decrypted.
/// </summary>
public sealed class RoundDecryption(EncryptedRounds rounds, AuditLog audit, RoundTransitions transitions, RoundTally tally, IEnumerable<IConfirmationBlocker> blockers)
{
    public const string NotAMember = "Chỉ thành viên Ban Kiểm phiếu đã tham gia lễ tạo khóa của lần bầu này, đăng nhập bằng mã đại biểu và mã PIN của chính mình, gửi phần giải mã.";

    public async Task<ProblemOr<RoundTotalsDto>> TotalsAsync(Guid roundId, ClaimsPrincipal user, CancellationToken ct)
    {
        var db = rounds.Db;
        var round = await db.RoundAsync(roundId, ct);
        if (round is null) return Problems.NotFound(RoundWords.RoundNotFound);
        var enc = await db.Set<EncryptedRound>().AsNoTracking().FirstOrDefaultAsync(r => r.RoundId == roundId, ct);
        if (enc is null) return Problems.Conflict(NotEncrypted);
        if (enc.Totals is null) return Problems.Conflict("Lần bầu chưa đóng: tổng phiếu mã hóa có sau khi đóng lần bầu.");
        var ceremony = await db.Set<KeyCeremony>().AsNoTracking().FirstAsync(c => c.Id == enc.CeremonyId, ct);
        var me = CommitteeMemberClaims.MemberId(user) is { } id ? await rounds.CeremonyMemberAsync(enc.CeremonyId, id, ct) : null;
        var context = KeyCeremonies.Strings(enc.Context);
        var totals = EncryptedRounds.ReadTotals(enc.Totals);
        var names = await db.Set<CeremonyMember>().AsNoTracking().Where(m => m.CeremonyId == enc.CeremonyId).ToDictionaryAsync(m => m.Index, m => m.FullName, ct);
        var posted = (await rounds.PartialsAsync(roundId, ct)).Select(p => new Decryptor(p.Index, names[p.Index])).ToList();
        List<TotalEntry> Entries(IReadOnlyList<Ciphertext> list, string kind) => [.. list.Select((c, i) => new TotalEntry(
            Group.EncodeElement(c.A), Group.EncodeElement(c.B),
            me is null ? null : EncryptedRounds.PartialContext(context, kind, i, me.Index).Parts))];
        return new RoundTotalsDto(roundId, round.State.Word(), context, ceremony.PublicKey!, ceremony.Threshold, ceremony.Members, me?.Index,
            enc.DecryptedAt is not null, totals.Ballots, Entries(totals.Rows, "row"), Entries(totals.Options, "option"), posted);
    }

    public async Task<ProblemOr<RoundTotalsDto>> PostAsync(Guid roundId, PartialDecryptionRequest r, ClaimsPrincipal user, CancellationToken ct)
    {
        if (CommitteeMemberClaims.MemberId(user) is not { } delegateId) return Problems.Forbidden(NotAMember);
        var db = rounds.Db;
        RoundSignal signal;
        await using (await transitions.EnterAsync(db, ct))
        {
            var round = await db.TrackedRoundAsync(roundId, ct);
            if (round is null) return Problems.NotFound(RoundWords.RoundNotFound);
            var enc = await rounds.OfAsync(roundId, ct);
            if (enc is null) return Problems.Conflict(NotEncrypted);
            if (round.State is RoundState.Draft or RoundState.Open) return Problems.Conflict("Chỉ giải mã sau khi đã đóng lần bầu.");
            if (enc.DecryptedAt is not null) return Problems.Conflict("Lần bầu này đã được giải mã và xác nhận kết quả.");
            if (await rounds.CeremonyMemberAsync(enc.CeremonyId, delegateId, ct) is not { } me) return Problems.Forbidden(NotAMember);
            var partials = await rounds.PartialsAsync(roundId, ct);
            if (partials.Any(p => p.Index == me.Index)) return Problems.Conflict($"Đồng chí {me.FullName} đã gửi phần giải mã của lần bầu này.");
            foreach (var blocker in blockers)
            {
                if (await blocker.BlockingAsync(roundId, ct) is { } why) return Problems.Conflict(why);
            }
            var totals = EncryptedRounds.ReadTotals(enc.Totals!);
            var context = KeyCeremonies.Strings(enc.Context);
            var checkedShares = Check(r, totals, context, me);
            if (checkedShares.Problem is { } bad) return bad;
            rounds.AddPartial(roundId, me.Index, JsonSerializer.Serialize(r, EncryptedRounds.Json));
            await audit.AppendAsync(user, "election.round.partial-decryption", $"round:{roundId}", new { trustee = me.Index });

            var ceremony = await db.Set<KeyCeremony>().AsNoTracking().FirstAsync(c => c.Id == enc.CeremonyId, ct);
            var election = await db.ElectionOfAsync(round, ct);
            if (partials.Count + 1 >= ceremony.Threshold)
            {
                var all = partials.Select(p => (p.Index, Request: JsonSerializer.Deserialize<PartialDecryptionRequest>(p.Json, EncryptedRounds.Json)!))
                    .Append((me.Index, r)).ToList();
                var layout = BallotLayout.Of(await db.BallotRoundAsync(round, election, ct));
                Tally decrypted;
                try
                {
                    decrypted = totals.Ballots == 0
                        ? new Tally(0, 0, new Dictionary<InvalidReason, int>(), new int[layout.Rows.Count])
                        : layout.Decode(Combine(totals.Rows, all, p => p.Rows, totals.Ballots), Combine(totals.Options, all, p => p.Options, totals.Ballots));
                }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException)
                {
                    return Problems.Conflict("Ghép các phần giải mã không ra số phiếu hợp lệ: " + e.Message);
                }
                var stored = await tally.CountDecryptedAsync(round, decrypted, ct);
                round.State = RoundState.Confirmed;
                rounds.Decrypted(enc);
                // The decryption is the confirmation: the first member to decrypt and the one who completed it
                // stand where the two confirmations stood (minutes, committee view); the audit line names all k.
                var first = partials.Count > 0 ? partials[0] : null;
                var members = await db.Set<CeremonyMember>().AsNoTracking().Where(m => m.CeremonyId == enc.CeremonyId).ToDictionaryAsync(m => m.Index, ct);
                round.FirstConfirmedBy = Account(members[first?.Index ?? me.Index]);
                round.FirstConfirmedAt = first?.PostedAt ?? enc.DecryptedAt;
                round.SecondConfirmedBy = Account(me);
                round.SecondConfirmedAt = enc.DecryptedAt;
                await audit.AppendAsync(user, "election.round.decrypted", $"round:{roundId}", new
                {
                    trustees = all.Select(p => p.Index), round.RecordSha256, collected = stored.Counted.Result.Collected,
                });
            }
            await db.SaveChangesAsync(ct);
            signal = new RoundSignal(round.Id, round.ElectionId, round.State.Word(), election.Title, RoundWords.Label(round));
        }
        await transitions.ConfirmedAsync(signal);
        return await TotalsAsync(roundId, user, ct);
    }

    private static string Account(CeremonyMember m) => $"{m.FullName} ({m.Code})";

    public const string NotEncrypted = "Lần bầu này không mã hóa: kết quả do hai thành viên Ban Kiểm phiếu xác nhận như trước.";

    /// <summary>Every share decodes and every proof holds against the member's K_j in its context; else 400 naming the entry.</summary>
    private static ProblemOr<bool> Check(PartialDecryptionRequest r, EncryptedTotals totals, IReadOnlyList<string> context, CeremonyMember me)
    {
        if (r.Rows.Count != totals.Rows.Count || r.Options.Count != totals.Options.Count)
            return Problems.BadRequest($"Cần {totals.Rows.Count} phần giải mã cho các dòng (rows) và {totals.Options.Count} cho các lựa chọn (options), nhận được {r.Rows.Count} và {r.Options.Count}.");
        var k = Group.DecodeElement(me.VerificationKey!);
        foreach (var (kind, posted, sums) in new[] { ("row", r.Rows, totals.Rows), ("option", r.Options, totals.Options) })
        {
            for (var i = 0; i < posted.Count; i++)
            {
                var path = $"{kind}s[{i}]";
                PartialDecryption p;
                try
                {
                    p = Parse(posted[i], me.Index);
                }
                catch (FormatException e)
                {
                    return Problems.BadRequest($"{path}: {e.Message}");
                }
                if (!ThresholdDecryption.Verify(EncryptedRounds.PartialContext(context, kind, i, me.Index), k, sums[i], p))
                    return Problems.BadRequest($"{path}: chứng minh giải mã (Chaum–Pedersen) không đúng với khóa kiểm tra K_{me.Index} của đồng chí.");
            }
        }
        return new ProblemOr<bool>(true, null);
    }

    private static PartialDecryption Parse(PartialEntry e, int trustee)
    {
        if (e.Proof is not { Count: 2 }) throw new FormatException("proof: cần đúng hai số [c, v].");
        return new PartialDecryption(trustee, Group.DecodeElement(e.Share), new DecryptionProof(Group.DecodeScalar(e.Proof[0]), Group.DecodeScalar(e.Proof[1])));
    }

    private static List<int> Combine(IReadOnlyList<Ciphertext> sums, List<(int Index, PartialDecryptionRequest Request)> all,
        Func<PartialDecryptionRequest, IReadOnlyList<PartialEntry>> pick, int ballots) =>
        [.. sums.Select((c, i) => ThresholdDecryption.CombineToCount(c, [.. all.Select(p => Parse(pick(p.Request)[i], p.Index))], ballots) is { } m
            ? (int)m
            : throw new InvalidOperationException($"tổng thứ {i + 1} không nằm trong 0…{ballots}."))];
}
