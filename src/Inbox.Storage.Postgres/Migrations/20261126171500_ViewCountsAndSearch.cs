using Inbox.Storage;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inbox.Storage.Postgres.Migrations
{
    /// <summary>
    /// Database-kept read models for 1,000,000 conversations: per-(status, blocked, awaiting reply) counts and sums kept by
    /// a trigger (so the views' counts and the Closed summary read a few rows), and full-text GIN indexes for search.
    /// </summary>
    /// <remarks>
    /// Written by hand: it adds no entity to the model, so the model snapshot does not change. The counter rows are kept per
    /// server process (<c>pg_backend_pid()</c>): two hosts' transactions never wait on, or deadlock over, the same counter
    /// row; a read sums the shards. The search expressions must stay exactly as in <c>ConversationSearch</c> for the
    /// planner to use these indexes.
    /// </remarks>
    [DbContext(typeof(InboxDbContext))]
    [Migration("20261126171500_ViewCountsAndSearch")]
    public partial class ViewCountsAndSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Other hosts keep writing during a rolling deploy: held until this migration commits, their changes to
            // conversations are neither missed by the counting below nor left out by triggers not yet in force. Every table
            // this migration indexes is locked in this first statement, so it never waits for one while holding another.
            migrationBuilder.Sql("""LOCK TABLE "Conversations", "Messages", "Contacts" IN SHARE ROW EXCLUSIVE MODE;""");
            migrationBuilder.Sql("""
                CREATE TABLE "ConversationCounts" (
                    "Shard" integer NOT NULL,
                    "Status" integer NOT NULL,
                    "IsContactBlocked" boolean NOT NULL,
                    "AwaitingReply" boolean NOT NULL,
                    "Conversations" bigint NOT NULL,
                    "Durations" bigint NOT NULL,
                    "DurationSeconds" bigint NOT NULL,
                    "FirstResponses" bigint NOT NULL,
                    "FirstResponseSeconds" bigint NOT NULL,
                    CONSTRAINT "PK_ConversationCounts" PRIMARY KEY ("Shard", "Status", "IsContactBlocked", "AwaitingReply"));
                """);
            migrationBuilder.Sql("""
                INSERT INTO "ConversationCounts"
                SELECT 0, "Status", "IsContactBlocked", "AwaitingReply", COUNT(*), COUNT("DurationSeconds"), COALESCE(SUM("DurationSeconds"), 0),
                       COUNT("FirstResponseSeconds"), COALESCE(SUM("FirstResponseSeconds"), 0)
                FROM "Conversations" GROUP BY "Status", "IsContactBlocked", "AwaitingReply";
                """);
            migrationBuilder.Sql($$"""
                CREATE FUNCTION "inbox_count_conversations"() RETURNS trigger LANGUAGE plpgsql AS $body$
                BEGIN
                    IF TG_OP <> 'INSERT' THEN
                        {{Count("OLD", -1)}}
                    END IF;
                    IF TG_OP <> 'DELETE' THEN
                        {{Count("NEW", 1)}}
                    END IF;
                    RETURN NULL;
                END
                $body$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Conversations_Counts_InsertDelete" AFTER INSERT OR DELETE ON "Conversations"
                FOR EACH ROW EXECUTE FUNCTION "inbox_count_conversations"();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Conversations_Counts_Update"
                AFTER UPDATE OF "Status", "IsContactBlocked", "AwaitingReply", "DurationSeconds", "FirstResponseSeconds" ON "Conversations"
                FOR EACH ROW WHEN (OLD."Status" IS DISTINCT FROM NEW."Status" OR OLD."IsContactBlocked" IS DISTINCT FROM NEW."IsContactBlocked"
                    OR OLD."AwaitingReply" IS DISTINCT FROM NEW."AwaitingReply" OR OLD."DurationSeconds" IS DISTINCT FROM NEW."DurationSeconds"
                    OR OLD."FirstResponseSeconds" IS DISTINCT FROM NEW."FirstResponseSeconds")
                EXECUTE FUNCTION "inbox_count_conversations"();
                """);

            // The filtered Closed view's count and averages read only this index (see ClosedFigures in Inbox.Storage).
            migrationBuilder.Sql("""
                CREATE INDEX "IX_Conversations_ClosedFigures" ON "Conversations" ("Status", "IsContactBlocked", "EndedAt")
                    INCLUDE ("Channel", "AssigneeId", "DurationSeconds", "FirstResponseSeconds", "Tags");
                """);

            // Search: the words of message texts and of visitors' names and emails. Punctuation inside addresses and
            // numbers becomes a space first, so "ada.silva@example.test" is the words ada, silva, example, test (as in SQLite's FTS5).
            migrationBuilder.Sql($"""
                CREATE INDEX "IX_Messages_Search" ON "Messages" USING gin ({MessageDocument});
                """);
            migrationBuilder.Sql($"""
                CREATE INDEX "IX_Contacts_Search" ON "Contacts" USING gin ({VisitorDocument});
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_Contacts_Search";""");
            migrationBuilder.Sql("""DROP INDEX "IX_Messages_Search";""");
            migrationBuilder.Sql("""DROP INDEX "IX_Conversations_ClosedFigures";""");
            migrationBuilder.Sql("""DROP TRIGGER "Conversations_Counts_Update" ON "Conversations";""");
            migrationBuilder.Sql("""DROP TRIGGER "Conversations_Counts_InsertDelete" ON "Conversations";""");
            migrationBuilder.Sql("""DROP FUNCTION "inbox_count_conversations"();""");
            migrationBuilder.Sql("""DROP TABLE "ConversationCounts";""");
        }

        // The indexed expressions as this migration made them; SearchWordsAsSqlite replaced both (ConversationSearch repeats those).
        private const string MessageDocument = """to_tsvector('simple'::regconfig, translate("Text", '@._+-/:', '       '))""";

        private const string VisitorDocument =
            """to_tsvector('simple'::regconfig, COALESCE("Name", '') || ' ' || translate(COALESCE("Email", ''), '@._+-/:', '       '))""";

        // Adds (sign 1) or takes away (sign -1) one conversation row's share of this server process's counter row.
        private static string Count(string row, int sign) => $"""
            INSERT INTO "ConversationCounts" VALUES (pg_backend_pid(), {row}."Status", {row}."IsContactBlocked", {row}."AwaitingReply", {sign},
                {sign} * ({row}."DurationSeconds" IS NOT NULL)::int, {sign} * COALESCE({row}."DurationSeconds", 0),
                {sign} * ({row}."FirstResponseSeconds" IS NOT NULL)::int, {sign} * COALESCE({row}."FirstResponseSeconds", 0))
            ON CONFLICT ("Shard", "Status", "IsContactBlocked", "AwaitingReply") DO UPDATE SET
                "Conversations" = "ConversationCounts"."Conversations" + EXCLUDED."Conversations",
                "Durations" = "ConversationCounts"."Durations" + EXCLUDED."Durations",
                "DurationSeconds" = "ConversationCounts"."DurationSeconds" + EXCLUDED."DurationSeconds",
                "FirstResponses" = "ConversationCounts"."FirstResponses" + EXCLUDED."FirstResponses",
                "FirstResponseSeconds" = "ConversationCounts"."FirstResponseSeconds" + EXCLUDED."FirstResponseSeconds";
            """;
    }
}
