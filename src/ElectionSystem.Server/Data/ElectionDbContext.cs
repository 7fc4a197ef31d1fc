using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ElectionSystem.Server.Data;

/// <summary>
/// The hall's database. Its own sets are the registry's tables; a capability's tables are mapped by
/// its <c>IEntityTypeConfiguration</c> and reached with <c>Set&lt;T&gt;()</c> (or an extension property
/// the capability declares), so Data names no capability. This type is the SQLite database; on
/// PostgreSQL the same model runs as <see cref="PostgresElectionDbContext"/>, whose migrations are
/// a set of their own. SQLite's migrations live in Data/Migrations; after changing the model run
/// <c>dotnet tool restore &amp;&amp; dotnet ef migrations add NAME --context ElectionDbContext --project src/ElectionSystem.Server --output-dir Data/Migrations</c>
/// (generated, never hand-edited; PostgreSQL's: docs/architecture.md, "Two database providers"). Audit entries queued with <see cref="AuditLog"/> are chained and
/// written in the same SaveChanges as the state change they record.
/// </summary>
public class ElectionDbContext : DbContext
{
    private readonly AuditChainGate chainGate;
    private readonly List<PendingAuditEntry> _pendingAudit = [];

    public ElectionDbContext(DbContextOptions<ElectionDbContext> options, AuditChainGate chainGate)
        : this((DbContextOptions)options, chainGate)
    {
    }

    /// <summary>For the provider's subclass (its own options type, so its own migrations).</summary>
    protected ElectionDbContext(DbContextOptions options, AuditChainGate chainGate)
        : base(options) => this.chainGate = chainGate;

    public DbSet<Congress> Congresses => Set<Congress>();
    public DbSet<CongressSession> Sessions => Set<CongressSession>();
    public DbSet<Delegation> Delegations => Set<Delegation>();
    public DbSet<CongressDelegate> Delegates => Set<CongressDelegate>();
    public DbSet<CheckIn> CheckIns => Set<CheckIn>();
    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<DisplayKey> DisplayKeys => Set<DisplayKey>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AuditHead> AuditHeads => Set<AuditHead>();
    public DbSet<HallSecret> HallSecrets => Set<HallSecret>();

    internal void EnqueueAudit(PendingAuditEntry entry) => _pendingAudit.Add(entry);

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ElectionDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Everything is stored in UTC; SQLite gives DateTime back without a Kind, so say it.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcConverter>();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (_pendingAudit.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // One appender at a time: reading the chain head and writing the next entries must not interleave —
        // in this process (the gate) and, on PostgreSQL, across hall servers (an advisory lock held by the
        // transaction that reads the head and writes the entries, so the next appender reads after its commit).
        await chainGate.WaitAsync(cancellationToken);
        var added = new List<object>();
        var ownTransaction = Database.IsNpgsql() && Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            await DatabaseLocks.TakeInTransactionAsync(this, DatabaseLocks.AuditChain, shared: false, cancellationToken);
            var head = await AuditHeads.FindAsync([AuditHash.HeadId], cancellationToken);
            if (head is null)
            {
                head = new AuditHead { Id = AuditHash.HeadId, Sequence = 0, Hash = AuditHash.Genesis };
                AuditHeads.Add(head);
                added.Add(head);
            }
            else
            {
                await Entry(head).ReloadAsync(cancellationToken);
            }

            foreach (var pending in _pendingAudit)
            {
                var entry = new AuditEntry
                {
                    Sequence = head.Sequence + 1,
                    At = pending.At,
                    Actor = pending.Actor,
                    Action = pending.Action,
                    Subject = pending.Subject,
                    DataJson = pending.DataJson,
                    PreviousHash = head.Hash,
                };
                entry.Hash = AuditHash.Compute(entry);
                AuditEntries.Add(entry);
                added.Add(entry);
                head.Sequence = entry.Sequence;
                head.Hash = entry.Hash;
            }
            _pendingAudit.Clear();
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction is not null) await ownTransaction.CommitAsync(cancellationToken);
            return saved;
        }
        catch
        {
            // The state change failed, so its entries must not linger to be saved with something else.
            foreach (var entity in added)
            {
                Entry(entity).State = EntityState.Detached;
            }
            var tracked = ChangeTracker.Entries<AuditHead>().FirstOrDefault();
            if (tracked is not null)
            {
                tracked.State = EntityState.Detached;
            }
            _pendingAudit.Clear();
            throw;
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
            chainGate.Release();
        }
    }

    private sealed class UtcConverter : ValueConverter<DateTime, DateTime>
    {
        public UtcConverter() : base(v => v.ToUniversalTime(), v => DateTime.SpecifyKind(v, DateTimeKind.Utc)) { }
    }
}

/// <summary>Serialises audit appends within one server process (SQLite has one writer anyway; across servers: <see cref="DatabaseLocks.AuditChain"/>).</summary>
public sealed class AuditChainGate : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    public Task WaitAsync(CancellationToken cancellationToken) => _gate.WaitAsync(cancellationToken);
    public void Release() => _gate.Release();
    public void Dispose() => _gate.Dispose();
}

/// <summary>An audit entry queued by the audit log, chained and written with the state change it records.</summary>
internal sealed record PendingAuditEntry(DateTime At, string Actor, string Action, string Subject, string DataJson);
