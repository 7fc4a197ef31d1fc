using System.Security.Claims;
using ElectionSystem.Domain.Elections;
using ElectionSystem.Server.Features.Audit;
using ElectionSystem.Server.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using ElectionSystem.Server.Features.Tablet;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.Elections;

/// <summary>
/// Bỏ phiếu trên máy tính bảng: ballot secrecy, durability and exactly-once (ARCHITECTURE.md
/// invariants 1–3, ADR 0001). The ballot (random id + content), the participation row (delegate,
/// round, SHA-256 of the submission key) and the receipt code (no link to either) are written in one
/// SQLite transaction with synchronous=FULL (BallotWriter) — and only then is the receipt returned.
/// </summary>
public sealed partial class ElectionService
{
    public const string Recorded = "Phiếu của đồng chí đã được ghi nhận";

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Không được phép");

    public async Task<TabletBallotState> TabletStateAsync(Guid delegateId, CancellationToken ct)
    {
        // Everything comes from the open round's snapshot, "has this delegate voted" included: no query.
        var snap = await SnapshotAsync(ct);
        if (snap.Ballot is not { } ballot) return new TabletBallotState(null, snap.LastAnnounced);
        var voted = snap.Voted!.ContainsKey(delegateId);
        return new TabletBallotState(voted ? ballot with { Voted = true } : ballot, snap.LastAnnounced);
    }

    /// <summary>The open round as tablets see it (ElectionCache), read from the database when not cached.</summary>
    internal async Task<ElectionCache.Snapshot> SnapshotAsync(CancellationToken ct)
    {
        if (cache.Current is { } current) return current;
        var generation = cache.Generation;
        var open = await db.Set<ElectionRoundRow>().AsNoTracking().FirstOrDefaultAsync(r => r.State == RoundStates.Open, ct);
        var lastAnnounced = await db.Set<ElectionRoundRow>().AsNoTracking().Where(r => r.State == RoundStates.Announced)
            .OrderByDescending(r => r.AnnouncedAt).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
        ElectionCache.Snapshot snap;
        if (open is null)
        {
            snap = new ElectionCache.Snapshot(null, null, null, lastAnnounced);
        }
        else
        {
            var e = await db.Set<Election>().AsNoTracking().FirstAsync(x => x.Id == open.ElectionId, ct);
            var round = BallotRound(open, e, await RoundCandidatesAsync(open.Id, ct));
            var names = round.InBallotOrder.Select((c, i) => new BallotName(c.Id, i + 1, c.FullName, c.Delegation, c.BirthDate?.Year)).ToList();
            var view = new BallotView(open.Id, e.Title, open.Number, Label(open), ListKindWire(round.ListKind), open.Seats, names, false);
            // Taken before the read: a participation committed meanwhile is in the read or added by the writer.
            var voted = cache.VotedIn(open.Id);
            foreach (var p in await db.Set<Participation>().AsNoTracking().Where(p => p.RoundId == open.Id).ToListAsync(ct))
            {
                voted.TryAdd(p.DelegateId, p.KeyHash);
            }
            snap = new ElectionCache.Snapshot(open, round, view, lastAnnounced, voted);
        }
        cache.TryStore(generation, snap);
        return snap;
    }

    internal static string ListKindWire(ListKind k) => k switch
    {
        ListKind.WithSurplus => "with-surplus",
        ListKind.WithoutSurplus => "without-surplus",
        ListKind.OneCandidate => "one-candidate",
        _ => "nomination-poll",
    };

    private sealed record Draft(ElectionRoundRow Round, ElectionRound Domain, BallotContent Content);

    private async Task<Outcome<Draft>> ReadDraftAsync(Guid roundId, IReadOnlyList<string>? struck, IReadOnlyDictionary<string, string>? marks, CancellationToken ct)
    {
        ElectionRoundRow row;
        ElectionRound round;
        if ((await SnapshotAsync(ct)) is { Open: { } open, Domain: { } domain } && open.Id == roundId)
        {
            // The open round: its names and rules cannot change while it is open.
            (row, round) = (open, domain);
        }
        else
        {
            // Any other round (not open: the writer refuses it under the gate, with the reason).
            var stored = await db.Set<ElectionRoundRow>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct);
            if (stored is null) return Problems.NotFound("Không tìm thấy lần bầu này.");
            var e = await db.Set<Election>().AsNoTracking().FirstAsync(x => x.Id == stored.ElectionId, ct);
            (row, round) = (stored, BallotRound(stored, e, await RoundCandidatesAsync(stored.Id, ct)));
        }
        BallotContent content;
        if (round.ListKind.UsesStrikeOut())
        {
            if (struck is null || marks is not null) return Problems.BadRequest("Phiếu có số dư: gửi danh sách tên bị gạch (struck), không gửi marks.");
            if (struck.FirstOrDefault(id => !round.CandidateIds.Contains(id)) is { } unknown)
                return Problems.BadRequest($"struck: \"{unknown}\" không có trong danh sách bầu cử của lần bầu này.");
            content = new BallotContent.Struck(struck.Distinct(StringComparer.Ordinal).ToList());
        }
        else
        {
            if (marks is null || struck is not null) return Problems.BadRequest("Phiếu không có số dư: gửi đồng ý / không đồng ý từng người (marks), không gửi struck.");
            var map = new Dictionary<string, Mark>(StringComparer.Ordinal);
            foreach (var (id, word) in marks)
            {
                if (!round.CandidateIds.Contains(id)) return Problems.BadRequest($"marks: \"{id}\" không có trong danh sách bầu cử của lần bầu này.");
                if (!MarkWire.TryParse(word, out var mark)) return Problems.BadRequest($"marks.{id}: \"{word}\" phải là một trong: {MarkWire.AllWords}.");
                map[id] = mark;
            }
            content = new BallotContent.Marks(map);
        }
        return new Draft(row, round, content);
    }

    /// <summary>The Domain's answer on a draft ballot (nothing stored), so the tablet never judges validity itself.</summary>
    public async Task<Outcome<BallotCheck>> CheckAsync(Guid roundId, BallotRequest r, CancellationToken ct)
    {
        var draft = await ReadDraftAsync(roundId, r.Struck, r.Marks, ct);
        if (draft.Problem is not null) return draft.Problem;
        return Judge(draft.Value!);
    }

    private static BallotCheck Judge(Draft d)
    {
        var reason = d.Domain.Check(d.Content);
        var retained = d.Content switch
        {
            BallotContent.Struck s => d.Domain.CandidateIds.Count - s.Ids.Count,
            BallotContent.Marks m => m.ByCandidate.Count(p => p.Value == Mark.Agree),
            _ => 0,
        };
        return new BallotCheck(reason is null, reason?.ToWire(), reason is { } x ? InvalidMessage(x, retained, d.Round.Seats) : null, retained, d.Round.Seats);
    }

    /// <summary>The confirmation a delegate reads before sending a deliberately invalid ballot: it names the rule.</summary>
    internal static string InvalidMessage(InvalidReason reason, int retained, int seats) => reason switch
    {
        InvalidReason.OverSeats => $"Phiếu giữ lại {retained} người, nhiều hơn số lượng cần bầu ({seats}): phiếu sẽ không hợp lệ. Đồng chí vẫn muốn gửi?",
        InvalidReason.AllStruck => "Phiếu gạch hết tên trong danh sách: phiếu sẽ không hợp lệ. Đồng chí vẫn muốn gửi?",
        InvalidReason.NoChoice => "Phiếu chưa chọn đồng ý hoặc không đồng ý: phiếu sẽ không hợp lệ. Đồng chí vẫn muốn gửi?",
        _ => $"{reason.ExplainVi()}: phiếu sẽ không hợp lệ. Đồng chí vẫn muốn gửi?",
    };

    public async Task<Outcome<CastReceipt>> CastAsync(Guid roundId, ClaimsPrincipal user, CastRequest r, CancellationToken ct)
    {
        if (user.FindDelegateId() is not { } delegateId) return Problems.Unauthorized("Hãy đăng nhập bằng thẻ đại biểu và mã PIN.");
        if (string.IsNullOrEmpty(r.Key) || r.Key.Length is < 16 or > 128 || !r.Key.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_'))
            return Problems.BadRequest("key: mã gửi phiếu phải gồm 16–128 chữ cái, chữ số, '-' hoặc '_'.");
        var keyHash = ReceiptCodes.KeyHash(r.Key);

        // A resend of a ballot already recorded gets the same receipt, even after the close:
        // it is in the count. Nothing is written.
        var replay = await ReplayAsync(roundId, delegateId, keyHash, r.Key, ct);
        if (replay is not null) return replay.Value;

        var draft = await ReadDraftAsync(roundId, r.Struck, r.Marks, ct);
        if (draft.Problem is not null) return draft.Problem;
        var check = Judge(draft.Value!);
        if (!check.Valid && r.AcceptInvalid != check.Reason)
        {
            return Problems.BadRequest(check.MessageVi!, new Dictionary<string, object?> { ["invalidReason"] = check.Reason });
        }
        // Eligible, durable before acknowledged, once per delegate, in a group commit with the ballots
        // that arrive meanwhile (BallotWriter checks who may vote for the whole batch as it writes it):
        // the receipt comes back only after the transaction commits.
        return await writer.WriteAsync(new BallotWriter.Pending(
            roundId, delegateId, keyHash, r.Key, BallotJson.ToJson(draft.Value!.Content), user.ActorName()));
    }

    private async Task<Outcome<CastReceipt>?> ReplayAsync(Guid roundId, Guid delegateId, string keyHash, string key, CancellationToken ct)
    {
        string? stored;
        var snap = await SnapshotAsync(ct);
        if (snap is { Open: { } open, Voted: { } voted } && open.Id == roundId)
        {
            // The open round: the snapshot knows every committed participation (no query). Not there
            // means not yet recorded; the writer checks again under the gate in any case.
            if (!voted.TryGetValue(delegateId, out stored)) return null;
        }
        else
        {
            stored = await db.Set<Participation>().AsNoTracking()
                .Where(x => x.RoundId == roundId && x.DelegateId == delegateId).Select(x => x.KeyHash).FirstOrDefaultAsync(ct);
            if (stored is null) return null;
        }
        if (stored != keyHash) return new Outcome<CastReceipt>(null, Problems.Conflict(AlreadyVoted));
        var secret = snap.Open?.Id == roundId
            ? snap.Open.RoundSecret
            : await db.Set<ElectionRoundRow>().AsNoTracking().Where(x => x.Id == roundId).Select(x => x.RoundSecret).FirstAsync(ct);
        return new Outcome<CastReceipt>(new CastReceipt(ReceiptCodes.For(secret, key), true, Recorded), null);
    }
}
