using Inbox.Storage.Writing;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inbox.Storage.Migrations
{
    /// <summary>
    /// Message texts reach the FTS5 index in chunks fed by the single writer (<see cref="MessageSearchFeed"/>) instead of
    /// by a trigger per inserted row: FTS5 writes a new index segment at every commit that touched it and merges them
    /// later, which at one commit per write batch cost more writer time than storing the messages themselves.
    /// </summary>
    /// <remarks>
    /// <c>MessageSearchProgress.IndexedThrough</c> is the highest message id the index holds; every message with a higher
    /// id is still to be fed, with the text it has when it is fed. So edits and deletions change the index only for
    /// messages it already holds. Written by hand like ViewCountsAndSearch: the model does not change.
    /// </remarks>
    [DbContext(typeof(InboxDbContext))]
    [Migration("20261126200000_MessageSearchFedInChunks")]
    public partial class MessageSearchFedInChunks : Migration
    {
        private const string Indexed = """old."Id" <= (SELECT "IndexedThrough" FROM "MessageSearchProgress")""";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE "MessageSearchProgress" (
                    "Id" INTEGER NOT NULL CONSTRAINT "PK_MessageSearchProgress" PRIMARY KEY CHECK ("Id" = 1),
                    "IndexedThrough" INTEGER NOT NULL);
                """);
            // The insert trigger indexed every message so far.
            migrationBuilder.Sql("""INSERT INTO "MessageSearchProgress" VALUES (1, (SELECT COALESCE(MAX("Id"), 0) FROM "Messages"));""");
            foreach (var trigger in new[] { "Messages_Search_Insert", "Messages_Search_Update", "Messages_Search_Delete" })
                migrationBuilder.Sql($"DROP TRIGGER \"{trigger}\";");
            migrationBuilder.Sql($"""
                CREATE TRIGGER "Messages_Search_Update" AFTER UPDATE OF "Text" ON "Messages"
                WHEN old."Text" IS NOT new."Text" AND {Indexed} BEGIN
                    DELETE FROM "MessageSearch" WHERE rowid = old."Id";
                    INSERT INTO "MessageSearch" (rowid, "Text") VALUES (new."Id", new."Text");
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "Messages_Search_Delete" AFTER DELETE ON "Messages" WHEN {Indexed} BEGIN
                    DELETE FROM "MessageSearch" WHERE rowid = old."Id";
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                INSERT INTO "MessageSearch" (rowid, "Text") SELECT "Id", "Text" FROM "Messages"
                WHERE "Id" > (SELECT "IndexedThrough" FROM "MessageSearchProgress");
                """);
            foreach (var trigger in new[] { "Messages_Search_Update", "Messages_Search_Delete" })
                migrationBuilder.Sql($"DROP TRIGGER \"{trigger}\";");
            migrationBuilder.Sql("DROP TABLE \"MessageSearchProgress\";");
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
        }
    }
}
