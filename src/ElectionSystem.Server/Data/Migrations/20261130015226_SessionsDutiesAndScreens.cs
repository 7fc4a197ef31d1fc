using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ElectionSystem.Server.Data.Migrations
{
    /// <inheritdoc />
    public partial class SessionsDutiesAndScreens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "LockedUntil",
                table: "DelegateCredentials",
                newName: "BackOffUntil");

            migrationBuilder.AddColumn<DateTime>(
                name: "DecisionPrintedAt",
                table: "OpenVotes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "LiveCounts",
                table: "OpenVotes",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "DelegateId",
                table: "CountingCommitteeMembers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ElectedByOpenVoteId",
                table: "CountingCommitteeMembers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FailedSignIns",
                table: "Accounts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "SecurityStamp",
                table: "Accounts",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTime>(
                name: "SignInBackOffUntil",
                table: "Accounts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DutyRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DelegateId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DelegateCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DelegateName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    RequestedByAccountId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RequestedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DutyRequests", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CountingCommitteeMembers_DelegateId",
                table: "CountingCommitteeMembers",
                column: "DelegateId");

            migrationBuilder.CreateIndex(
                name: "IX_DutyRequests_RequestedAt",
                table: "DutyRequests",
                column: "RequestedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DutyRequests");

            migrationBuilder.DropIndex(
                name: "IX_CountingCommitteeMembers_DelegateId",
                table: "CountingCommitteeMembers");

            migrationBuilder.DropColumn(
                name: "DecisionPrintedAt",
                table: "OpenVotes");

            migrationBuilder.DropColumn(
                name: "LiveCounts",
                table: "OpenVotes");

            migrationBuilder.DropColumn(
                name: "DelegateId",
                table: "CountingCommitteeMembers");

            migrationBuilder.DropColumn(
                name: "ElectedByOpenVoteId",
                table: "CountingCommitteeMembers");

            migrationBuilder.DropColumn(
                name: "FailedSignIns",
                table: "Accounts");

            migrationBuilder.DropColumn(
                name: "SecurityStamp",
                table: "Accounts");

            migrationBuilder.DropColumn(
                name: "SignInBackOffUntil",
                table: "Accounts");

            migrationBuilder.RenameColumn(
                name: "BackOffUntil",
                table: "DelegateCredentials",
                newName: "LockedUntil");
        }
    }
}
