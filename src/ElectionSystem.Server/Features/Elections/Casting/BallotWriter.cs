using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Attendance;
using ElectionSystem.Server.Features.Audit;
using ElectionSystem.Server.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.Elections;

/// <summary>
/// Group commit of tablet ballots (ADR 0007). One writer takes every ballot that has queued while the
/// previous transaction was committing and writes them all in ONE transaction (one fsync with
/// synchronous=FULL), then answers each cast. When the hall is quiet a batch is a single ballot and
/// nothing waits; when 1,600 tablets vote at once the cost of a durable commit is shared.
/// The invariants of a single cast hold for each ballot of a batch:
/// <list type="bullet">
/// <item>durable before acknowledged: a cast's receipt is returned only after the batch's one SQLite
/// transaction (its INSERTs, audit lines and the chain head) has committed; if it fails, every ballot of the batch is retried alone, so
/// one bad ballot cannot fail the others, and a ballot that still fails gets the error (nothing of it stored);</item>
/// <item>exactly once: the writer holds <see cref="RoundTransitions"/> (a close cannot interleave) and checks
/// each ballot against the participations already stored AND those staged earlier in the same batch,
/// so a resend in the same batch gets the same receipt and a second ballot of a delegate is refused;</item>
/// <item>secrecy: participations, ballots and receipts are added in three independent random orders,
/// so nothing of a batch's order links one to another (ballots and receipts are WITHOUT ROWID anyway).</item>
/// </list>
/// </summary>
public sealed class BallotWriter(IServiceScopeFactory scopes, RoundTransitions transitions, OpenRoundCache cache, ILogger<BallotWriter> logger) : BackgroundService
{
    /// <summary>At most this many ballots in one transaction.</summary>
    public const int MaxBatch = 256;

    /// <summary>A ballot judged valid (or confirmed invalid) and eligible, waiting for its transaction.</summary>
    /// <param name="Tracker">An encrypted ballot (its proofs already checked): its tracker, which is its id and its receipt; Content is its wire JSON.</param>
    internal sealed record Pending(Guid RoundId, Guid DelegateId, string KeyHash, string Key, string Content, string Actor, string? Tracker = null)
    {
        public TaskCompletionSource<ProblemOr<CastReceipt>> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Largest batch written so far (for the load test's notes and the tests).</summary>
    public int LargestBatch { get; private set; }

    /// <summary>
    /// Queues the ballot and completes when it is durable (or refused). Deliberately not cancellable:
    /// once queued, the ballot is written whether or not the tablet is still waiting; its resend with
    /// the same key then gets the same receipt.
    /// </summary>
    internal Task<ProblemOr<CastReceipt>> WriteAsync(Pending ballot)
    {
        if (!_queue.Writer.TryWrite(ballot))
        {
            ballot.Done.TrySetException(new OperationCanceledException("The hall server is stopping."));
        }
        return ballot.Done.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var p))
                {
                    batch.Add(p);
                }
                LargestBatch = Math.Max(LargestBatch, batch.Count);
                await WriteBatchAsync(batch, stoppingToken);
                // Answered: let the batch's ballots go now, not when the next ballot comes (after a burst, maybe never).
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            _queue.Writer.TryComplete();
            foreach (var p in batch.Concat(Drain()))
            {
                p.Done.TrySetException(new OperationCanceledException("The hall server is stopping."));
            }
        }
    }

    private IEnumerable<Pending> Drain()
    {
        while (_queue.Reader.TryRead(out var p))
        {
            yield return p;
        }
    }

    private async Task WriteBatchAsync(List<Pending> batch, CancellationToken stoppingToken, bool afterDuplicate = false)
    {
        try
        {
            var outcomes = await CommitAsync(batch, stoppingToken);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Done.TrySetResult(outcomes[i]);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            if (batch.Count == 1)
            {
                // Another node stored this delegate's participation between our check and our INSERT:
                // once more, and the check now sees it (the same key gets its receipt, another is refused).
                if (!afterDuplicate && StorageFailure.IsDuplicate(ex))
                {
                    await WriteBatchAsync(batch, stoppingToken, afterDuplicate: true);
                    return;
                }
                batch[0].Done.TrySetException(ex);
                return;
            }
            logger.LogWarning(ex, "A batch of {Count} ballots failed; writing each alone", batch.Count);
            foreach (var p in batch)
            {
                await WriteBatchAsync([p], stoppingToken);
            }
        }
    }

    /// <summary>One transaction for the batch; returns each ballot's answer, in the batch's order.</summary>
    private async Task<ProblemOr<CastReceipt>[]> CommitAsync(List<Pending> batch, CancellationToken ct)
    {
        using var _ = await transitions.EnterAsync(ct);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ElectionDbContext>();
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        var eligibility = scope.ServiceProvider.GetRequiredService<VotingEligibility>();
        var outcomes = new ProblemOr<CastReceipt>[batch.Count];
        var participations = new List<(Participation Row, string Actor)>();
        var ballots = new List<StoredBallot>();
        var receipts = new List<Receipt>();
        await db.Database.OpenConnectionAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Across hall servers: a round's close (which holds this lock exclusively) waits for this batch,
        // or this batch reads the round after the close committed. Writers of two nodes share it.
        await DatabaseLocks.TakeInTransactionAsync(db, transitions.Key, shared: true, ct);

        // Who may vote, for the whole batch in one query, read now (a check-in undone a moment ago counts).
        var may = await eligibility.CheckManyAsync(batch.Select(p => p.DelegateId).ToList(), ct);
        foreach (var group in batch.Select((p, i) => (p, i)).GroupBy(x => x.p.RoundId))
        {
            var roundId = group.Key;
            var round = await db.Set<ElectionRoundRow>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct);
            var delegates = group.Select(x => x.p.DelegateId).Distinct().ToList();
            var voted = await db.Set<Participation>().AsNoTracking()
                .Where(p => p.RoundId == roundId && delegates.Contains(p.DelegateId))
                .ToDictionaryAsync(p => p.DelegateId, p => p.KeyHash, ct);
            // Encrypted rounds: which of the batch's trackers are stored already (a copied ballot is refused).
            var encrypted = await IsEncryptedAsync(db, roundId, ct);
            var posted = group.Select(x => x.p.Tracker).OfType<string>().ToList();
            var trackers = posted.Count == 0 ? new HashSet<string>(StringComparer.Ordinal) : (await db.Set<StoredBallot>().AsNoTracking()
                .Where(b => b.RoundId == roundId && posted.Contains(b.Id)).Select(b => b.Id).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
            foreach (var (p, i) in group)
            {
                if (round is null)
                {
                    outcomes[i] = Problems.NotFound("Không tìm thấy lần bầu này.");
                }
                else if (voted.TryGetValue(p.DelegateId, out var keyHash))
                {
                    // Recorded before (or earlier in this batch): the same key gets its receipt, another is refused.
                    outcomes[i] = p.Tracker is { } resent
                        ? EncryptedCasting.AnswerResend(keyHash, p.KeyHash, resent, trackers.Contains(resent))
                        : BallotCasting.AnswerResend(keyHash, p.KeyHash, round.RoundSecret, p.Key);
                }
                else if (round.State == RoundState.Open && encrypted != p.Tracker is not null)
                {
                    outcomes[i] = Problems.BadRequest(encrypted ? EncryptedCasting.EncryptedOnly : EncryptedCasting.PlaintextOnly);
                }
                else if (p.Tracker is { } copied && trackers.Contains(copied))
                {
                    outcomes[i] = Problems.Conflict(EncryptedCasting.Duplicate);
                }
                else if (round.State != RoundState.Open)
                {
                    outcomes[i] = Problems.Conflict(BallotCasting.RoundNotOpen + (round.State == RoundState.Draft ? ": chưa mở." : ": đã kết thúc."));
                }
                else if (may[p.DelegateId] is { MayVote: false, Reason: var reason })
                {
                    outcomes[i] = Problems.Forbidden(reason!);
                }
                else
                {
                    // An encrypted ballot's receipt, and its id, is its tracker (a hash of its ciphertexts: random-looking, never a plaintext).
                    var receipt = p.Tracker ?? ReceiptCodes.For(round.RoundSecret, p.Key);
                    voted[p.DelegateId] = p.KeyHash;
                    if (p.Tracker is { } staged) trackers.Add(staged);
                    participations.Add((new Participation { RoundId = roundId, DelegateId = p.DelegateId, KeyHash = p.KeyHash }, p.Actor));
                    ballots.Add(new StoredBallot
                    {
                        Id = p.Tracker ?? ReceiptCodes.NewBallotId(), RoundId = roundId, Source = p.Tracker is null ? "tablet" : EncryptedRounds.Source, Content = p.Content,
                    });
                    receipts.Add(new Receipt { RoundId = roundId, Code = receipt, Nonce = ReceiptCodes.NewNonce() });
                    outcomes[i] = new CastReceipt(receipt, false, BallotCasting.Recorded);
                }
            }
        }
        if (ballots.Count == 0)
        {
            return outcomes;
        }
        // Three independent random orders: the i-th participation, ballot and receipt written are
        // unrelated. One multi-row INSERT per table (ADR 0007); EF still writes the audit lines and the chain head.
        var shuffledParticipations = Shuffled(participations);
        await InsertAsync(db, "Participations", ["RoundId", "DelegateId", "KeyHash"],
            shuffledParticipations.Select(x => new object[] { x.Row.RoundId, x.Row.DelegateId, x.Row.KeyHash }), ct);
        await InsertAsync(db, ElectionSchema.BallotsTable, ["Id", "RoundId", "Source", "Content"],
            Shuffled(ballots).Select(b => new object[] { b.Id, b.RoundId, b.Source, b.Content }), ct);
        await InsertAsync(db, ElectionSchema.ReceiptsTable, ["RoundId", "Code", "Nonce"],
            Shuffled(receipts).Select(r => new object[] { r.RoundId, r.Code, r.Nonce }), ct);
        foreach (var (row, actor) in shuffledParticipations)
        {
            // Participation is public ("who has voted"); the line carries no content, receipt or ballot id.
            await audit.AppendAsync(actor, "election.participation.recorded", $"round:{row.RoundId}", new { @delegate = row.DelegateId });
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        // Durable now: the open round's snapshot learns who voted before any cast is answered.
        foreach (var (row, _) in participations)
        {
            cache.Recorded(row.RoundId, row.DelegateId, row.KeyHash);
        }
        transitions.TurnoutChanged();
        return outcomes;
    }

    /// <summary>
    /// Whether the round is encrypted: from the open round's snapshot when it is that round (a round is
    /// marked encrypted in its opening's transaction, and a snapshot is read only from an opened round,
    /// so its key is there exactly when the round is encrypted, and stays true); else from the database.
    /// </summary>
    private async Task<bool> IsEncryptedAsync(ElectionDbContext db, Guid roundId, CancellationToken ct) =>
        cache.Current is { Open.Id: var open } snapshot && open == roundId
            ? snapshot.Key is not null
            : await db.Set<EncryptedRound>().AnyAsync(r => r.RoundId == roundId, ct);

    /// <summary>One INSERT of all rows, parameters bound through EF Core's type mappings (Guids as EF stores them).</summary>
    private static Task<int> InsertAsync(ElectionDbContext db, string table, string[] columns, IEnumerable<object[]> rows, CancellationToken ct)
    {
        var sql = new StringBuilder($"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ");
        var values = new List<object>();
        foreach (var row in rows)
        {
            sql.Append(values.Count == 0 ? "(" : ", (");
            for (var c = 0; c < row.Length; c++)
            {
                sql.Append(c == 0 ? "" : ", ").Append('{').Append(values.Count.ToString(CultureInfo.InvariantCulture)).Append('}');
                values.Add(row[c]);
            }
            sql.Append(')');
        }
        return db.Database.ExecuteSqlRawAsync(sql.ToString(), values, ct);
    }

    private static T[] Shuffled<T>(List<T> items)
    {
        var array = items.ToArray();
        RandomNumberGenerator.Shuffle(array.AsSpan());
        return array;
    }
}
