using Inbox.Core.Model;

namespace Inbox.Storage.Tests;

/// <summary>Search through the full-text indexes (SQLite FTS5, PostgreSQL tsvector): what a user typing words expects to find.</summary>
public abstract class SearchTests(string provider) : StoreTests(provider)
{
    public sealed class Sqlite() : SearchTests(StorageOptions.Sqlite);

    public sealed class Postgres() : SearchTests(StorageOptions.Postgres);

    [Fact]
    public async Task Words_are_found_by_their_beginnings_in_names_emails_and_messages_but_not_from_their_middle()
    {
        await using var inbox = await OpenAsync();
        var silva = await VisitorAsync(inbox, "v1", "Ana Silva", "ana.silva@example.test", "Where is my parcel?");
        var okafor = await VisitorAsync(inbox, "v2", "Kofi Okafor", "kofi@shop.test", "The invoice shows the wrong VAT number");

        Assert.Equal([silva], await SearchAsync(inbox, "silva"));
        Assert.Equal([silva], await SearchAsync(inbox, "SILV"));
        Assert.Equal([silva], await SearchAsync(inbox, "ana.silva@exam"));
        Assert.Equal([okafor], await SearchAsync(inbox, "shop"));
        Assert.Equal([okafor], await SearchAsync(inbox, "invoice vat"));
        Assert.Equal([okafor], await SearchAsync(inbox, "kofi wrong")); // one word in the name, one in a message
        Assert.Empty(await SearchAsync(inbox, "ilva")); // inside a word, not its beginning
        Assert.Empty(await SearchAsync(inbox, "silva invoice")); // every word must match the same conversation
    }

    [Fact]
    public async Task New_messages_and_changed_names_are_found_at_once_and_old_names_no_longer()
    {
        await using var inbox = await OpenAsync();
        var id = await VisitorAsync(inbox, "v1", "Ana Silva", "ana@example.test", "hello");
        await inbox.ReceiveAsync("v1", "my refund never came");
        Assert.Equal([id], await SearchAsync(inbox, "refund"));

        await inbox.Customers.UpdateProfileAsync(new ContactIdentity(ChannelKind.Widget, "v1"), new ContactProfile("Ana Costa", "ana.costa@example.test"), CancellationToken.None);
        Assert.Equal([id], await SearchAsync(inbox, "costa"));
        Assert.Empty(await SearchAsync(inbox, "silva"));
    }

    [Fact]
    public async Task Words_inside_markup_and_names_written_like_addresses_are_found_as_words_on_both_engines()
    {
        await using var inbox = await OpenAsync();
        var dotted = await VisitorAsync(inbox, "v1", "ana.silva", "a@example.test", "hello");
        var marked = await VisitorAsync(inbox, "v2", "Kofi", "kofi@shop.test", "my <b>invoice</b> is wrong, see <attached:scan>");

        Assert.Equal([dotted], await SearchAsync(inbox, "silva"));
        Assert.Equal([marked], await SearchAsync(inbox, "invoice"));
        Assert.Equal([marked], await SearchAsync(inbox, "attached scan"));
    }

    [Fact]
    public async Task Results_come_newest_activity_first_and_stop_at_the_limit()
    {
        await using var inbox = await OpenAsync();
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await inbox.ReceiveAsync($"v{i}", $"printer jam number {i}")).Conversation.Id);
            inbox.Time.Advance(TimeSpan.FromMinutes(1));
        }
        await inbox.ReceiveAsync("v1", "still jammed"); // the second conversation becomes the most recent

        var found = await inbox.Queries.SearchAsync("printer", 3, CancellationToken.None);

        Assert.Equal([ids[1], ids[4], ids[3]], found.Select(c => c.Id));
    }

    private static async Task<long> VisitorAsync(TestInbox inbox, string visitor, string name, string email, string text)
    {
        var identity = new ContactIdentity(ChannelKind.Widget, visitor);
        await inbox.Customers.UpdateProfileAsync(identity, new ContactProfile(name, email), CancellationToken.None);
        return (await inbox.ReceiveAsync(visitor, text)).Conversation.Id;
    }

    private static async Task<long[]> SearchAsync(TestInbox inbox, string words) =>
        (await inbox.Queries.SearchAsync(words, 10, CancellationToken.None)).Select(c => c.Id).Order().ToArray();
}
