using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ElectionSystem.Server.Data.Migrations
{
    /// <inheritdoc />
    public partial class CommitteeCredentials : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
        }
    }
}
