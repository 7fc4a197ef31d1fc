using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.Elections;

/// <summary>Results of counted rounds, read from the stored count: for the committee after the close, for everyone once announced.</summary>
public sealed class RoundResults(ElectionDbContext db, RoundCounts counts, OpenRoundCache cache)
{
    /// <summary>The counted result (null before the close).</summary>
    public async Task<RoundResultDto?> ResultAsync(ElectionRoundRow round, CancellationToken ct)
    {
        if (round.RecordJson is null) return null;
        return ResultView.From(round, await db.ElectionOfAsync(round, ct), counts.Read(round));
    }

    public async Task<ProblemOr<RoundResultDto>> PublicResultAsync(Guid roundId, CancellationToken ct)
    {
        var round = await db.RoundAsync(roundId, ct);
        if (round is null) return Problems.NotFound(RoundWords.RoundNotFound);
        if (round.State != RoundState.Announced) return Problems.Conflict("Kết quả lần bầu này chưa được công bố.");
        return (await ResultAsync(round, ct))!;
    }

    public async Task<ProblemOr<IReadOnlyList<string>>> PublicReceiptsAsync(Guid roundId, CancellationToken ct)
    {
        // Announced is final: the list is read and sorted once, not by each of 1,600 tablets.
        if (cache.TryGetPublished(roundId, out var published)) return new(published, null);
        var round = await db.RoundAsync(roundId, ct);
        if (round is null) return new(null, Problems.NotFound(RoundWords.RoundNotFound));
        if (round.State != RoundState.Announced) return new(null, Problems.Conflict("Danh sách mã biên nhận được công bố cùng kết quả."));
        var receipts = await db.ReceiptCodesAsync(roundId, ct);
        cache.StorePublished(roundId, receipts);
        return new(receipts, null);
    }

    /// <summary>The latest announced round's result and receipts (for the projector), or none.</summary>
    public async Task<(RoundResultDto? Result, IReadOnlyList<string> Receipts)> LatestAnnouncedAsync(CancellationToken ct)
    {
        var last = await db.Set<ElectionRoundRow>().AsNoTracking().Where(r => r.State == RoundState.Announced)
            .OrderByDescending(r => r.AnnouncedAt).FirstOrDefaultAsync(ct);
        if (last is null) return (null, []);
        return (await ResultAsync(last, ct), await db.ReceiptCodesAsync(last.Id, ct));
    }

    /// <summary>The exported record (after the close) for the committee and the organisers.</summary>
    public async Task<ProblemOr<string>> RecordAsync(Guid roundId, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct)
    {
        var round = await db.RoundAsync(roundId, ct);
        if (round is null) return Problems.NotFound(RoundWords.RoundNotFound);
        if (round.RecordJson is null) return Problems.Conflict("Biên bản điện tử (election-record/1) có sau khi đóng lần bầu.");
        if (!TallyAccess.MaySee(round.State, user)) return TallyAccess.NotAnnounced();
        return round.RecordJson;
    }
}
