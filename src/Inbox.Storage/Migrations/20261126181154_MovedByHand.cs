using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inbox.Storage.Migrations
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
                type: "INTEGER",
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
