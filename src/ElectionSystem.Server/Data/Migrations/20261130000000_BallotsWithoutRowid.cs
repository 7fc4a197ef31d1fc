using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ElectionSystem.Server.Data.Migrations;

/// <summary>
/// Ballots and receipts as WITHOUT ROWID tables clustered on their random key (ADR 0001): an
/// ordinary table's hidden rowid would keep the casting order. EF Core cannot describe such a
/// table, so this migration is written by hand and the two entities are excluded from the model's
/// migrations. IF NOT EXISTS: data folders made before this migration already have both tables.
/// </summary>
[DbContext(typeof(ElectionDbContext))]
[Migration("20261130000000_BallotsWithoutRowid")]
public sealed class BallotsWithoutRowid : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE IF NOT EXISTS "Ballots" (
                "Id" TEXT NOT NULL PRIMARY KEY,
                "RoundId" TEXT NOT NULL,
                "Source" TEXT NOT NULL,
                "Content" TEXT NOT NULL
            ) WITHOUT ROWID;
            """);
        migrationBuilder.Sql("""CREATE INDEX IF NOT EXISTS "IX_Ballots_RoundId" ON "Ballots" ("RoundId");""");
        migrationBuilder.Sql("""
            CREATE TABLE IF NOT EXISTS "Receipts" (
                "RoundId" TEXT NOT NULL,
                "Code" TEXT NOT NULL,
                "Nonce" TEXT NOT NULL,
                PRIMARY KEY ("RoundId", "Code", "Nonce")
            ) WITHOUT ROWID;
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""DROP TABLE IF EXISTS "Receipts";""");
        migrationBuilder.Sql("""DROP TABLE IF EXISTS "Ballots";""");
    }
}
