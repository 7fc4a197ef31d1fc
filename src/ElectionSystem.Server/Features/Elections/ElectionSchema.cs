using ElectionSystem.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.Elections;

/// <summary>
/// The two tables EF Core cannot describe: SQLite gives every ordinary table a hidden rowid in
/// insertion order, which would reveal the casting order of ballots (and, beside the participation
/// table's own order, who cast what). Ballots and receipts are therefore WITHOUT ROWID tables
/// clustered on their random key, created here right after the migrations (ADR 0001). Their entities
/// are mapped with ExcludeFromMigrations, so migrations never touch them.
/// </summary>
public static class ElectionSchema
{
    public const string BallotsTable = "Ballots";
    public const string ReceiptsTable = "Receipts";

    private const string Sql = """
        CREATE TABLE IF NOT EXISTS "Ballots" (
            "Id" TEXT NOT NULL PRIMARY KEY,
            "RoundId" TEXT NOT NULL,
            "Source" TEXT NOT NULL,
            "Content" TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS "IX_Ballots_RoundId" ON "Ballots" ("RoundId");
        CREATE TABLE IF NOT EXISTS "Receipts" (
            "RoundId" TEXT NOT NULL,
            "Code" TEXT NOT NULL,
            "Nonce" TEXT NOT NULL,
            PRIMARY KEY ("RoundId", "Code", "Nonce")
        ) WITHOUT ROWID;
        """;

    public static Task EnsureAsync(ElectionDbContext db, CancellationToken cancellationToken = default) =>
        db.Database.ExecuteSqlRawAsync(Sql, cancellationToken);
}
