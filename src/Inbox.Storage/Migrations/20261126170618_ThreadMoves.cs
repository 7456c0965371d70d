using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inbox.Storage.Migrations
{
    /// <inheritdoc />
    public partial class ThreadMoves : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "MovedAt",
                table: "ConversationThreads",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MovedFromExternalId",
                table: "ConversationThreads",
                type: "TEXT",
                maxLength: 400,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConversationThreads_Destination_MovedFromExternalId",
                table: "ConversationThreads",
                columns: new[] { "Destination", "MovedFromExternalId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ConversationThreads_Destination_MovedFromExternalId",
                table: "ConversationThreads");

            migrationBuilder.DropColumn(
                name: "MovedAt",
                table: "ConversationThreads");

            migrationBuilder.DropColumn(
                name: "MovedFromExternalId",
                table: "ConversationThreads");
        }
    }
}
