using System.Text;
using ElectionSystem.Board;
using ElectionSystem.Crypto;
using ElectionSystem.Domain.Elections;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Shared;
using Microsoft.EntityFrameworkCore;
using BoardMember = ElectionSystem.Board.CeremonyMember;
using WireBallot = ElectionSystem.Crypto.BallotJson;

namespace ElectionSystem.Server.Features.Elections;

/// <summary>Where a delegate's tracker stands on the round's board.</summary>
/// <param name="Position">1-based place on the board (the board's order is by tracker, never the order of casting); null when not found.</param>
/// <param name="Chain">The chain value after it.</param>
public sealed record TrackerOnBoard(Guid RoundId, string Tracker, bool Found, int? Position, string? Chain);

/// <summary>
/// The board of an announced encrypted round, <c>election-board/1</c> (docs/election-board.md), built
/// with <c>ElectionSystem.Board</c> from what is stored: the record's round, the ceremony's public
/// parts, every encrypted ballot (ordered by tracker — a hash, so the order is random and yet the
/// same on every export — and chained), the voters' codes, the totals, the k partial decryptions,
/// the paper ballots' totals (those ruled invalid by the committee counted by reason) and the
/// announced result as stored. The verifier checks it alone.
/// </summary>
public sealed class RoundBoards(ElectionDbContext db, RoundCounts counts, RoundBoardCache cache)
{
    /// <summary>The board as written (UTF-8 JSON), the same bytes on every export.</summary>
    public async Task<ProblemOr<byte[]>> JsonAsync(Guid roundId, CancellationToken ct)
    {
        var board = await WrittenAsync(roundId, ct);
        return board.Problem is { } p ? p : board.Value!.Json;
    }

    public async Task<ProblemOr<TrackerOnBoard>> FindAsync(Guid roundId, string tracker, CancellationToken ct)
    {
        var board = await WrittenAsync(roundId, ct);
        if (board.Problem is { } p) return p;
        var entries = board.Value!.Entries;
        var i = Array.FindIndex(entries, e => e.Tracker == tracker);
        return new TrackerOnBoard(roundId, tracker, i >= 0, i >= 0 ? i + 1 : null, i >= 0 ? entries[i].Chain : null);
    }

    private async Task<ProblemOr<WrittenBoard>> WrittenAsync(Guid roundId, CancellationToken ct)
    {
        if (cache.Find(roundId) is { } cached) return cached;
        var board = await BoardAsync(roundId, ct);
        if (board.Problem is { } p) return p;
        var written = new WrittenBoard(Encoding.UTF8.GetBytes(BoardWriter.ToJson(board.Value!)), [.. board.Value!.Ballots.Select(b => (b.Tracker, b.Chain))]);
        return cache.Keep(roundId, written);
    }

    private async Task<ProblemOr<ElectionBoard>> BoardAsync(Guid roundId, CancellationToken ct)
    {
        var round = await db.RoundAsync(roundId, ct);
        if (round is null) return Problems.NotFound(RoundWords.RoundNotFound);
        var enc = await db.Set<EncryptedRound>().AsNoTracking().FirstOrDefaultAsync(r => r.RoundId == roundId, ct);
        if (enc is null) return Problems.Conflict("Lần bầu này không mã hóa: không có bảng phiếu mã hóa (election-board/1); biên bản điện tử là record.json.");
        if (round.State != RoundState.Announced) return Problems.Conflict("Bảng phiếu mã hóa được công bố cùng kết quả, sau khi công bố.");

        var record = counts.Read(round).Record;
        var context = KeyCeremonies.Strings(enc.Context);
        var boardRound = BoardRound.InBallotOrder(context, record.Congress, record.Election, record.Rules, record.Candidates);
        var ceremony = await db.Set<KeyCeremony>().AsNoTracking().FirstAsync(c => c.Id == enc.CeremonyId, ct);
        var members = await db.Set<CeremonyMember>().AsNoTracking().Where(m => m.CeremonyId == enc.CeremonyId).OrderBy(m => m.Index).ToListAsync(ct);
        var boardCeremony = new BoardCeremony(ceremony.Threshold, ceremony.Members,
            [.. members.Select(m => new BoardMember(m.Index, m.Code, [.. KeyCeremonies.Strings(m.Commitments!).Select(Group.DecodeElement)]))],
            Group.DecodeElement(ceremony.PublicKey!));

        var stored = await db.Set<StoredBallot>().AsNoTracking().Where(b => b.RoundId == roundId && b.Source == EncryptedRounds.Source)
            .Select(b => new { b.Id, b.Content }).ToListAsync(ct);
        var ballots = stored.OrderBy(b => b.Id, StringComparer.Ordinal).Select(b => WireBallot.Parse(b.Content)).ToList();
        var voters = await (from p in db.Set<Participation>().AsNoTracking()
                            join d in db.Delegates.AsNoTracking() on p.DelegateId equals d.Id
                            where p.RoundId == roundId
                            select d.Code).ToListAsync(ct);
        if (ballots.Count == 0) return Problems.Conflict("Lần bầu này không có phiếu mã hóa nào trên máy tính bảng: không có bảng phiếu.");
        var layout = BallotLayout.Of(boardRound.ToRound());
        // The totals as the close stored them (the product of these very ballots; the verifier recomputes it).
        var totals = EncryptedRounds.ReadTotals(enc.Totals!);

        var decryptions = (await db.Set<PartialDecryptionRow>().AsNoTracking().Where(p => p.RoundId == roundId).OrderBy(p => p.Index).ToListAsync(ct))
            .Select(p => RoundDecryption.Decryption(p.Index, System.Text.Json.JsonSerializer.Deserialize<PartialDecryptionRequest>(p.Json, EncryptedRounds.Json)!)).ToList();
        var paper = (await db.BallotsAsync(roundId, [], ct)).Where(b => b.Source == BallotSource.Paper).Select(b => b.Content).ToList();
        // Paper as public totals: ballots the layout encodes as a tablet choice would add up, the committee's
        // rulings (added name, identifying marks, …) counted by reason.
        var paperTotals = paper.Count == 0 ? null : PaperTotals.Of(layout, paper);
        // The announced result as stored: it was counted once, from these decryptions, when the k-th member
        // posted; the board carries it and the verifier recounts it (the export does not count again).
        var board = new ElectionBoard(boardRound, BoardLayout.Of(layout), boardCeremony, BoardChain.Link(context, ballots),
            [.. voters.Order(StringComparer.Ordinal)], new BoardTotals(totals.Rows, totals.Options), decryptions, paperTotals, round.ResultJson!);
        return board;
    }
}

/// <summary>An announced round's board as written, and its trackers with their chain values in board order.</summary>
public sealed record WrittenBoard(byte[] Json, (string Tracker, string Chain)[] Entries);

/// <summary>
/// The boards last exported, as written (an announced round's board never changes). Bounded to the
/// <see cref="Capacity"/> rounds most recently asked for: a 60-name round of 1,600 ballots writes
/// tens of megabytes, and older rounds are built again from the database when asked.
/// </summary>
public sealed class RoundBoardCache
{
    public const int Capacity = 3;

    private readonly Lock _gate = new();
    private readonly LinkedList<(Guid Round, WrittenBoard Board)> _recent = new();

    public WrittenBoard? Find(Guid roundId)
    {
        lock (_gate)
        {
            for (var node = _recent.First; node is not null; node = node.Next)
            {
                if (node.Value.Round != roundId) continue;
                _recent.Remove(node);
                _recent.AddFirst(node);
                return node.Value.Board;
            }
            return null;
        }
    }

    /// <summary>Keeps the board (or returns the one another request kept first), dropping the least recently asked for.</summary>
    public WrittenBoard Keep(Guid roundId, WrittenBoard board)
    {
        lock (_gate)
        {
            if (_recent.FirstOrDefault(e => e.Round == roundId) is { Board: { } kept }) return kept;
            _recent.AddFirst((roundId, board));
            while (_recent.Count > Capacity) _recent.RemoveLast();
            return board;
        }
    }
}
