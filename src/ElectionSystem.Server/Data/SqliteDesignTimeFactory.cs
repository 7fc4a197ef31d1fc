using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ElectionSystem.Server.Data;

/// <summary>
/// For <c>dotnet ef migrations add NAME --context ElectionDbContext --output-dir Data/Migrations</c>.
/// Without a factory of its own, the tools take <see cref="PostgresDesignTimeFactory"/> for this
/// context too (its product is an ElectionDbContext), and a SQLite migration comes out as the whole
/// PostgreSQL model. The file is never opened while generating.
/// </summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<ElectionDbContext>
{
    public ElectionDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<ElectionDbContext>();
        options.UseSqlite("Data Source=design-time.db");
        return new ElectionDbContext(options.Options, new AuditChainGate());
    }
}
