using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inbox.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class MovedByHand : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "MovedByHandAt",
                table: "Conversations",
                type: "bigint",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MovedByHandAt",
                table: "Conversations");
        }
    }
}
