using System.Text.Json;
using ElectionSystem.Crypto;
using ElectionSystem.Server.Features.Shared;

namespace ElectionSystem.Server.Features.Elections;

/// <summary>An encrypted ballot's pre-check: its tracker, whether every proof holds (always, when answered 200), and whether this node remembers it for the cast.</summary>
public sealed record EncryptedBallotCheck(string Tracker, bool ProofsValid, bool Remembered, string MessageVi);

/// <summary>
/// POST …/ballot/check with <c>{ encrypted }</c>: the tablet posts the ballot it encrypted when the delegate
/// opened "Xem lại phiếu", in the background. The ballot is parsed strictly and every proof checked
/// (through <see cref="ProofCheckGate"/>) as the cast would; a ballot that passes is remembered by its
/// tracker (<see cref="ProofPrechecks"/>), so its cast — seconds or minutes later, in the burst — only
/// writes. Nothing is written or audited: nothing changes. A delegate may ask <see cref="ProofPrechecks.PerDelegate"/>
/// times a round (429 after), so a tablet cannot spend the hall's CPU.
/// </summary>
public sealed class EncryptedPrechecking(OpenRound openRound, ProofCheckGate gate, ProofPrechecks prechecks)
{
    public const string Verified = "Phiếu mã hóa đúng mẫu phiếu của lần bầu: mọi chứng minh đều hợp lệ.";
    public static readonly string TooMany =
        $"Máy tính bảng này đã gửi kiểm tra phiếu mã hóa {ProofPrechecks.PerDelegate} lần trong lần bầu này: không kiểm tra thêm. " +
        "Đồng chí vẫn gửi phiếu được; máy chủ kiểm tra phiếu khi nhận.";

    public async Task<ProblemOr<EncryptedBallotCheck>> CheckAsync(Guid roundId, Guid delegateId, JsonElement json, CancellationToken ct)
    {
        var snap = await openRound.SnapshotAsync(ct);
        if (snap.Open?.Id != roundId) return Problems.Conflict(BallotCasting.RoundNotOpen + ".");
        if (snap.Key is not { } key) return Problems.BadRequest(EncryptedCasting.PlaintextOnly);
        if (!prechecks.TryCount(roundId, delegateId)) return Problems.TooManyRequests(TooMany);

        await gate.WaitAsync(ct);
        try
        {
            if (EncryptedCasting.Parse(json, out var ballot) is { } malformed) return malformed;
            if (EncryptedCasting.Refused(gate.Verify(key, ballot)) is { } refused) return refused;
            var tracker = BallotEncryption.Tracker(ballot);
            // Sent in its canonical form (as tablets do): the cast of these same bytes need not even parse them.
            var wire = json.GetRawText() == Crypto.BallotJson.Write(ballot) ? ProofPrechecks.WireDigest(json) : null;
            return new EncryptedBallotCheck(tracker, true, prechecks.Remember(roundId, tracker, wire), Verified);
        }
        finally
        {
            gate.Release();
        }
    }
}
