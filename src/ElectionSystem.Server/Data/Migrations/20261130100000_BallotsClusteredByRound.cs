using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ElectionSystem.Server.Data.Migrations;

/// <summary>
/// Ballots clustered on (RoundId, Id) instead of Id alone (still WITHOUT ROWID, still a random order
/// within a round: ADR 0001). Every read of ballots names its round, so the round's index
/// (IX_Ballots_RoundId) is not needed any more, and a round's ballots share their leaves: a burst's
/// inserts touch the open round's pages (in the page cache) and no second tree. With Id alone every
/// ballot landed in a random leaf of every round's ballots ever cast, each insert read a page from
/// disk and wrote two (the leaf and the index). SQLite cannot change a primary key in place: the
/// table is rebuilt in the migration's transaction. Written by hand, like BallotsWithoutRowid;
/// PostgreSQL keeps its own table (a heap, its primary key on Id).
/// </summary>
[DbContext(typeof(ElectionDbContext))]
[Migration("20261130100000_BallotsClusteredByRound")]
public sealed class BallotsClusteredByRound : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => Rebuild(migrationBuilder, """PRIMARY KEY ("RoundId", "Id")""", index: false);

    protected override void Down(MigrationBuilder migrationBuilder) => Rebuild(migrationBuilder, """PRIMARY KEY ("Id")""", index: true);

    private static void Rebuild(MigrationBuilder migrationBuilder, string primaryKey, bool index)
    {
        migrationBuilder.Sql($"""
            CREATE TABLE "Ballots_rebuilt" (
                "Id" TEXT NOT NULL,
                "RoundId" TEXT NOT NULL,
                "Source" TEXT NOT NULL,
                "Content" TEXT NOT NULL,
                {primaryKey}
            ) WITHOUT ROWID;
            """);
        migrationBuilder.Sql("""INSERT INTO "Ballots_rebuilt" ("Id", "RoundId", "Source", "Content") SELECT "Id", "RoundId", "Source", "Content" FROM "Ballots";""");
        migrationBuilder.Sql("""DROP TABLE "Ballots";""");
        migrationBuilder.Sql("""ALTER TABLE "Ballots_rebuilt" RENAME TO "Ballots";""");
        if (index) migrationBuilder.Sql("""CREATE INDEX "IX_Ballots_RoundId" ON "Ballots" ("RoundId");""");
    }
}
