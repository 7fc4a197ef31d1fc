using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ElectionSystem.Server.Data.Migrations
{
    /// <inheritdoc />
    public partial class SignInBackOff : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "LockedUntil",
                table: "DelegateCredentials",
                newName: "BackOffUntil");

            migrationBuilder.AddColumn<int>(
                name: "FailedSignIns",
                table: "Accounts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "SignInBackOffUntil",
                table: "Accounts",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FailedSignIns",
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
