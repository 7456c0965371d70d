using System.Text;
using Inbox.Core.Model;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Storage.Queries;

/// <summary>
/// Which conversations match search words, through the full-text indexes of migration ViewCountsAndSearch: SQLite's
/// FTS5 tables (MessageSearch, VisitorSearch) and PostgreSQL's GIN indexes over to_tsvector.
/// </summary>
/// <remarks>
/// A word matches a conversation when every part of it (its runs of letters and digits) begins a word of the same
/// message, or of the visitor's name and email; the words typed must all match, each in any of those places. So "silv"
/// finds Silva, "ada@example" finds ada.silva@example.test, "never arrived" finds "my parcel never arrived". Letters
/// match in any case. What is typed between the parts (the "@" above) must also appear as typed: that is checked on the
/// matches afterwards (<see cref="Literal"/>), so "5_%" does not find "50% off".
/// </remarks>
internal static class ConversationSearch
{
    /// <summary>The parts of a typed word the indexes know: runs of letters and digits, lower-cased.</summary>
    public static IReadOnlyList<string> Parts(string word)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        foreach (var c in word)
        {
            if (char.IsLetterOrDigit(c)) current.Append(char.ToLowerInvariant(c));
            else if (current.Length > 0) { parts.Add(current.ToString()); current.Clear(); }
        }
        if (current.Length > 0) parts.Add(current.ToString());
        return parts;
    }

    /// <summary>Whether a typed word holds more than letters and digits, and so needs the literal check as well.</summary>
    public static bool Literal(string word) => word.Any(c => !char.IsLetterOrDigit(c));

    /// <summary>SQLite: whether messages are stored that the writer has not fed to the search index yet (see <c>MessageSearchFeed</c>).</summary>
    public static async Task<bool> MessagesAwaitIndexingAsync(InboxDbContext db, CancellationToken cancellationToken) =>
        !db.Database.IsNpgsql() && await db.Database.SqlQueryRaw<bool>("""
            SELECT EXISTS (SELECT 1 FROM "Messages" WHERE "Id" > (SELECT "IndexedThrough" FROM "MessageSearchProgress")) AS "Value"
            """).SingleAsync(cancellationToken);

    /// <summary>The ids of the conversations that match every word (each with at least one part); empty words match nothing.</summary>
    public static IQueryable<long> Matches(InboxDbContext db, IReadOnlyList<IReadOnlyList<string>> words)
    {
        var postgres = db.Database.IsNpgsql();
        var sql = new StringBuilder();
        var arguments = new object[words.Count];
        for (var i = 0; i < words.Count; i++)
        {
            if (i > 0) sql.Append(" INTERSECT ");
            sql.Append("SELECT \"Value\" FROM (").Append(postgres ? PostgresWord(i) : SqliteWord(i)).Append(") AS w").Append(i);
            arguments[i] = postgres
                ? string.Join(" & ", words[i].Select(p => $"'{p}':*"))
                : string.Join(" AND ", words[i].Select(p => $"\"{p}\"*"));
        }
        return db.Database.SqlQueryRaw<long>(sql.ToString(), arguments);
    }

    // The parts are letters and digits only, so quoting them inside the match expression is safe; the expression
    // itself is a parameter. UNION ALL: the ids feed an IN, which drops repeats itself, so no sort is spent on them here.
    private static string SqliteWord(int i) => $$"""
        SELECT rowid AS "Value" FROM "VisitorSearch" WHERE "VisitorSearch" MATCH {{{i}}}
        UNION ALL
        SELECT m."ConversationId" FROM "MessageSearch" s JOIN "Messages" m ON m."Id" = s.rowid WHERE "MessageSearch" MATCH {{{i}}}
        """;

    // The expressions must be the indexed ones of the newest migration that made them (SearchWordsAsSqlite), word for word,
    // or PostgreSQL cannot use the indexes.
    private static string PostgresWord(int i) => $$"""
        SELECT c."Id" AS "Value" FROM "Conversations" c WHERE c."ContactId" IN (
            SELECT p."Id" FROM "Contacts" p
            WHERE to_tsvector('simple'::regconfig, translate(COALESCE(p."Name", '') || ' ' || COALESCE(p."Email", ''), '@._+-/:<>&', '          '))
                  @@ to_tsquery('simple'::regconfig, {{{i}}}))
        UNION
        SELECT m."ConversationId" FROM "Messages" m
        WHERE to_tsvector('simple'::regconfig, translate(m."Text", '@._+-/:<>&', '          ')) @@ to_tsquery('simple'::regconfig, {{{i}}})
        """;
}
