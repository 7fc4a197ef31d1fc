using ElectionSystem.Server.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Data;

/// <summary>
/// Locks the database holds for every hall server at once (issue 15: nothing correct rests on one
/// process). On PostgreSQL they are advisory locks — transaction-scoped (<c>pg_advisory_xact_lock</c>,
/// released by the commit) or, for a block that makes its own commits, session-scoped
/// (<c>pg_advisory_lock</c>, released by the handle, and by PostgreSQL when the connection dies).
/// On SQLite there is one writer at a time anyway and one process per file: the in-process gates are enough.
/// </summary>
public static class DatabaseLocks
{
    /// <summary>The audit chain's head: read-last + insert, one appender at a time.</summary>
    public const long AuditChain = 0x45530001;

    /// <summary>A round's state against casts (RoundTransitions; the ballot writer takes it shared).</summary>
    public const long Rounds = 0x45530002;

    /// <summary>An open vote's state against its casts (OpenVoteGate).</summary>
    public const long OpenVotes = 0x45530003;

    /// <summary>A committee member's decision on a duty request (DutyDecisions): one at a time on every node.</summary>
    public const long DutyDecisions = 0x45530004;

    /// <summary>Start-up's migration and first congress: two servers started together on an empty database make one congress and one admin.</summary>
    public const long Bootstrap = 0x45530005;

    /// <summary>Within the current transaction, until it ends. Shared holders exclude only exclusive ones.</summary>
    public static async Task TakeInTransactionAsync(DbContext db, long key, bool shared, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql()) return;
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("A transaction-scoped lock needs a transaction.");
        if (shared) await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock_shared({key})", ct);
        else await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", ct);
    }

    /// <summary>Held on the context's connection (kept open) until the handle is disposed, across the block's own commits.</summary>
    public static async Task<IAsyncDisposable> HoldAsync(DbContext db, long key, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql()) return Nothing.Instance;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_lock({0})", [key], ct);
        }
        catch
        {
            await db.Database.CloseConnectionAsync();
            throw;
        }
        return new Held(db, key);
    }

    private sealed class Held(DbContext db, long key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                // A failed transaction may still be open on the connection: end it so the unlock can run.
                if (db.Database.CurrentTransaction is { } tx) await tx.RollbackAsync();
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock({0})", [key]);
            }
            finally
            {
                // Back to the pool; Npgsql's reset on the next use (DISCARD ALL) unlocks whatever an error left held.
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    private sealed class Nothing : IAsyncDisposable
    {
        public static readonly Nothing Instance = new();
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

/// <summary>
/// A <see cref="WriteGate"/> that also holds the database's lock of the same name, so a write that must
/// not interleave is serialised across hall servers too; inside, re-read whatever the decision rests on.
/// <c>await using (await gate.EnterAsync(db, ct)) { … }</c>.
/// </summary>
public abstract class DatabaseGate(long key) : WriteGate
{
    public long Key => key;

    public async Task<IAsyncDisposable> EnterAsync(DbContext db, CancellationToken ct)
    {
        var inProcess = await EnterAsync(ct);
        try
        {
            return new Both(inProcess, await DatabaseLocks.HoldAsync(db, key, ct));
        }
        catch
        {
            inProcess.Dispose();
            throw;
        }
    }

    private sealed class Both(IDisposable inProcess, IAsyncDisposable inDatabase) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await inDatabase.DisposeAsync();
            }
            finally
            {
                inProcess.Dispose();
            }
        }
    }
}
