using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ElectionSystem.Server.Data.Migrations
{
    /// <inheritdoc />
    public partial class OpenVotes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DelegateCredentials",
                columns: table => new
                {
                    DelegateId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PinHash = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PinIssuedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FailedPinAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LockedUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    TabletSessionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SignedInAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DelegateCredentials", x => x.DelegateId);
                    table.ForeignKey(
                        name: "FK_DelegateCredentials_Delegates_DelegateId",
                        column: x => x.DelegateId,
                        principalTable: "Delegates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OpenVotes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Anonymous = table.Column<bool>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    For = table.Column<int>(type: "INTEGER", nullable: true),
                    Against = table.Column<int>(type: "INTEGER", nullable: true),
                    AbstainChosen = table.Column<int>(type: "INTEGER", nullable: true),
                    NotVoted = table.Column<int>(type: "INTEGER", nullable: true),
                    AbstainTotal = table.Column<int>(type: "INTEGER", nullable: true),
                    Present = table.Column<int>(type: "INTEGER", nullable: true),
                    Base = table.Column<int>(type: "INTEGER", nullable: true),
                    BaseExplanation = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Passed = table.Column<bool>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpenVotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OpenVotes_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OpenVoteChoices",
                columns: table => new
                {
                    VoteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DelegateId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Choice = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpenVoteChoices", x => new { x.VoteId, x.DelegateId });
                    table.ForeignKey(
                        name: "FK_OpenVoteChoices_Delegates_DelegateId",
                        column: x => x.DelegateId,
                        principalTable: "Delegates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OpenVoteChoices_OpenVotes_VoteId",
                        column: x => x.VoteId,
                        principalTable: "OpenVotes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OpenVoteChoices_DelegateId",
                table: "OpenVoteChoices",
                column: "DelegateId");

            migrationBuilder.CreateIndex(
                name: "IX_OpenVotes_SessionId_Ordinal",
                table: "OpenVotes",
                columns: new[] { "SessionId", "Ordinal" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OpenVotes_State",
                table: "OpenVotes",
                column: "State",
                unique: true,
                filter: "\"State\" = 'Open'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DelegateCredentials");

            migrationBuilder.DropTable(
                name: "OpenVoteChoices");

            migrationBuilder.DropTable(
                name: "OpenVotes");
        }
    }
}
