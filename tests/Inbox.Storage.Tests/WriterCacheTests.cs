using Inbox.Core.Model;

namespace Inbox.Storage.Tests;

/// <summary>The single writer keeps what it tracked between batches; what it remembers must match what is stored.</summary>
public abstract class WriterCacheTests(string provider) : StoreTests(provider)
{
    public sealed class Sqlite() : WriterCacheTests(StorageOptions.Sqlite);

    public sealed class Postgres() : WriterCacheTests(StorageOptions.Postgres);

    [Fact]
    public async Task Changes_made_in_one_batch_are_seen_by_the_next_and_match_the_database()
    {
        long id;
        await using (var inbox = await OpenAsync())
        {
            var dana = await inbox.OperatorAsync("Dana", "dana@acme.test");
            id = (await inbox.ReceiveAsync("alice", "hello")).Conversation.Id;

            Assert.True((await inbox.Operators.TagAsync(id, "vip", dana.Id)).Succeeded);
            var again = await inbox.Operators.TagAsync(id, "vip", dana.Id);
            Assert.Equal("#1 is already tagged 'vip'.", again.Error?.Message);
            Assert.True((await inbox.Operators.TagAsync(id, "billing", dana.Id)).Succeeded);
            Assert.True((await inbox.Operators.UntagAsync(id, "vip", dana.Id)).Succeeded);
            Assert.True((await inbox.Operators.CloseAsync(id, dana.Id)).Succeeded);
            await inbox.ReceiveAsync("alice", "one more thing", id);

            var live = await inbox.Queries.FindConversationAsync(id, CancellationToken.None);
            Assert.Equal(["billing"], live!.Tags);
            Assert.Equal(ConversationStatus.Open, live.Status);
        }
        await using var reopened = await OpenAsync();
        var stored = await reopened.Queries.FindConversationAsync(id, CancellationToken.None);
        Assert.Equal(["billing"], stored!.Tags);
        Assert.Equal(ConversationStatus.Open, stored.Status);
        Assert.Equal("one more thing", stored.Preview);
        var messages = await reopened.Queries.GetMessagesAsync(id, includeInternal: true, CancellationToken.None);
        Assert.Equal(["hello", "Dana closed the conversation.", "The customer wrote again; the conversation is open.", "one more thing"], messages.Select(m => m.Text));
    }

    [Fact]
    public async Task One_write_gets_one_instance_of_a_conversation_however_it_finds_it_and_its_changes_are_stored()
    {
        long id, second;
        await using (var inbox = await OpenAsync())
        {
            id = (await inbox.ReceiveAsync("alice", "hello")).Conversation.Id;
            second = (await inbox.ReceiveAsync("alice", "a second topic", startNew: true)).Conversation.Id;

            var seen = await inbox.Store.WriteAsync<int>(async (uow, ct) =>
            {
                var byId = await uow.FindConversationAsync(id, ct);
                var ofContact = await uow.ConversationsOfContactAsync(byId!.ContactId, ct);
                var latestOpen = await uow.FindLatestConversationAsync(byId.ContactId, ChannelKind.Widget, ConversationStatus.Open, ct);
                Assert.Same(byId, ofContact.Single(c => c.Id == id));
                // Both started at the same (fake) moment: the later id is the latest, as the database orders them.
                Assert.Same(ofContact.Single(c => c.Id == second), latestOpen);
                byId.AddTag("vip");
                latestOpen!.AddTag("billing");
                return ofContact.Count;
            }, CancellationToken.None);
            Assert.Equal(2, seen);
        }
        await using var reopened = await OpenAsync();
        Assert.Equal(["vip"], (await reopened.Queries.FindConversationAsync(id, CancellationToken.None))!.Tags);
        Assert.Equal(["billing"], (await reopened.Queries.FindConversationAsync(second, CancellationToken.None))!.Tags);
    }

    [Fact]
    public async Task A_known_contact_changed_by_a_later_batch_is_stored_each_time()
    {
        // The writer scans only the contacts whose values moved since it last read or saved them: every change
        // below comes in a batch of its own after the contact is known, and each must reach the database.
        long id;
        Guid contactId;
        var alice = new ContactIdentity(ChannelKind.Widget, "alice");
        await using (var inbox = await OpenAsync())
        {
            var dana = await inbox.OperatorAsync("Dana", "dana@acme.test");
            var first = await inbox.ReceiveAsync("alice", "hello");
            (id, contactId) = (first.Conversation.Id, first.Contact.Id);
            await inbox.ReceiveAsync("alice", "still there?", id);
            Assert.True((await inbox.Customers.UpdateProfileAsync(alice, new ContactProfile(Name: "Alice Silva", City: "Lisbon", Country: "PT"), CancellationToken.None)).Succeeded);
            Assert.True((await inbox.Operators.TagContactAsync(id, "vip", dana.Id)).Succeeded);
            Assert.True((await inbox.Operators.TagContactAsync(id, "billing", dana.Id)).Succeeded);
            Assert.True((await inbox.Operators.UntagContactAsync(id, "vip", dana.Id)).Succeeded);
            await inbox.ReceiveAsync("alice", "one more thing", id);
            Assert.True((await inbox.Customers.UpdateProfileAsync(alice, new ContactProfile(Email: "alice@example.test"), CancellationToken.None)).Succeeded);
            Assert.True((await inbox.Operators.BlockAsync(id, dana.Id)).Succeeded);
        }
        await using var reopened = await OpenAsync();
        var stored = await reopened.Queries.FindContactAsync(contactId, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(("Alice Silva", "alice@example.test", "Lisbon", "PT"), (stored.Name, stored.Email, stored.City, stored.Country));
        Assert.Equal(["billing"], stored.Tags);
        Assert.True(stored.IsBlocked);
    }

    [Fact]
    public async Task Without_the_cache_every_batch_reads_afresh_and_behaves_the_same()
    {
        await using var inbox = await OpenAsync(settings: new Dictionary<string, string?> { ["Storage:WriterCacheSize"] = "0" });
        var dana = await inbox.OperatorAsync("Dana", "dana@acme.test");
        var id = (await inbox.ReceiveAsync("alice", "hello")).Conversation.Id;
        Assert.True((await inbox.Operators.TagAsync(id, "vip", dana.Id)).Succeeded);
        Assert.False((await inbox.Operators.TagAsync(id, "vip", dana.Id)).Succeeded);
        Assert.Equal(["vip"], (await inbox.Queries.FindConversationAsync(id, CancellationToken.None))!.Tags);
    }
}
