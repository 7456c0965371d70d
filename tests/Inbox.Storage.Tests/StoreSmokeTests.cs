using Inbox.Core.Model;
using Inbox.Core.Views;

namespace Inbox.Storage.Tests;

public abstract class StoreSmokeTests(string provider) : StoreTests(provider)
{
    public sealed class Sqlite() : StoreSmokeTests(StorageOptions.Sqlite);

    public sealed class Postgres() : StoreSmokeTests(StorageOptions.Postgres);

    [Fact]
    public async Task Received_message_is_readable_after_reopening_the_database()
    {
        long conversationId;
        await using (var inbox = await OpenAsync())
        {
            var received = await inbox.ReceiveAsync("v1", "Hello, my order is late");
            conversationId = received.Conversation.Id;
            var dana = await inbox.OperatorAsync("Dana", "dana@acme.test");
            var reply = await inbox.Operators.ReplyAsync(conversationId, dana.Id, "Looking into it");
            Assert.True(reply.Succeeded, reply.Error?.Message);
            var tag = await inbox.Operators.TagAsync(conversationId, "VIP", dana.Id);
            Assert.True(tag.Succeeded, tag.Error?.Message);
        }
        await using (var reopened = await OpenAsync())
        {
            var messages = await reopened.Queries.GetMessagesAsync(conversationId, includeInternal: false, CancellationToken.None);
            Assert.Equal(["Hello, my order is late", "Looking into it"], messages.Select(m => m.Text));
            var details = await reopened.Queries.GetDetailsAsync(conversationId, CancellationToken.None);
            Assert.Equal(["vip"], details!.Conversation.Tags);
            var all = await reopened.Queries.GetViewAsync(new ViewQuery(InboxView.All), CancellationToken.None);
            Assert.Single(all.Items);
        }
    }
}
