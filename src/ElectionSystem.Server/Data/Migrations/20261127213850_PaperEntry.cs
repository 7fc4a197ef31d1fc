using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ElectionSystem.Server.Data.Migrations
{
    /// <inheritdoc />
    public partial class PaperEntry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PaperCounts",
                columns: table => new
                {
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PaperOnly = table.Column<bool>(type: "INTEGER", nullable: false),
                    OpenedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CompletedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Counted = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaperCounts", x => x.RoundId);
                    table.ForeignKey(
                        name: "FK_PaperCounts_ElectionRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "ElectionRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PaperBundles",
                columns: table => new
                {
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Size = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaperBundles", x => new { x.RoundId, x.Number });
                    table.ForeignKey(
                        name: "FK_PaperBundles_PaperCounts_RoundId",
                        column: x => x.RoundId,
                        principalTable: "PaperCounts",
                        principalColumn: "RoundId",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PaperBundleStations",
                columns: table => new
                {
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BundleNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Station = table.Column<int>(type: "INTEGER", nullable: false),
                    Account = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaperBundleStations", x => new { x.RoundId, x.BundleNumber, x.Station });
                    table.ForeignKey(
                        name: "FK_PaperBundleStations_PaperBundles_RoundId_BundleNumber",
                        columns: x => new { x.RoundId, x.BundleNumber },
                        principalTable: "PaperBundles",
                        principalColumns: new[] { "RoundId", "Number" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PaperResolutions",
                columns: table => new
                {
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BundleNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Index = table.Column<int>(type: "INTEGER", nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaperResolutions", x => new { x.RoundId, x.BundleNumber, x.Index });
                    table.ForeignKey(
                        name: "FK_PaperResolutions_PaperBundles_RoundId_BundleNumber",
                        columns: x => new { x.RoundId, x.BundleNumber },
                        principalTable: "PaperBundles",
                        principalColumns: new[] { "RoundId", "Number" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PaperEntries",
                columns: table => new
                {
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BundleNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Index = table.Column<int>(type: "INTEGER", nullable: false),
                    Station = table.Column<int>(type: "INTEGER", nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    Corrections = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaperEntries", x => new { x.RoundId, x.BundleNumber, x.Index, x.Station });
                    table.ForeignKey(
                        name: "FK_PaperEntries_PaperBundleStations_RoundId_BundleNumber_Station",
                        columns: x => new { x.RoundId, x.BundleNumber, x.Station },
                        principalTable: "PaperBundleStations",
                        principalColumns: new[] { "RoundId", "BundleNumber", "Station" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PaperBundleStations_RoundId_BundleNumber_Account",
                table: "PaperBundleStations",
                columns: new[] { "RoundId", "BundleNumber", "Account" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PaperEntries_RoundId_BundleNumber_Station",
                table: "PaperEntries",
                columns: new[] { "RoundId", "BundleNumber", "Station" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PaperEntries");

            migrationBuilder.DropTable(
                name: "PaperResolutions");

            migrationBuilder.DropTable(
                name: "PaperBundleStations");

            migrationBuilder.DropTable(
                name: "PaperBundles");

            migrationBuilder.DropTable(
                name: "PaperCounts");
        }
    }
}
