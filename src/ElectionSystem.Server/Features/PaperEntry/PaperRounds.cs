using System.Security.Claims;
using ElectionSystem.Domain.Elections;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Audit;
using ElectionSystem.Server.Features.Elections;
using ElectionSystem.Server.Features.Shared;
using ElectionSystem.Server.Hosting;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.PaperEntry;

/// <summary>A round as paper entry reads it: its row, its election and the Domain round its ballots are read against.</summary>
public sealed record PaperRound(ElectionRoundRow Row, Election Election, ElectionRound Round)
{
    /// <summary>Why paper cannot be keyed in now, or null.</summary>
    public string? WaitingFor => Row.State switch
    {
        RoundState.Open => "Lần bầu đang bỏ phiếu: nhập phiếu sau khi đóng lần bầu và mở hòm phiếu.",
        RoundState.Closed => null,
        _ => "Kết quả lần bầu này đã được xác nhận: không nhập phiếu được nữa.",
    };

    public List<NameRow> Names() => Round.InBallotOrder.Select((c, i) => new NameRow(i + 1, c.FullName)).ToList();
}

public static class PaperRounds
{
    /// <summary>Ba trạm nhập phiếu: every paper ballot is keyed in three times.</summary>
    public const int Stations = 3;
    public const int MaxBundleSize = 1000;

    public static async Task<PaperRound?> LoadPaperRoundAsync(this ElectionDbContext db, Guid roundId, CancellationToken ct, bool track = false)
    {
        var row = await (track ? db.TrackedRoundAsync(roundId, ct) : db.RoundAsync(roundId, ct));
        if (row is null) return null;
        var e = await db.ElectionOfAsync(row, ct);
        return new PaperRound(row, e, await db.BallotRoundAsync(row, e, ct));
    }

    public static string Me(ClaimsPrincipal user) => user.Identity?.Name ?? "";
}

/// <summary>Confirmation of a round waits until its paper entry is complete (registered with the round's counting).</summary>
public sealed class PaperConfirmationBlocker(ElectionDbContext db) : IConfirmationBlocker
{
    public async Task<string?> BlockingAsync(Guid roundId, CancellationToken ct)
    {
        var state = await db.Set<PaperCount>().AsNoTracking().Where(p => p.RoundId == roundId).Select(p => (PaperCountState?)p.State).FirstOrDefaultAsync(ct);
        return state is null or PaperCountState.Completed
            ? null
            : "Nhập phiếu giấy chưa hoàn tất (còn tập chưa nhập xong hoặc chênh lệch chưa kết luận): chưa xác nhận kết quả được.";
    }
}
