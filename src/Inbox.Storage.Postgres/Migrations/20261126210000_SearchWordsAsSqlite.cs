using Inbox.Storage;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inbox.Storage.Postgres.Migrations
{
    /// <summary>
    /// The search documents split words as SQLite's FTS5 does: markup signs and the punctuation of addresses become spaces
    /// in names too, so "ana.silva" as a name is the words ana and silva, and "&lt;b&gt;invoice&lt;/b&gt;" holds invoice. Before, PostgreSQL's
    /// parser kept "ana.silva" as one host name and read "&lt;...&gt;" as a tag it drops.
    /// </summary>
    /// <remarks>Written by hand; the indexed expressions must stay word for word as in Inbox.Storage's <c>ConversationSearch</c>.</remarks>
    [DbContext(typeof(InboxDbContext))]
    [Migration("20261126210000_SearchWordsAsSqlite")]
    public partial class SearchWordsAsSqlite : Migration
    {
        private const string Signs = "'@._+-/:<>&', '          '";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Both tables at once, first: never holding one while waiting for the other behind a host's transaction.
            migrationBuilder.Sql("""LOCK TABLE "Messages", "Contacts" IN ACCESS EXCLUSIVE MODE;""");
            migrationBuilder.Sql("""DROP INDEX "IX_Messages_Search";""");
            migrationBuilder.Sql("""DROP INDEX "IX_Contacts_Search";""");
            migrationBuilder.Sql($"""CREATE INDEX "IX_Messages_Search" ON "Messages" USING gin (to_tsvector('simple'::regconfig, translate("Text", {Signs})));""");
            migrationBuilder.Sql($"""
                CREATE INDEX "IX_Contacts_Search" ON "Contacts" USING gin
                    (to_tsvector('simple'::regconfig, translate(COALESCE("Name", '') || ' ' || COALESCE("Email", ''), {Signs})));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_Messages_Search";""");
            migrationBuilder.Sql("""DROP INDEX "IX_Contacts_Search";""");
            migrationBuilder.Sql("""
                CREATE INDEX "IX_Messages_Search" ON "Messages" USING gin (to_tsvector('simple'::regconfig, translate("Text", '@._+-/:', '       ')));
                """);
            migrationBuilder.Sql("""
                CREATE INDEX "IX_Contacts_Search" ON "Contacts" USING gin
                    (to_tsvector('simple'::regconfig, COALESCE("Name", '') || ' ' || translate(COALESCE("Email", ''), '@._+-/:', '       ')));
                """);
        }
    }
}
