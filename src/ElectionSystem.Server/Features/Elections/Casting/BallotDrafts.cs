using ElectionSystem.Domain.Elections;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Shared;

namespace ElectionSystem.Server.Features.Elections;

/// <summary>A ballot as a tablet sent it, read against its round's list, and the Domain's verdict on it.</summary>
public sealed record BallotDraft(ElectionRoundRow Round, ElectionRound Domain, BallotContent Content)
{
    /// <summary>The Domain's answer on the draft (nothing stored), so the tablet never judges validity itself.</summary>
    public BallotCheck Judge()
    {
        var reason = Domain.Check(Content);
        var retained = Content switch
        {
            BallotContent.Struck s => Domain.CandidateIds.Count - s.Ids.Count,
            BallotContent.Marks m => m.ByCandidate.Count(p => p.Value == Mark.Agree),
            _ => 0,
        };
        return new BallotCheck(reason is null, reason?.ToWire(), reason is { } x ? RoundWords.InvalidMessage(x, retained, Round.Seats) : null, retained, Round.Seats);
    }
}

/// <summary>Reads a tablet's ballot (struck names or marks) against the round it is for.</summary>
public sealed class BallotDrafts(ElectionDbContext db, OpenRound openRound)
{
    public async Task<ProblemOr<BallotDraft>> ReadAsync(Guid roundId, IReadOnlyList<string>? struck, IReadOnlyDictionary<string, string>? marks, CancellationToken ct)
    {
        ElectionRoundRow row;
        ElectionRound round;
        if ((await openRound.SnapshotAsync(ct)) is { Open: { } open, Domain: { } domain } && open.Id == roundId)
        {
            // The open round: its names and rules cannot change while it is open.
            (row, round) = (open, domain);
        }
        else
        {
            // Any other round (not open: the writer refuses it under the gate, with the reason).
            var stored = await db.RoundAsync(roundId, ct);
            if (stored is null) return Problems.NotFound(RoundWords.RoundNotFound);
            (row, round) = (stored, await db.BallotRoundAsync(stored, await db.ElectionOfAsync(stored, ct), ct));
        }
        var content = Content(round, struck, marks);
        return content.Problem is { } problem ? problem : new BallotDraft(row, round, content.Value!);
    }

    public async Task<ProblemOr<BallotCheck>> CheckAsync(Guid roundId, BallotRequest r, CancellationToken ct)
    {
        // An encrypted round's choice never leaves the tablet in the clear: the tablet judges it from the layout.
        if ((await openRound.SnapshotAsync(ct)) is { Open: { } open, Key: not null } && open.Id == roundId)
            return Problems.BadRequest(EncryptedCasting.NoPlaintextCheck);
        var draft = await ReadAsync(roundId, r.Struck, r.Marks, ct);
        return draft.Problem is { } problem ? problem : draft.Value!.Judge();
    }

    private static ProblemOr<BallotContent> Content(ElectionRound round, IReadOnlyList<string>? struck, IReadOnlyDictionary<string, string>? marks)
    {
        if (round.ListKind.UsesStrikeOut())
        {
            if (struck is null || marks is not null) return Problems.BadRequest("Phiếu có số dư: gửi danh sách tên bị gạch (struck), không gửi marks.");
            if (struck.FirstOrDefault(id => !round.CandidateIds.Contains(id)) is { } unknown)
                return Problems.BadRequest($"struck: \"{unknown}\" không có trong danh sách bầu cử của lần bầu này.");
            return new BallotContent.Struck(struck.Distinct(StringComparer.Ordinal).ToList());
        }
        if (marks is null || struck is not null) return Problems.BadRequest("Phiếu không có số dư: gửi đồng ý / không đồng ý từng người (marks), không gửi struck.");
        var map = new Dictionary<string, Mark>(StringComparer.Ordinal);
        foreach (var (id, word) in marks)
        {
            if (!round.CandidateIds.Contains(id)) return Problems.BadRequest($"marks: \"{id}\" không có trong danh sách bầu cử của lần bầu này.");
            if (!MarkWire.TryParse(word, out var mark)) return Problems.BadRequest($"marks.{id}: \"{word}\" phải là một trong: {MarkWire.AllWords}.");
            map[id] = mark;
        }
        return new BallotContent.Marks(map);
    }
}
