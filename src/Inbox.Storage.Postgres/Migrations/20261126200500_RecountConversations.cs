using Inbox.Storage;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inbox.Storage.Postgres.Migrations
{
    /// <summary>
    /// Counts the conversations again, once, with writers held off: until ViewCountsAndSearch took that lock itself, a host
    /// writing while another applied it could leave the counts off by the conversations it changed in between.
    /// </summary>
    /// <remarks>
    /// The per-process counter rows (one set per server process that ever wrote) are folded into one set on the way.
    /// Written by hand; the model does not change.
    /// </remarks>
    [DbContext(typeof(InboxDbContext))]
    [Migration("20261126200500_RecountConversations")]
    public partial class RecountConversations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""LOCK TABLE "Conversations" IN SHARE ROW EXCLUSIVE MODE;""");
            migrationBuilder.Sql("""DELETE FROM "ConversationCounts";""");
            migrationBuilder.Sql("""
                INSERT INTO "ConversationCounts"
                SELECT 0, "Status", "IsContactBlocked", "AwaitingReply", COUNT(*), COUNT("DurationSeconds"), COALESCE(SUM("DurationSeconds"), 0),
                       COUNT("FirstResponseSeconds"), COALESCE(SUM("FirstResponseSeconds"), 0)
                FROM "Conversations" GROUP BY "Status", "IsContactBlocked", "AwaitingReply";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo: the counts were right before and are right after.
        }
    }
}
