using System.Security.Claims;
using ElectionSystem.Domain.Elections;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Audit;
using ElectionSystem.Server.Features.Shared;
using ElectionSystem.Server.Hosting;

namespace ElectionSystem.Server.Features.Elections;

/// <summary>
/// Đóng lần bầu: no ballot is accepted after it, and the round is counted — once, here (RoundTally).
/// Nothing of the tally is readable before the close, and nothing outside the committee before the announcement.
/// </summary>
public sealed class RoundClosing(ElectionDbContext db, AuditLog audit, HallClock clock, RoundTransitions transitions, RoundTally tally)
{
    public async Task<ProblemOr<RoundSignal>> CloseAsync(Guid roundId, ClaimsPrincipal user, CancellationToken ct)
    {
        RoundSignal signal;
        await using (await transitions.EnterAsync(db, ct))
        {
            var round = await db.TrackedRoundAsync(roundId, ct);
            if (round is null) return Problems.NotFound(RoundWords.RoundNotFound);
            if (round.State != RoundState.Open) return Problems.Conflict($"{RoundWords.Label(round)} không đang mở: không đóng được.");
            if (await tally.DamageAsync(ct) is [var damage, ..])
            {
                return Problems.Unavailable(
                    $"Không đóng được {RoundWords.Label(round)}: kiểm tra cơ sở dữ liệu thấy tệp bị hỏng ({Shorten(damage)}), " +
                    "nên không kiểm phiếu trên dữ liệu có thể thiếu. Lần bầu vẫn đang mở, chưa có gì thay đổi. " +
                    "Hãy báo kỹ thuật viên khôi phục cơ sở dữ liệu từ bản sao lưu trước khi đóng lần bầu.",
                    "Cơ sở dữ liệu bị hỏng");
            }
            var election = await db.ElectionOfAsync(round, ct);
            var count = await tally.CountAtCloseAsync(round, ct);
            round.State = RoundState.Closed;
            round.ClosedAt = clock.UtcNow;
            // An encrypted round (count null) is counted when k members have decrypted its totals.
            await audit.AppendAsync(user, "election.round.closed", $"round:{round.Id}", count is null
                ? (object)new { election = election.Id, round.Number, issued = IssuedBallots.Total(round.Issued, round.IssuedPaper, round.Present), encrypted = true }
                : new
                {
                    election = election.Id, round.Number, issued = count.Counted.Record.Election.Issued,
                    collected = count.Counted.Result.Collected, recordSha256 = round.RecordSha256,
                });
            await db.SaveChangesAsync(ct);
            await tally.ForgetWriteOrderAsync(ct);
            signal = new RoundSignal(round.Id, election.Id, round.State.Word(), election.Title, RoundWords.Label(round));
        }
        await transitions.ClosedAsync(signal);
        return signal;
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
