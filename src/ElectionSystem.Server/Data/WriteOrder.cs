using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace ElectionSystem.Server.Data;

/// <summary>
/// Forgets the order and the transactions in which secret rows were written (ADR 0011). SQLite:
/// nothing to do — ballots and receipts are WITHOUT ROWID tables stored in random-key order, and
/// SQLite keeps no writer id per row. PostgreSQL keeps both: a row's place in the heap (ctid)
/// follows insertion, and its xmin names the transaction that inserted it — the same for a ballot
/// and the participation written with it. So, after a round closes: every row of each table is
/// rewritten by one UPDATE (one xmin for all of them), then CLUSTER rebuilds the table in its
/// primary key's order (random ids) into a new file, without the old row versions.
/// Call outside a transaction (CLUSTER cannot run in one).
/// </summary>
public static class WriteOrder
{
    public static async Task ForgetAsync(ElectionDbContext db, IEnumerable<Type> entities, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            return;
        }
        foreach (var type in entities)
        {
            var entity = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not mapped.");
            var key = entity.FindPrimaryKey()!;
            var table = entity.GetTableName();
            var column = key.Properties[0].GetColumnName();
            try
            {
                // Names from the model, not from input.
                var rewrite = $"UPDATE \"{table}\" SET \"{column}\" = \"{column}\"";
                var cluster = $"CLUSTER \"{table}\" USING \"{key.GetName()}\"";
                await db.Database.ExecuteSqlRawAsync(rewrite, ct);
                await db.Database.ExecuteSqlRawAsync(cluster, ct);
            }
            catch (PostgresException e) when (!StorageFailure.IsStorage(e))
            {
                // The close has committed; a table left in write order is logged for the technician, not a failed close.
                db.GetService<ILoggerFactory>().CreateLogger(typeof(WriteOrder)).LogError(e,
                    "Could not rewrite {Table} in random-key order after a round closed: its rows still show their write order", table);
            }
        }
    }
}
