using System.Security.Claims;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Audit;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Shared;
using ElectionSystem.Server.Hosting;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.Elections;

/// <summary>
/// Xác nhận kết quả: two different members of the counting committee's list confirm the stored count,
/// each from their own member session (badge or code + PIN + the member's own passphrase). A staff account, whatever its role, is
/// not a member: no account an organiser creates or resets can stand in for one (ADR 0010).
/// </summary>
public sealed class RoundConfirmation(
    ElectionDbContext db, AuditLog audit, HallClock clock, RoundTransitions transitions, IEnumerable<IConfirmationBlocker> blockers)
{
    public async Task<ProblemOr<RoundSignal>> ConfirmAsync(Guid roundId, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await CountingCommitteeMembers.DecidingMemberAsync(db, user, ct) is not { } account) return Problems.Forbidden(NotAMember);
        RoundSignal signal;
        await using (await transitions.EnterAsync(db, ct))
        {
            var round = await db.TrackedRoundAsync(roundId, ct);
            if (round is null) return Problems.NotFound(RoundWords.RoundNotFound);
            if (round.State != RoundState.Closed)
            {
                return Problems.Conflict(round.State is RoundState.Confirmed or RoundState.Announced
                    ? "Kết quả đã được hai thành viên Ban Kiểm phiếu xác nhận."
                    : "Chỉ xác nhận kết quả sau khi đã đóng lần bầu.");
            }
            if (await db.Set<EncryptedRound>().AnyAsync(r => r.RoundId == roundId, ct)) return Problems.Conflict(DecryptionConfirms);
            foreach (var blocker in blockers)
            {
                if (await blocker.BlockingAsync(roundId, ct) is { } why) return Problems.Conflict(why);
            }
            if (round.FirstConfirmedBy is null)
            {
                round.FirstConfirmedBy = account;
                round.FirstConfirmedAt = clock.UtcNow;
            }
            else if (string.Equals(round.FirstConfirmedBy, account, StringComparison.OrdinalIgnoreCase))
            {
                return Problems.Conflict($"Đồng chí {account} đã xác nhận: cần một thành viên Ban Kiểm phiếu khác xác nhận.");
            }
            else
            {
                round.SecondConfirmedBy = account;
                round.SecondConfirmedAt = clock.UtcNow;
                round.State = RoundState.Confirmed;
            }
            await audit.AppendAsync(user, "election.round.confirmed", $"round:{round.Id}", new { round.RecordSha256, second = round.SecondConfirmedBy is not null });
            await db.SaveChangesAsync(ct);
            var election = await db.ElectionOfAsync(round, ct);
            signal = new RoundSignal(round.Id, election.Id, round.State.Word(), election.Title, RoundWords.Label(round));
        }
        await transitions.ConfirmedAsync(signal);
        return signal;
    }

    public const string DecryptionConfirms = "Lần bầu này dùng phiếu mã hóa: kết quả được xác nhận khi đủ k thành viên Ban Kiểm phiếu gửi phần giải mã (POST /api/committee/rounds/{id}/decryption).";

    public const string NotAMember = "Chỉ thành viên Ban Kiểm phiếu (do Đại hội biểu quyết) xác nhận kết quả, "
        + "đăng nhập bằng thẻ đại biểu hoặc mã đại biểu và mã PIN của chính mình tại /committee.";
}
