using ElectionSystem.Domain.Congress;
using ElectionSystem.Domain.Elections;
using ElectionSystem.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.Elections;

/// <summary>
/// The election tables as the slices read them, and the Domain round a stored round stands for.
/// Other capabilities (paper entry, minutes) read rounds through these, never the tables.
/// </summary>
public static class ElectionQueries
{
    public static Task<ElectionRoundRow?> RoundAsync(this ElectionDbContext db, Guid roundId, CancellationToken ct) =>
        db.Set<ElectionRoundRow>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct);

    public static Task<ElectionRoundRow?> TrackedRoundAsync(this ElectionDbContext db, Guid roundId, CancellationToken ct) =>
        db.Set<ElectionRoundRow>().FirstOrDefaultAsync(r => r.Id == roundId, ct);

    public static Task<Election> ElectionOfAsync(this ElectionDbContext db, ElectionRoundRow round, CancellationToken ct) =>
        db.Set<Election>().AsNoTracking().FirstAsync(e => e.Id == round.ElectionId, ct);

    /// <summary>The names on a round's ballot, as Domain candidates.</summary>
    public static async Task<List<Candidate>> RoundCandidatesAsync(this ElectionDbContext db, Guid roundId, CancellationToken ct) =>
        (await (from rc in db.Set<RoundCandidate>().AsNoTracking()
                join c in db.Set<ElectionCandidate>().AsNoTracking() on rc.CandidateId equals c.Id
                where rc.RoundId == roundId
                select c).ToListAsync(ct))
        .Select(c => new Candidate(c.BallotId, c.FullName, c.BirthDate, c.Delegation)).ToList();

    /// <summary>The Domain round for drawing and checking a ballot of a stored round (Base and issued do not matter there).</summary>
    public static async Task<ElectionRound> BallotRoundAsync(this ElectionDbContext db, ElectionRoundRow round, Election election, CancellationToken ct) =>
        BallotRound(round, election, await db.RoundCandidatesAsync(round.Id, ct));

    public static ElectionRound BallotRound(ElectionRoundRow round, Election e, IReadOnlyList<Candidate> candidates)
    {
        ElectionKindWire.TryParse(round.Kind, out var kind);
        return new ElectionRound(kind, round.Seats, new CongressBase(0, 0, 0), 0, candidates, RulesFor(e), kind == ElectionKind.NominationPoll ? 0 : null);
    }

    public static ElectionRules RulesFor(Election e) => ElectionRules.Default with { AlternateSeats = e.AlternateSeats };

    /// <summary>Published receipt codes of a round, sorted (no contents, no names).</summary>
    public static async Task<IReadOnlyList<string>> ReceiptCodesAsync(this ElectionDbContext db, Guid roundId, CancellationToken ct) =>
        (await db.Set<Receipt>().AsNoTracking().Where(r => r.RoundId == roundId).Select(r => r.Code).ToListAsync(ct))
        .Order(StringComparer.Ordinal).ToList();

    /// <summary>Who has voted in a round (delegate ids; participation is public, its order is not kept).</summary>
    public static Task<List<Guid>> VotersAsync(this ElectionDbContext db, Guid roundId, CancellationToken ct) =>
        db.Set<Participation>().AsNoTracking().Where(p => p.RoundId == roundId).Select(p => p.DelegateId).ToListAsync(ct);

    /// <summary>The stored plaintext ballots of a round (never an encrypted one: it is counted from the decrypted totals) as Domain ballots, ordered by their random id (the order carries no meaning).</summary>
    public static async Task<List<Ballot>> BallotsAsync(this ElectionDbContext db, Guid roundId, IEnumerable<StoredBallot> adding, CancellationToken ct) =>
        (await db.Set<StoredBallot>().AsNoTracking().Where(b => b.RoundId == roundId && b.Source != EncryptedRounds.Source).ToListAsync(ct))
        .Concat(adding).OrderBy(b => b.Id, StringComparer.Ordinal)
        .Select(b => new Ballot(b.Id, b.Source == "paper" ? BallotSource.Paper : BallotSource.Tablet, BallotJson.Parse(b.Content))).ToList();
}
