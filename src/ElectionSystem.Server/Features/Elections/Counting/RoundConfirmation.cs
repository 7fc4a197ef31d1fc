using System.Security.Claims;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Audit;
using ElectionSystem.Server.Features.Shared;
using ElectionSystem.Server.Hosting;

namespace ElectionSystem.Server.Features.Elections;

/// <summary>Xác nhận kết quả: two different counting-committee accounts confirm the stored count.</summary>
public sealed class RoundConfirmation(
    ElectionDbContext db, AuditLog audit, HallClock clock, RoundTransitions transitions, IEnumerable<IConfirmationBlocker> blockers)
{
    public async Task<ProblemOr<RoundSignal>> ConfirmAsync(Guid roundId, ClaimsPrincipal user, CancellationToken ct)
    {
        var account = user.Identity?.Name ?? "";
        RoundSignal signal;
        using (await transitions.EnterAsync(ct))
        {
            var round = await db.TrackedRoundAsync(roundId, ct);
            if (round is null) return Problems.NotFound(RoundWords.RoundNotFound);
            if (round.State != RoundState.Closed)
            {
                return Problems.Conflict(round.State is RoundState.Confirmed or RoundState.Announced
                    ? "Kết quả đã được hai thành viên Ban Kiểm phiếu xác nhận."
                    : "Chỉ xác nhận kết quả sau khi đã đóng lần bầu.");
            }
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
                return Problems.Conflict($"Tài khoản {account} đã xác nhận: cần một thành viên Ban Kiểm phiếu khác xác nhận.");
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
}
