using System.Security.Claims;
using System.Text.Json;
using ElectionSystem.Board;
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
        // The proofs are the expensive part (two scalar multiplications a total): checked here, before the
        // rounds lock, against the totals as stored; under the lock only when those totals were not there yet.
        var early = await CheckOutsideLockAsync(roundId, r, delegateId, ct);
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
            var checkedShares = early is { } pre && pre.Totals == enc.Totals && pre.Member == me.Index ? pre.Checked : Check(r, totals, context, me);
            if (checkedShares.Problem is { } bad) return bad;
            var mine = checkedShares.Value!;
            rounds.AddPartial(roundId, me.Index, JsonSerializer.Serialize(r, EncryptedRounds.Json));
            await audit.AppendAsync(user, "election.round.partial-decryption", $"round:{roundId}", new { trustee = me.Index });

            var ceremony = await db.Set<KeyCeremony>().AsNoTracking().FirstAsync(c => c.Id == enc.CeremonyId, ct);
            var election = await db.ElectionOfAsync(round, ct);
            if (partials.Count + 1 >= ceremony.Threshold)
            {
                var all = partials.Select(p => Decryption(p.Index, JsonSerializer.Deserialize<PartialDecryptionRequest>(p.Json, EncryptedRounds.Json)!))
                    .Append(mine).ToList();
                var layout = BallotLayout.Of(await db.BallotRoundAsync(round, election, ct));
                Tally decrypted;
                try
                {
                    decrypted = totals.Ballots == 0
                        ? new Tally(0, 0, new Dictionary<InvalidReason, int>(), new int[layout.Rows.Count])
                        : Decode(layout, totals, all);
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
                    trustees = all.Select(p => p.Trustee), round.RecordSha256, collected = stored.Counted.Result.Collected,
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

    /// <summary>What was checked before the lock: against which stored totals, for which member.</summary>
    private sealed record EarlyCheck(string Totals, int Member, ProblemOr<TrusteeDecryption> Checked);

    /// <summary>The proof checks, before the lock, when the round is closed and the poster is a member (else the lock's checks answer).</summary>
    private async Task<EarlyCheck?> CheckOutsideLockAsync(Guid roundId, PartialDecryptionRequest r, Guid delegateId, CancellationToken ct)
    {
        var enc = await rounds.Db.Set<EncryptedRound>().AsNoTracking().FirstOrDefaultAsync(x => x.RoundId == roundId, ct);
        if (enc?.Totals is null || enc.DecryptedAt is not null) return null;
        if (await rounds.CeremonyMemberAsync(enc.CeremonyId, delegateId, ct) is not { } me) return null;
        return new EarlyCheck(enc.Totals, me.Index, Check(r, EncryptedRounds.ReadTotals(enc.Totals), KeyCeremonies.Strings(enc.Context), me));
    }

    /// <summary>Every share decodes and every proof holds against the member's K_j in its context (entries on every core); else 400 naming the first bad entry.</summary>
    private static ProblemOr<TrusteeDecryption> Check(PartialDecryptionRequest r, EncryptedTotals totals, IReadOnlyList<string> context, CeremonyMember me)
    {
        if (r.Rows.Count != totals.Rows.Count || r.Options.Count != totals.Options.Count)
            return Problems.BadRequest($"Cần {totals.Rows.Count} phần giải mã cho các dòng (rows) và {totals.Options.Count} cho các lựa chọn (options), nhận được {r.Rows.Count} và {r.Options.Count}.");
        var k = Group.DecodeElement(me.VerificationKey!);
        var entries = r.Rows.Select((e, i) => (Kind: "row", Index: i, Entry: e, Total: totals.Rows[i]))
            .Concat(r.Options.Select((e, i) => (Kind: "option", Index: i, Entry: e, Total: totals.Options[i]))).ToList();
        var parsed = new PartialDecryption?[entries.Count];
        var problems = new string?[entries.Count];
        Parallel.For(0, entries.Count, n =>
        {
            var (kind, i, entry, total) = entries[n];
            var path = $"{kind}s[{i}]";
            try
            {
                parsed[n] = Parse(entry, me.Index);
            }
            catch (FormatException e)
            {
                problems[n] = $"{path}: {e.Message}";
                return;
            }
            if (!ThresholdDecryption.Verify(EncryptedRounds.PartialContext(context, kind, i, me.Index), k, total, parsed[n]!))
                problems[n] = $"{path}: chứng minh giải mã (Chaum–Pedersen) không đúng với khóa kiểm tra K_{me.Index} của đồng chí.";
        });
        if (problems.FirstOrDefault(p => p is not null) is { } first) return Problems.BadRequest(first);
        return new TrusteeDecryption(me.Index, parsed[..r.Rows.Count]!, parsed[r.Rows.Count..]!);
    }

    private static PartialDecryption Parse(PartialEntry e, int trustee)
    {
        if (e.Proof is not { Count: 2 }) throw new FormatException("proof: cần đúng hai số [c, v].");
        return new PartialDecryption(trustee, Group.DecodeElement(e.Share), new DecryptionProof(Group.DecodeScalar(e.Proof[0]), Group.DecodeScalar(e.Proof[1])));
    }

    /// <summary>A stored member's decryption (checked when it was posted).</summary>
    internal static TrusteeDecryption Decryption(int trustee, PartialDecryptionRequest r) =>
        new(trustee, [.. r.Rows.Select(e => Parse(e, trustee))], [.. r.Options.Select(e => Parse(e, trustee))]);

    /// <summary>The k decryptions combined into counts (<see cref="BoardTally.Counts"/>, the verifier's own), then the Domain's decode.</summary>
    private static Tally Decode(BallotLayout layout, EncryptedTotals totals, IReadOnlyList<TrusteeDecryption> all)
    {
        var counts = BoardTally.Counts(new BoardTotals(totals.Rows, totals.Options), all, totals.Ballots);
        if (Array.IndexOf(counts, null) is var missing and >= 0)
            throw new InvalidOperationException($"tổng thứ {(missing < totals.Rows.Count ? missing : missing - totals.Rows.Count) + 1} không nằm trong 0…{totals.Ballots}.");
        var values = counts.Select(c => (int)c!.Value).ToList();
        return layout.Decode(values[..totals.Rows.Count], values[totals.Rows.Count..]);
    }
}
