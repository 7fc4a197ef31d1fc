using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ElectionSystem.Server.Data.Migrations
{
    /// <inheritdoc />
    public partial class CredentialsSecretsAndSlips : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AccountDisplayName",
                table: "DutyRequests",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "AccountId",
                table: "DutyRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AccountRole",
                table: "DutyRequests",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AccountUserName",
                table: "DutyRequests",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FirstApprovedBy",
                table: "DutyRequests",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "FirstApproverId",
                table: "DutyRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ActivationExpiresAt",
                table: "CountingCommitteeMembers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ActivationHash",
                table: "CountingCommitteeMembers",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FailedSecretAttempts",
                table: "CountingCommitteeMembers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "PassphraseHash",
                table: "CountingCommitteeMembers",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SecretBackOffUntil",
                table: "CountingCommitteeMembers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SecurityStamp",
                table: "CountingCommitteeMembers",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "MustChangePassword",
                table: "Accounts",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "DutySlips",
                columns: table => new
                {
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sealed = table.Column<string>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DutySlips", x => x.RequestId);
                });

            migrationBuilder.CreateTable(
                name: "HallSecrets",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HallSecrets", x => x.Name);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DutySlips_ExpiresAt",
                table: "DutySlips",
                column: "ExpiresAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DutySlips");

            migrationBuilder.DropTable(
                name: "HallSecrets");

            migrationBuilder.DropColumn(
                name: "AccountDisplayName",
                table: "DutyRequests");

            migrationBuilder.DropColumn(
                name: "AccountId",
                table: "DutyRequests");

            migrationBuilder.DropColumn(
                name: "AccountRole",
                table: "DutyRequests");

            migrationBuilder.DropColumn(
                name: "AccountUserName",
                table: "DutyRequests");

            migrationBuilder.DropColumn(
                name: "FirstApprovedBy",
                table: "DutyRequests");

            migrationBuilder.DropColumn(
                name: "FirstApproverId",
                table: "DutyRequests");

            migrationBuilder.DropColumn(
                name: "ActivationExpiresAt",
                table: "CountingCommitteeMembers");

            migrationBuilder.DropColumn(
                name: "ActivationHash",
                table: "CountingCommitteeMembers");

            migrationBuilder.DropColumn(
                name: "FailedSecretAttempts",
                table: "CountingCommitteeMembers");

            migrationBuilder.DropColumn(
                name: "PassphraseHash",
                table: "CountingCommitteeMembers");

            migrationBuilder.DropColumn(
                name: "SecretBackOffUntil",
                table: "CountingCommitteeMembers");

            migrationBuilder.DropColumn(
                name: "SecurityStamp",
                table: "CountingCommitteeMembers");

            migrationBuilder.DropColumn(
                name: "MustChangePassword",
                table: "Accounts");
        }
    }
}
