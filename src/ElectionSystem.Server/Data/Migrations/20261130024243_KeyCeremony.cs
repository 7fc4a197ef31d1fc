using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ElectionSystem.Server.Data.Migrations
{
    /// <inheritdoc />
    public partial class KeyCeremony : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "KeyCeremonies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Threshold = table.Column<int>(type: "INTEGER", nullable: false),
                    Members = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PublicKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Failure = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KeyCeremonies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CeremonyMembers",
                columns: table => new
                {
                    CeremonyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Index = table.Column<int>(type: "INTEGER", nullable: false),
                    DelegateId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    FullName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    BoxKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Commitments = table.Column<string>(type: "TEXT", nullable: true),
                    SealedShares = table.Column<string>(type: "TEXT", nullable: true),
                    Complaints = table.Column<string>(type: "TEXT", nullable: true),
                    VerificationKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CeremonyMembers", x => new { x.CeremonyId, x.Index });
                    table.ForeignKey(
                        name: "FK_CeremonyMembers_KeyCeremonies_CeremonyId",
                        column: x => x.CeremonyId,
                        principalTable: "KeyCeremonies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EncryptedRounds",
                columns: table => new
                {
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CeremonyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Context = table.Column<string>(type: "TEXT", nullable: false),
                    Totals = table.Column<string>(type: "TEXT", nullable: true),
                    DecryptedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EncryptedRounds", x => x.RoundId);
                    table.ForeignKey(
                        name: "FK_EncryptedRounds_ElectionRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "ElectionRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EncryptedRounds_KeyCeremonies_CeremonyId",
                        column: x => x.CeremonyId,
                        principalTable: "KeyCeremonies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PartialDecryptions",
                columns: table => new
                {
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Index = table.Column<int>(type: "INTEGER", nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false),
                    PostedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartialDecryptions", x => new { x.RoundId, x.Index });
                    table.ForeignKey(
                        name: "FK_PartialDecryptions_EncryptedRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "EncryptedRounds",
                        principalColumn: "RoundId",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EncryptedRounds_CeremonyId",
                table: "EncryptedRounds",
                column: "CeremonyId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CeremonyMembers");

            migrationBuilder.DropTable(
                name: "PartialDecryptions");

            migrationBuilder.DropTable(
                name: "EncryptedRounds");

            migrationBuilder.DropTable(
                name: "KeyCeremonies");
        }
    }
}
