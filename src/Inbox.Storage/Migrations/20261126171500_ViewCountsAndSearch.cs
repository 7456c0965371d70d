using Inbox.Storage.Queries;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inbox.Storage.Migrations
{
    /// <summary>
    /// Database-kept read models for 1,000,000 conversations: per-(status, blocked, awaiting reply) counts and sums kept by
    /// triggers (so the views' counts and the Closed summary read a dozen rows), and FTS5 indexes for search.
    /// </summary>
    /// <remarks>
    /// Written by hand: it adds no entity to the model (the tables are read with SQL in <see cref="ConversationCounts"/> and
    /// <see cref="ConversationSearch"/>), so the model snapshot does not change. Triggers keep every write path honest,
    /// the store's prepared statements included.
    /// </remarks>
    [DbContext(typeof(InboxDbContext))]
    [Migration("20261126171500_ViewCountsAndSearch")]
    public partial class ViewCountsAndSearch : Migration
    {
        private const string CountedColumns = "\"Status\", \"IsContactBlocked\", \"AwaitingReply\", \"DurationSeconds\", \"FirstResponseSeconds\"";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE "ConversationCounts" (
                    "Shard" INTEGER NOT NULL,
                    "Status" INTEGER NOT NULL,
                    "IsContactBlocked" INTEGER NOT NULL,
                    "AwaitingReply" INTEGER NOT NULL,
                    "Conversations" INTEGER NOT NULL,
                    "Durations" INTEGER NOT NULL,
                    "DurationSeconds" INTEGER NOT NULL,
                    "FirstResponses" INTEGER NOT NULL,
                    "FirstResponseSeconds" INTEGER NOT NULL,
                    CONSTRAINT "PK_ConversationCounts" PRIMARY KEY ("Shard", "Status", "IsContactBlocked", "AwaitingReply"));
                """);
            migrationBuilder.Sql("""
                INSERT INTO "ConversationCounts"
                SELECT 0, "Status", "IsContactBlocked", "AwaitingReply", COUNT(*), COUNT("DurationSeconds"), COALESCE(SUM("DurationSeconds"), 0),
                       COUNT("FirstResponseSeconds"), COALESCE(SUM("FirstResponseSeconds"), 0)
                FROM "Conversations" GROUP BY "Status", "IsContactBlocked", "AwaitingReply";
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "Conversations_Counts_Insert" AFTER INSERT ON "Conversations" BEGIN
                    {Count("new", 1)}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "Conversations_Counts_Delete" AFTER DELETE ON "Conversations" BEGIN
                    {Count("old", -1)}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "Conversations_Counts_Update" AFTER UPDATE OF {CountedColumns} ON "Conversations"
                WHEN old."Status" IS NOT new."Status" OR old."IsContactBlocked" IS NOT new."IsContactBlocked" OR old."AwaitingReply" IS NOT new."AwaitingReply"
                    OR old."DurationSeconds" IS NOT new."DurationSeconds" OR old."FirstResponseSeconds" IS NOT new."FirstResponseSeconds"
                BEGIN
                    {Count("old", -1)}
                    {Count("new", 1)}
                END;
                """);

            // The filtered Closed view's count and averages read only this index (see ClosedFigures).
            migrationBuilder.Sql("""
                CREATE INDEX "IX_Conversations_ClosedFigures" ON "Conversations"
                    ("Status", "IsContactBlocked", "EndedAt", "Channel", "AssigneeId", "DurationSeconds", "FirstResponseSeconds", "Tags");
                """);

            // Search: words of message texts, and of each conversation's visitor name and email (one document per
            // conversation, so a match is a conversation id without a join). Contentless: the text stays in its own table.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "MessageSearch" USING fts5("Text", content='', contentless_delete=1);
                """);
            migrationBuilder.Sql("""INSERT INTO "MessageSearch" (rowid, "Text") SELECT "Id", "Text" FROM "Messages";""");
            migrationBuilder.Sql("""
                CREATE TRIGGER "Messages_Search_Insert" AFTER INSERT ON "Messages" BEGIN
                    INSERT INTO "MessageSearch" (rowid, "Text") VALUES (new."Id", new."Text");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Messages_Search_Update" AFTER UPDATE OF "Text" ON "Messages" WHEN old."Text" IS NOT new."Text" BEGIN
                    DELETE FROM "MessageSearch" WHERE rowid = old."Id";
                    INSERT INTO "MessageSearch" (rowid, "Text") VALUES (new."Id", new."Text");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Messages_Search_Delete" AFTER DELETE ON "Messages" BEGIN
                    DELETE FROM "MessageSearch" WHERE rowid = old."Id";
                END;
                """);

            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "VisitorSearch" USING fts5("Name", "Email", content='', contentless_delete=1);
                """);
            migrationBuilder.Sql("""
                INSERT INTO "VisitorSearch" (rowid, "Name", "Email")
                SELECT c."Id", p."Name", p."Email" FROM "Conversations" c JOIN "Contacts" p ON p."Id" = c."ContactId";
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Conversations_Search_Insert" AFTER INSERT ON "Conversations" BEGIN
                    INSERT INTO "VisitorSearch" (rowid, "Name", "Email") SELECT new."Id", "Name", "Email" FROM "Contacts" WHERE "Id" = new."ContactId";
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Conversations_Search_Update" AFTER UPDATE OF "ContactId" ON "Conversations" WHEN old."ContactId" IS NOT new."ContactId" BEGIN
                    DELETE FROM "VisitorSearch" WHERE rowid = old."Id";
                    INSERT INTO "VisitorSearch" (rowid, "Name", "Email") SELECT new."Id", "Name", "Email" FROM "Contacts" WHERE "Id" = new."ContactId";
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Conversations_Search_Delete" AFTER DELETE ON "Conversations" BEGIN
                    DELETE FROM "VisitorSearch" WHERE rowid = old."Id";
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Contacts_Search_Update" AFTER UPDATE OF "Name", "Email" ON "Contacts"
                WHEN old."Name" IS NOT new."Name" OR old."Email" IS NOT new."Email" BEGIN
                    DELETE FROM "VisitorSearch" WHERE rowid IN (SELECT "Id" FROM "Conversations" WHERE "ContactId" = new."Id");
                    INSERT INTO "VisitorSearch" (rowid, "Name", "Email") SELECT "Id", new."Name", new."Email" FROM "Conversations" WHERE "ContactId" = new."Id";
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in new[]
                     {
                         "Contacts_Search_Update", "Conversations_Search_Delete", "Conversations_Search_Update", "Conversations_Search_Insert",
                         "Messages_Search_Delete", "Messages_Search_Update", "Messages_Search_Insert",
                         "Conversations_Counts_Update", "Conversations_Counts_Delete", "Conversations_Counts_Insert",
                     })
                migrationBuilder.Sql($"DROP TRIGGER \"{trigger}\";");
            migrationBuilder.Sql("DROP INDEX \"IX_Conversations_ClosedFigures\";");
            migrationBuilder.Sql("DROP TABLE \"VisitorSearch\";");
            migrationBuilder.Sql("DROP TABLE \"MessageSearch\";");
            migrationBuilder.Sql("DROP TABLE \"ConversationCounts\";");
        }

        // Adds (sign 1) or takes away (sign -1) one conversation row's share of its counter row.
        private static string Count(string row, int sign) => $"""
            INSERT INTO "ConversationCounts" VALUES (0, {row}."Status", {row}."IsContactBlocked", {row}."AwaitingReply", {sign},
                {sign} * ({row}."DurationSeconds" IS NOT NULL), {sign} * COALESCE({row}."DurationSeconds", 0),
                {sign} * ({row}."FirstResponseSeconds" IS NOT NULL), {sign} * COALESCE({row}."FirstResponseSeconds", 0))
            ON CONFLICT DO UPDATE SET
                "Conversations" = "Conversations" + excluded."Conversations",
                "Durations" = "Durations" + excluded."Durations",
                "DurationSeconds" = "DurationSeconds" + excluded."DurationSeconds",
                "FirstResponses" = "FirstResponses" + excluded."FirstResponses",
                "FirstResponseSeconds" = "FirstResponseSeconds" + excluded."FirstResponseSeconds";
            """;
    }
}
