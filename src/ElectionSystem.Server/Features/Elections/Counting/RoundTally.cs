using ElectionSystem.Domain.Elections;
using ElectionSystem.Domain.Records;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Attendance;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.Elections;

/// <summary>
/// Builds a round's record from what is stored — the congress's Base inputs, the list, every ballot,
/// tablet and paper alike — and has <see cref="RoundCounts"/> count it; the row keeps the count.
/// Call inside the round's transition (the gate held), then save.
/// </summary>
public sealed class RoundTally(ElectionDbContext db, VotingEligibility eligibility, RoundCounts counts, DatabaseHealth health, EncryptedRounds encrypted)
{
    /// <summary>
    /// What PRAGMA integrity_check finds wrong with the file (empty when sound). A round is counted
    /// from every stored ballot: a damaged page must stop the count, not shorten it.
    /// </summary>
    public Task<IReadOnlyList<string>> DamageAsync(CancellationToken ct) => health.IntegrityProblemsAsync(ct);

    /// <summary>
    /// After the close has committed: the stored ballots, receipts and participations no longer show
    /// the order or the transactions they were written in (PostgreSQL; SQLite's tables never did; ADR 0011).
    /// </summary>
    public Task ForgetWriteOrderAsync(CancellationToken ct) =>
        WriteOrder.ForgetAsync(db, [typeof(StoredBallot), typeof(Receipt), typeof(Participation)], ct);

    /// <summary>
    /// At the close: who was present and Base now; issued once per delegate (IssuedBallots). An
    /// encrypted round is not counted here (null): its totals are stored, and it is counted when k
    /// members have decrypted them (<see cref="CountDecryptedAsync"/>).
    /// </summary>
    public async Task<StoredCount?> CountAtCloseAsync(ElectionRoundRow round, CancellationToken ct)
    {
        var roll = await eligibility.RollAsync(ct);
        var voters = await db.VotersAsync(round.Id, ct);
        round.Issued = IssuedBallots.OnTablets(roll.Present, voters);
        round.Present = roll.Present.Count;
        round.Summoned = roll.Base.Summoned;
        round.AbsentCommitteeMembers = roll.Base.AbsentCommitteeMembers;
        round.AbsentWithoutAlternate = roll.Base.AbsentWithoutAlternate;
        if (await encrypted.TotalsAtCloseAsync(round, ct) is not null) return null;
        return Store(round, await RecordAsync(round, ct));
    }

    /// <summary>An encrypted round once k members have decrypted its totals: its paper ballots counted as at the close, plus the decrypted tally.</summary>
    public async Task<StoredCount> CountDecryptedAsync(ElectionRoundRow round, Tally decrypted, CancellationToken ct) =>
        Store(round, await RecordAsync(round, ct), decrypted);

    /// <summary>The round's record from the figures fixed at the close and its stored plaintext ballots (tablet, or paper).</summary>
    private async Task<ElectionRecord> RecordAsync(ElectionRoundRow round, CancellationToken ct)
    {
        var election = await db.ElectionOfAsync(round, ct);
        var congress = await db.Congresses.AsNoTracking().FirstOrDefaultAsync(ct);
        ElectionKindWire.TryParse(round.Kind, out var kind);
        var poll = kind == ElectionKind.NominationPoll;
        return new ElectionRecord(
            new RecordCongress(congress?.Name ?? "", round.Summoned, round.AbsentCommitteeMembers, round.AbsentWithoutAlternate,
                poll ? round.Present : null),
            new RecordElection(kind, election.Title, round.Number, poll ? 0 : round.Seats, IssuedBallots.Total(round.Issued, round.IssuedPaper, round.Present)),
            ElectionQueries.RulesFor(election), await db.RoundCandidatesAsync(round.Id, ct), await db.BallotsAsync(round.Id, [], ct));
    }

    /// <summary>
    /// When paper ballots join a counted round: the same record with every ballot and the issued figure now.
    /// An encrypted round not yet decrypted is not counted yet (null): its paper ballots are counted with the decryption.
    /// </summary>
    public async Task<StoredCount?> CountWithPaperAsync(ElectionRoundRow round, IReadOnlyList<StoredBallot> paper, CancellationToken ct)
    {
        if (round.RecordJson is null && await encrypted.OfAsync(round.Id, ct) is not null) return null;
        var before = counts.Read(round).Record;
        var record = before with
        {
            Election = before.Election with { Issued = IssuedBallots.Total(round.Issued, round.IssuedPaper, round.Present) },
            Ballots = await db.BallotsAsync(round.Id, paper, ct),
        };
        return Store(round, record);
    }

    /// <summary>
    /// Why <paramref name="paper"/> paper ballots cannot have been handed out in this round, or null: paper goes
    /// only to a delegate present who has not cast on a tablet (one ballot per delegate, IssuedBallots).
    /// </summary>
    public async Task<string?> PaperBeyondHallAsync(ElectionRoundRow round, int paper, CancellationToken ct)
    {
        var voters = await db.VotersAsync(round.Id, ct);
        var tablet = round.State == RoundState.Open ? IssuedBallots.OnTablets((await eligibility.RollAsync(ct)).Present, voters) : round.Issued;
        var room = Math.Max(0, tablet - voters.Count);
        return paper <= room ? null
            : $"Số phiếu giấy phát ra ({paper}) vượt quá số đại biểu có mặt chưa bỏ phiếu trên máy tính bảng ({room}): mỗi đại biểu chỉ nhận một phiếu.";
    }

    private StoredCount Store(ElectionRoundRow round, ElectionRecord record, Tally? decrypted = null)
    {
        var stored = counts.Count(record, decrypted);
        round.RecordJson = stored.RecordJson;
        round.RecordSha256 = stored.RecordSha256;
        round.ResultJson = stored.ResultJson;
        return stored;
    }
}

/// <summary>
/// Something that must finish before a round's result can be confirmed (paper entry registers one):
/// the counting plugs are registered by the capability that needs them, the round knows none.
/// </summary>
public interface IConfirmationBlocker
{
    /// <summary>Why the round's result cannot be confirmed yet, or null.</summary>
    Task<string?> BlockingAsync(Guid roundId, CancellationToken ct);
}
