using System.Security.Claims;
using System.Text.Json;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Audit;
using ElectionSystem.Server.Features.Shared;
using ElectionSystem.Server.Features.Tablet;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.Elections;

/// <summary>
/// Bỏ phiếu trên máy tính bảng: ballot secrecy, durability and exactly-once (ARCHITECTURE.md
/// invariants 1–3, ADR 0001). The ballot (random id + content), the participation row (delegate,
/// round, SHA-256 of the submission key) and the receipt code (no link to either) are written in one
/// transaction by <see cref="BallotWriter"/>, and only then is the receipt returned.
/// </summary>
public sealed class BallotCasting(ElectionDbContext db, OpenRound openRound, BallotDrafts drafts, BallotWriter writer, EncryptedCasting encrypted)
{
    public const string Recorded = "Phiếu của đồng chí đã được ghi nhận";
    public const string AlreadyVoted = "Đồng chí đã bỏ phiếu lần bầu này";
    public const string RoundNotOpen = "Lần bầu này không mở để bỏ phiếu";

    public async Task<TabletBallotState> TabletStateAsync(Guid delegateId, CancellationToken ct)
    {
        // Everything comes from the open round's snapshot, "has this delegate voted" included: no query.
        var snap = await openRound.SnapshotAsync(ct);
        if (snap.Ballot is not { } ballot) return new TabletBallotState(null, snap.LastAnnounced);
        var voted = snap.Voted!.ContainsKey(delegateId);
        return new TabletBallotState(voted ? ballot with { Voted = true } : ballot, snap.LastAnnounced);
    }

    public async Task<ProblemOr<CastReceipt>> CastAsync(Guid roundId, ClaimsPrincipal user, CastRequest r, CancellationToken ct)
    {
        if (user.FindDelegateId() is not { } delegateId) return Problems.Unauthorized("Hãy đăng nhập bằng thẻ đại biểu và mã PIN.");
        var keyHash = ReceiptCodes.KeyHash(r.Key);

        // An encrypted round takes only encrypted ballots, a plaintext round only plaintext ones (the flag is fixed at opening).
        var snap = await openRound.SnapshotAsync(ct);
        var isOpen = snap.Open?.Id == roundId;
        if (r.Encrypted is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } sealedBallot)
        {
            return await encrypted.CastAsync(roundId, delegateId, keyHash, r, sealedBallot, isOpen ? snap.Key : null,
                isOpen && snap.Key is null, isOpen ? snap.Voted : null, user.ActorName(), ct);
        }
        if (isOpen && snap.Key is not null) return Problems.BadRequest(EncryptedCasting.EncryptedOnly);

        // A resend of a ballot already recorded gets the same receipt, even after the close:
        // it is in the count. Nothing is written.
        if (await ReplayAsync(roundId, delegateId, keyHash, r.Key, ct) is { } replay) return replay;

        var draft = await drafts.ReadAsync(roundId, r.Struck, r.Marks, ct);
        if (draft.Problem is { } problem) return problem;
        var check = draft.Value!.Judge();
        if (!check.Valid && r.AcceptInvalid != check.Reason)
        {
            return Problems.BadRequest(check.MessageVi!, new Dictionary<string, object?> { ["invalidReason"] = check.Reason });
        }
        // Eligible, durable before acknowledged, once per delegate: the writer decides all three under
        // the round's gate, in the transaction that stores the ballot, and answers after the commit.
        return await writer.WriteAsync(new BallotWriter.Pending(
            roundId, delegateId, keyHash, r.Key, BallotJson.ToJson(draft.Value!.Content), user.ActorName()));
    }

    /// <summary>
    /// A quick answer for a ballot already recorded (same key: the same receipt; another key: refused).
    /// Not recorded yet: null, and the writer decides (it checks again under the gate in any case).
    /// </summary>
    private async Task<ProblemOr<CastReceipt>?> ReplayAsync(Guid roundId, Guid delegateId, string keyHash, string key, CancellationToken ct)
    {
        string? stored;
        var snap = await openRound.SnapshotAsync(ct);
        if (snap is { Open: { } open, Voted: { } voted } && open.Id == roundId)
        {
            // The open round: the snapshot knows every committed participation (no query).
            if (!voted.TryGetValue(delegateId, out stored)) return null;
        }
        else
        {
            stored = await db.Set<Participation>().AsNoTracking()
                .Where(x => x.RoundId == roundId && x.DelegateId == delegateId).Select(x => x.KeyHash).FirstOrDefaultAsync(ct);
            if (stored is null) return null;
        }
        var secret = snap.Open?.Id == roundId
            ? snap.Open.RoundSecret
            : await db.Set<ElectionRoundRow>().AsNoTracking().Where(x => x.Id == roundId).Select(x => x.RoundSecret).FirstAsync(ct);
        return AnswerResend(stored, keyHash, secret, key);
    }

    /// <summary>
    /// A delegate who has voted sends again: with the same key it is the same ballot (its receipt
    /// again, nothing written); with another key it is a second ballot, refused.
    /// </summary>
    internal static ProblemOr<CastReceipt> AnswerResend(string storedKeyHash, string keyHash, byte[] roundSecret, string key) =>
        storedKeyHash == keyHash
            ? new CastReceipt(ReceiptCodes.For(roundSecret, key), true, Recorded)
            : Problems.Conflict(AlreadyVoted);
}
