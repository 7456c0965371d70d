using System.Diagnostics;
using System.Globalization;
using Inbox.Core.Model;
using Inbox.Core.Views;
using Inbox.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Inbox.Bench.Seeding;

/// <summary>
/// Fills a database with <see cref="SeedPlan"/>'s inbox: the real migrations first (so every index is there, as the
/// application creates it), then plain INSERTs built from the EF model, in transactions of 50,000 rows.
/// </summary>
/// <remarks>The application's write path commits each change durably and in order; at a million conversations that would take hours.</remarks>
internal static class ConversationSeeder
{
    private const int RowsPerTransaction = 50_000;
    private const string MarkerFile = "bench-seed.txt";

    /// <summary>Seeds <paramref name="folder"/> (or reuses what an earlier run seeded there at the same size) and returns its plan.</summary>
    public static async Task<SeedPlan> SeedAsync(string folder, int conversations)
    {
        var marker = Path.Combine(folder, MarkerFile);
        if (File.Exists(marker) && File.ReadAllText(marker).Split(' ') is [var size, var ticks]
            && int.Parse(size, CultureInfo.InvariantCulture) == conversations)
        {
            Console.WriteLine($"Reusing the {conversations:N0} conversations seeded in {folder}");
            return new SeedPlan(conversations, new DateTimeOffset(long.Parse(ticks, CultureInfo.InvariantCulture), TimeSpan.Zero));
        }
        foreach (var file in Directory.EnumerateFiles(folder, "inbox.db*")) File.Delete(file);

        var plan = new SeedPlan(conversations, DateTimeOffset.UtcNow);
        var clock = Stopwatch.StartNew();
        await using (var app = InboxApp.Build(new Dictionary<string, string> { ["Storage:DataDirectory"] = folder }, listen: false))
        {
            await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
            var storage = app.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
            await using var db = await app.Services.GetRequiredService<IDbContextFactory<InboxDbContext>>().CreateDbContextAsync();
            Insert(db.Model, StorageServiceCollectionExtensions.ConnectionString(storage), plan);
            await CheckAsync(app.Services.GetRequiredService<IInboxQueries>(), plan);
        }
        File.WriteAllText(marker, string.Create(CultureInfo.InvariantCulture, $"{conversations} {plan.Now.UtcTicks}"));
        Console.WriteLine($"Seeded {conversations:N0} conversations in {clock.Elapsed.TotalSeconds:F0} s ({new FileInfo(Path.Combine(folder, "inbox.db")).Length / (1024 * 1024):N0} MB)");
        return plan;
    }

    private static void Insert(IModel model, string connectionString, SeedPlan plan)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using (var pragmas = connection.CreateCommand())
        {
            // A throwaway database: no fsync per commit, and a page cache that holds the indexes being filled.
            pragmas.CommandText = "PRAGMA synchronous=OFF; PRAGMA cache_size=-400000; PRAGMA temp_store=MEMORY;";
            pragmas.ExecuteNonQuery();
        }

        Fill(connection, model, typeof(Operator), SeedPlan.OperatorCount, Operators());
        Fill(connection, model, typeof(Contact), plan.Contacts, Contacts(plan));
        Fill(connection, model, typeof(ContactIdentity), plan.Contacts, Identities(plan));
        Fill(connection, model, typeof(Conversation), plan.Conversations, Conversations(plan));
        Fill(connection, model, typeof(Message), plan.Conversations, Messages(plan));
        Fill(connection, model, typeof(ConversationThread), plan.Conversations, SlackThreads(plan), row => plan.Status(row + 1) != ConversationStatus.Spam);

        // Search finds the seeded messages at once: the index is fed here, as the store's writer feeds what it writes.
        using (var search = connection.CreateCommand())
        {
            search.CommandText = """
                INSERT INTO "MessageSearch" (rowid, "Text") SELECT "Id", "Text" FROM "Messages" WHERE "Id" > (SELECT "IndexedThrough" FROM "MessageSearchProgress");
                UPDATE "MessageSearchProgress" SET "IndexedThrough" = (SELECT COALESCE(MAX("Id"), 0) FROM "Messages");
                """;
            search.ExecuteNonQuery();
        }

        using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        checkpoint.ExecuteNonQuery();
    }

    /// <summary>Inserts rows 0..count-1 (those <paramref name="include"/> keeps) of <paramref name="clrType"/>'s table.</summary>
    private static void Fill(SqliteConnection connection, IModel model, Type clrType, long count, Dictionary<string, Func<long, object?>> values, Func<long, bool>? include = null)
    {
        var clock = Stopwatch.StartNew();
        using var table = new ModelTable(connection, model.GetEntityTypes().Single(t => t.ClrType == clrType), values);
        var written = 0L;
        for (var start = 0L; start < count; start += RowsPerTransaction)
        {
            using var transaction = connection.BeginTransaction();
            table.Use(transaction);
            for (var row = start; row < Math.Min(count, start + RowsPerTransaction); row++)
            {
                if (include is not null && !include(row)) continue;
                table.Insert(row);
                written++;
            }
            transaction.Commit();
        }
        Console.WriteLine($"  {table.Table}: {written:N0} rows in {clock.Elapsed.TotalSeconds:F1} s");
    }

    private static Dictionary<string, Func<long, object?>> Operators() => new()
    {
        [nameof(Operator.Id)] = k => SeedPlan.OperatorId((int)k),
        [nameof(Operator.DisplayName)] = k => SeedPlan.OperatorName((int)k),
        [nameof(Operator.Email)] = k => SeedPlan.OperatorEmail((int)k),
        [nameof(Operator.Status)] = _ => OperatorStatus.Online,
    };

    private static Dictionary<string, Func<long, object?>> Contacts(SeedPlan plan) => new()
    {
        [nameof(Contact.Id)] = j => SeedPlan.ContactId(j),
        [nameof(Contact.Name)] = plan.ContactName,
        [nameof(Contact.Email)] = plan.ContactEmail,
        [nameof(Contact.Country)] = j => j % 3 == 0 ? "DE" : j % 3 == 1 ? "US" : "BR",
        [nameof(Contact.City)] = j => j % 3 == 0 ? "Berlin" : j % 3 == 1 ? "Austin" : "Recife",
        [nameof(Contact.Browser)] = j => plan.ContactChannel(j) == ChannelKind.Widget ? "Firefox" : null,
        [nameof(Contact.OperatingSystem)] = j => plan.ContactChannel(j) == ChannelKind.Widget ? "Windows" : null,
        [nameof(Contact.Device)] = j => plan.ContactChannel(j) == ChannelKind.Widget ? "Desktop" : null,
        [nameof(Contact.IsBlocked)] = j => plan.ContactBlocked(j),
        [nameof(Contact.CreatedAt)] = j => plan.StartedAt(j + 1),
        [nameof(Contact.Tags)] = _ => new List<string>(),
    };

    private static Dictionary<string, Func<long, object?>> Identities(SeedPlan plan) => new()
    {
        ["Id"] = j => j + 1,
        ["ContactId"] = j => SeedPlan.ContactId(j),
        [nameof(ContactIdentity.Channel)] = j => plan.ContactChannel(j),
        [nameof(ContactIdentity.ExternalId)] = plan.ContactExternalId,
    };

    // Rows count from 0; conversation (and message) ids from 1.
    private static Dictionary<string, Func<long, object?>> Conversations(SeedPlan plan) => new()
    {
        [nameof(Conversation.Id)] = row => row + 1,
        [nameof(Conversation.ContactId)] = row => SeedPlan.ContactId(plan.ContactOf(row + 1)),
        [nameof(Conversation.Channel)] = row => plan.Channel(row + 1),
        [nameof(Conversation.Site)] = row => plan.Channel(row + 1) == ChannelKind.Widget ? "www.example.test" : null,
        [nameof(Conversation.Subject)] = row => plan.Channel(row + 1) == ChannelKind.Email ? $"Question about order {row + 1}" : null,
        [nameof(Conversation.Status)] = row => plan.Status(row + 1),
        [nameof(Conversation.AssigneeId)] = row => plan.AssigneeId(row + 1),
        [nameof(Conversation.Participants)] = _ => new List<Guid>(),
        [nameof(Conversation.Tags)] = row => plan.Tags(row + 1),
        [nameof(Conversation.StartedAt)] = row => plan.StartedAt(row + 1),
        [nameof(Conversation.EndedAt)] = row => plan.EndedAt(row + 1),
        [nameof(Conversation.LastActivityAt)] = row => plan.LastActivityAt(row + 1),
        [nameof(Conversation.LastCustomerMessageAt)] = row => plan.WaitingSince(row + 1) ?? plan.StartedAt(row + 1),
        [nameof(Conversation.LastOperatorMessageAt)] = row => plan.FirstResponseAt(row + 1),
        [nameof(Conversation.FirstResponseAt)] = row => plan.FirstResponseAt(row + 1),
        [nameof(Conversation.FirstResponseSeconds)] = row => plan.FirstResponseAt(row + 1) is { } at ? (long)(at - plan.StartedAt(row + 1)).TotalSeconds : null,
        [nameof(Conversation.DurationSeconds)] = row => plan.Status(row + 1) == ConversationStatus.Closed
            ? (long)(plan.EndedAt(row + 1)!.Value - plan.StartedAt(row + 1)).TotalSeconds : null,
        [nameof(Conversation.AwaitingReply)] = row => plan.AwaitingReply(row + 1),
        [nameof(Conversation.IsContactBlocked)] = row => plan.ContactBlocked(plan.ContactOf(row + 1)),
        [nameof(Conversation.Preview)] = row => plan.Question(row + 1),
        [nameof(Conversation.WaitingSince)] = row => plan.WaitingSince(row + 1),
        [nameof(Conversation.RemindersSent)] = row => plan.RemindersSent(row + 1),
    };

    private static Dictionary<string, Func<long, object?>> Messages(SeedPlan plan) => new()
    {
        [nameof(Message.Id)] = row => row + 1,
        [nameof(Message.ConversationId)] = row => row + 1,
        [nameof(Message.Direction)] = _ => MessageDirection.FromCustomer,
        [nameof(Message.Text)] = row => plan.Question(row + 1),
        [nameof(Message.CreatedAt)] = row => plan.StartedAt(row + 1),
        [nameof(Message.ExternalId)] = row => $"seed:{row + 1}",
        [nameof(Message.Attachments)] = _ => Array.Empty<Attachment>(),
        [nameof(Message.IsInternal)] = _ => false,
    };

    private static Dictionary<string, Func<long, object?>> SlackThreads(SeedPlan plan) => new()
    {
        [nameof(ConversationThread.ConversationId)] = row => row + 1,
        [nameof(ConversationThread.Destination)] = _ => "slack",
        [nameof(ConversationThread.ExternalId)] = row => $"{SeedPlan.SlackChannel}:{plan.SlackThreadTs(row + 1)}",
        [nameof(ConversationThread.CreatedAt)] = row => plan.StartedAt(row + 1),
    };

    /// <summary>Reads a few seeded rows back through the application's own queries: the rows must mean what the plan says.</summary>
    private static async Task CheckAsync(IInboxQueries queries, SeedPlan plan)
    {
        var last = plan.Conversations;
        var details = await queries.GetDetailsAsync(last, CancellationToken.None)
            ?? throw new InvalidOperationException($"Seeded conversation #{last} cannot be read back.");
        if (details.Contact.Name != plan.ContactName(plan.ContactOf(last)) || details.Conversation.Status != plan.Status(last)
            || details.Conversation.LastActivityAt != plan.LastActivityAt(last))
            throw new InvalidOperationException($"Seeded conversation #{last} reads back differently from the plan.");
        var mine = await queries.GetViewAsync(new ViewQuery(InboxView.You, SeedPlan.OperatorId(0)), CancellationToken.None);
        if (mine.Items.Count == 0 || mine.Items[0].ContactName.Length == 0)
            throw new InvalidOperationException("Dana's seeded conversations do not show in her You view.");
    }
}
