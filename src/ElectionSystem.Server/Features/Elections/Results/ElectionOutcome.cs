using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.Elections;

/// <summary>One person elected, with the round that elected them.</summary>
public sealed record OutcomeElectedDto(int Rank, string FullName, int Votes, string PercentVi, int RoundNumber, string RoundLabel, string Kind);

/// <summary>One announced round in the combined result: how many it elected, its tie (if any), what it left vacant.</summary>
public sealed record OutcomeRoundDto(Guid RoundId, int RoundNumber, string RoundLabel, string Kind, int Seats, int ElectedCount,
    IReadOnlyList<string> TiedNames, string? TieStatementVi, int Vacant);

/// <summary>
/// The combined result of an election across its announced rounds (issue 11): everyone elected, in the
/// order of their rounds then votes, the rounds, and the seats still vacant per kind of round
/// (officials and alternates are counted apart). <paramref name="Pending"/>: a round not yet announced.
/// </summary>
public sealed record ElectionOutcomeDto(Guid ElectionId, string ElectionTitle, int Seats, int AlternateSeats,
    IReadOnlyList<OutcomeRoundDto> Rounds, IReadOnlyList<OutcomeElectedDto> Elected, int Vacant, string? VacancyStatementVi,
    int TieSeatsPending, bool Pending);

/// <summary>Builds the combined result from each announced round's stored count (RoundCounts.Read, never a recount).</summary>
public sealed class ElectionOutcome(ElectionDbContext db, RoundCounts counts)
{
    public const string NothingAnnounced = "Chưa có lần bầu nào của cuộc bầu cử này được công bố kết quả.";

    public Task<ProblemOr<ElectionOutcomeDto>> ForElectionAsync(Guid electionId, CancellationToken ct) => BuildAsync(db, counts, electionId, ct);

    /// <summary>
    /// The combined result for the screens: only once the election has more than one announced round
    /// (one round's result is already the round's own view); null before. Announced rounds only, so
    /// nothing of a round awaiting its announcement shows. Static: the announcement (whose
    /// dependencies are full) builds it from its own context and counts.
    /// </summary>
    public static async Task<ElectionOutcomeDto?> CombinedAsync(ElectionDbContext db, RoundCounts counts, Guid electionId, CancellationToken ct)
    {
        var announced = await db.Set<ElectionRoundRow>().CountAsync(r => r.ElectionId == electionId && r.State == RoundState.Announced, ct);
        return announced > 1 && (await BuildAsync(db, counts, electionId, ct)).Value is { } outcome ? outcome : null;
    }

    private static async Task<ProblemOr<ElectionOutcomeDto>> BuildAsync(ElectionDbContext db, RoundCounts counts, Guid electionId, CancellationToken ct)
    {
        var election = await db.Set<Election>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == electionId, ct);
        if (election is null) return Problems.NotFound("Không tìm thấy cuộc bầu cử này.");
        var rounds = await db.Set<ElectionRoundRow>().AsNoTracking().Where(r => r.ElectionId == electionId).OrderBy(r => r.Number).ToListAsync(ct);
        var announced = rounds.Where(r => r.State == RoundState.Announced).ToList();
        if (announced.Count == 0) return Problems.Conflict(NothingAnnounced);

        var roundRows = new List<OutcomeRoundDto>();
        var elected = new List<OutcomeElectedDto>();
        var lastOfKind = new Dictionary<string, RoundResultDto>(StringComparer.Ordinal);
        foreach (var round in announced)
        {
            var view = ResultView.From(round, election, counts.Read(round));
            roundRows.Add(new OutcomeRoundDto(round.Id, round.Number, view.RoundLabel, round.Kind, round.Seats, view.Elected.Count,
                view.TiedNames, view.TieStatementVi, view.Vacant));
            // Numbered on from the rounds before (read once: the list grows while the rows are added).
            var before = elected.Count;
            elected.AddRange(view.Elected.Select(e => new OutcomeElectedDto(before + e.Rank, e.FullName, e.Votes, e.PercentVi, round.Number, view.RoundLabel, round.Kind)));
            lastOfKind[round.Kind] = view;
        }
        var vacant = lastOfKind.Values.Sum(v => v.Vacant);
        var tiePending = lastOfKind.Values.Sum(v => v.TieSeats);
        var statement = vacant > 0 ? $"Còn thiếu {vacant} người" : null;
        return new ElectionOutcomeDto(election.Id, election.Title, election.Seats, election.AlternateSeats, roundRows, elected, vacant, statement,
            tiePending, rounds.Any(r => r.State != RoundState.Announced));
    }
}
