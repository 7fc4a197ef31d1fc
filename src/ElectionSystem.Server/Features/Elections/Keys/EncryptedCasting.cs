using System.Text.Json;
using ElectionSystem.Crypto;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Http.HttpResults;
using ProofCheck = ElectionSystem.Crypto.BallotCheck;
using WireBallot = ElectionSystem.Crypto.BallotJson;

namespace ElectionSystem.Server.Features.Elections;

/// <summary>
/// The cast of an encrypted ballot: parsed strictly (the wire form), every proof checked against the
/// round's context, pk and shape BEFORE the ballot is queued — unless this node checked this very ballot
/// (its tracker) while the delegate reviewed it (<see cref="EncryptedPrechecking"/>); the very bytes it pre-checked
/// are not even parsed again (<see cref="ProofPrechecks.TrackerOfWire"/>) — in the request's
/// own thread, so a burst's checks run side by side on every core and the writer's single thread only writes — then
/// written like any ballot (participation and ballot in one transaction, once per delegate), stored
/// as its wire JSON under its tracker, which is the receipt. The server never sees a plaintext.
/// </summary>
public sealed class EncryptedCasting(ElectionDbContext db, BallotWriter writer, ProofCheckGate gate, ProofPrechecks prechecks)
{
    public const string EncryptedOnly = "encrypted: lần bầu này dùng phiếu mã hóa — máy tính bảng mã hóa phiếu và gửi trường \"encrypted\", không gửi struck/marks.";
    public const string PlaintextOnly = "encrypted: lần bầu này không mã hóa — gửi phiếu bằng struck/marks.";
    public const string NoPlaintextCheck = "Lần bầu này dùng phiếu mã hóa: máy tính bảng tự kiểm tra phiếu theo mẫu phiếu (encryption.layout), không gửi lựa chọn chưa mã hóa lên máy chủ.";
    public const string Mixed = "encrypted: phiếu mã hóa không gửi kèm struck/marks/acceptInvalid (lựa chọn không rời máy tính bảng khi chưa mã hóa).";
    public const string Duplicate = "Phiếu mã hóa này đã được nộp (trùng mã theo dõi): mỗi phiếu chỉ được nộp một lần.";

    /// <param name="key">The open round's key when <paramref name="roundId"/> is the open, encrypted round; else null.</param>
    /// <param name="voted">Who has voted in the open round (the snapshot), or null to read it.</param>
    internal async Task<ProblemOr<CastReceipt>> CastAsync(Guid roundId, Guid delegateId, string keyHash, CastRequest r, JsonElement json,
        RoundKey? key, bool plaintextOpen, IReadOnlyDictionary<Guid, string>? voted, string actor, CancellationToken ct)
    {
        if (r.Struck is not null || r.Marks is not null || r.AcceptInvalid is not null) return Problems.BadRequest(Mixed);
        // A resend after the ballot was recorded: the same key and ballot get the same receipt (even after the close).
        // Who has voted is read before the gate, and the stored ballot looked up after it: the gate's few slots
        // are for parsing and proofs, never held across a database wait (a failover's resends come all at once).
        string? stored = voted is not null
            ? voted.GetValueOrDefault(delegateId)
            : await db.Set<Participation>().AsNoTracking().Where(x => x.RoundId == roundId && x.DelegateId == delegateId).Select(x => x.KeyHash).FirstOrDefaultAsync(ct);
        string tracker, content = "";
        if (prechecks.TrackerOfWire(roundId, ProofPrechecks.WireDigest(json)) is { } prechecked)
        {
            // The very bytes this node pre-checked, in the canonical wire form: the same ballot, every proof holding
            // for this round; its tracker is known and its content is these bytes — nothing to parse or check.
            tracker = prechecked;
            if (stored is null)
            {
                if (key is null) return Problems.Conflict(BallotCasting.RoundNotOpen + ".");
                content = json.GetRawText();
            }
        }
        else
        {
            // Parsed and checked a few at a time (the gate): the casts waiting hold their request's JSON only,
            // not a parsed ballot each and a pool thread each, and are served in the order they came.
            await gate.WaitAsync(ct);
            try
            {
                if (Parse(json, out var ballot) is { } malformed) return malformed;
                tracker = BallotEncryption.Tracker(ballot);
                if (stored is null)
                {
                    if (plaintextOpen) return Problems.BadRequest(PlaintextOnly);
                    if (key is null) return Problems.Conflict(BallotCasting.RoundNotOpen + ".");

                    // Checked while the delegate reviewed it (same tracker: the same ballot, every proof included): only written now.
                    if (!prechecks.IsVerified(roundId, tracker) && Refused(gate.Verify(key, ballot)) is { } refused) return refused;
                    content = WireBallot.Write(ballot);
                }
                // The parsed ballot (objects several times its JSON) is not kept while the cast waits for the writer:
                // in a burst a thousand casts wait at once, long enough to reach the old generation.
                ballot = null!;
            }
            finally
            {
                gate.Release();
            }
        }
        if (stored is not null)
        {
            var known = await db.Set<StoredBallot>().AsNoTracking().AnyAsync(b => b.Id == tracker && b.RoundId == roundId, ct);
            return AnswerResend(stored, keyHash, tracker, known);
        }
        return await writer.WriteAsync(new BallotWriter.Pending(roundId, delegateId, keyHash, r.Key, content, actor, tracker));
    }

    /// <summary>The wire form, parsed strictly: null and the ballot, or 400 naming what is wrong.</summary>
    internal static ProblemHttpResult? Parse(JsonElement json, out EncryptedBallot ballot)
    {
        try
        {
            ballot = WireBallot.Parse(json.GetRawText());
            return null;
        }
        catch (FormatException e)
        {
            ballot = null!;
            return Problems.BadRequest($"encrypted: phiếu mã hóa sai định dạng — {e.Message}");
        }
    }

    /// <summary>A proof that fails, in words (null: every proof holds). What is stored is the wire JSON (the canonical form, whatever the tablet's spacing).</summary>
    internal static ProblemHttpResult? Refused(ProofCheck check) =>
        check.IsValid ? null : Problems.BadRequest($"encrypted: phiếu mã hóa không qua kiểm tra chứng minh — {check.Failure}");

    /// <summary>A delegate who has voted sends again: the same key and the ballot stored get its tracker again; anything else is a second ballot, refused.</summary>
    internal static ProblemOr<CastReceipt> AnswerResend(string storedKeyHash, string keyHash, string tracker, bool trackerStored) =>
        storedKeyHash == keyHash && trackerStored
            ? new CastReceipt(tracker, true, BallotCasting.Recorded)
            : Problems.Conflict(BallotCasting.AlreadyVoted);
}

/// <summary>
/// At most one encrypted ballot parsed and checked per core at a time, the others waiting (asynchronously, first
/// come first served) with nothing but their request: the checks are CPU only (≈ 8 ms for 11 names), so more at
/// once would not finish sooner, and each would hold a parsed ballot and a pool thread (and make the pool add threads).
/// </summary>
public sealed class ProofCheckGate
{
    private readonly SemaphoreSlim _slots = new(Environment.ProcessorCount, Environment.ProcessorCount);
    private long _verified;
    private long _admitted;

    public Task WaitAsync(CancellationToken ct) => _slots.WaitAsync(ct);

    public void Release()
    {
        Interlocked.Increment(ref _admitted);
        _slots.Release();
    }

    /// <summary>Encrypted ballots this node has parsed (each once through the gate): what tells a cast that only wrote.</summary>
    public long Admitted => Interlocked.Read(ref _admitted);

    /// <summary>Ballots whose proofs this node has checked (at a pre-check or a cast): what tells a skipped check from one that ran.</summary>
    public long Verified => Interlocked.Read(ref _verified);

    /// <summary>Every proof of the ballot against the round's context, pk and shape; the caller holds a slot.</summary>
    public ProofCheck Verify(RoundKey key, EncryptedBallot ballot)
    {
        Interlocked.Increment(ref _verified);
        return BallotEncryption.Verify(key.Context, key.PublicKey, key.Shape, ballot);
    }
}
