using Inbox.Core.Model;
using Inbox.Core.Views;

namespace Inbox.Storage.Tests;

public abstract class ViewQueryTests(string provider) : StoreTests(provider)
{
    public sealed class Sqlite() : ViewQueryTests(StorageOptions.Sqlite);

    public sealed class Postgres() : ViewQueryTests(StorageOptions.Postgres);

    [Fact]
    public async Task Keyset_paging_walks_every_conversation_once_newest_first_even_when_activity_times_tie()
    {
        await using var inbox = await OpenAsync();
        for (var i = 0; i < 7; i++)
        {
            await inbox.ReceiveAsync($"visitor-{i}", $"hello {i}");
            if (i % 3 == 2) inbox.Time.Advance(TimeSpan.FromMinutes(1)); // groups of equal LastActivityAt
        }

        var seen = new List<long>();
        string? after = null;
        do
        {
            var page = await inbox.Queries.GetViewAsync(new ViewQuery(InboxView.All, After: after, PageSize: 2), CancellationToken.None);
            Assert.Equal(7, page.TotalCount);
            seen.AddRange(page.Items.Select(c => c.Id));
            after = page.NextCursor;
        } while (after is not null);

        Assert.Equal([7, 6, 5, 4, 3, 2, 1], seen);
    }

    [Fact]
    public async Task A_cursor_the_store_did_not_hand_out_is_refused()
    {
        await using var inbox = await OpenAsync();
        await Assert.ThrowsAsync<InvalidCursorException>(() =>
            inbox.Queries.GetViewAsync(new ViewQuery(InboxView.All, After: "not-a-cursor"), CancellationToken.None));
    }

    [Fact]
    public async Task Spam_and_blocked_visitors_appear_only_in_the_spam_view()
    {
        await using var inbox = await OpenAsync();
        var dana = await inbox.OperatorAsync("Dana", "dana@acme.test");
        var normal = await inbox.ReceiveAsync("good", "I need help");
        var spam = await inbox.ReceiveAsync("spammer", "cheap watches");
        var blocked = await inbox.ReceiveAsync("troll", "you are all useless");
        await inbox.Operators.AssignAsync(spam.Conversation.Id, dana.Id, dana.Id);
        await inbox.Operators.AssignAsync(blocked.Conversation.Id, dana.Id, dana.Id);
        await inbox.Operators.MarkSpamAsync(spam.Conversation.Id, dana.Id);
        await inbox.Operators.BlockAsync(blocked.Conversation.Id, dana.Id);

        async Task<long[]> View(InboxView view) =>
            (await inbox.Queries.GetViewAsync(new ViewQuery(view, dana.Id), CancellationToken.None)).Items.Select(c => c.Id).Order().ToArray();

        Assert.Equal([normal.Conversation.Id], await View(InboxView.Open));
        Assert.Equal([normal.Conversation.Id], await View(InboxView.All));
        Assert.Empty(await View(InboxView.You));
        Assert.Equal(new[] { spam.Conversation.Id, blocked.Conversation.Id }.Order(), await View(InboxView.Spam));
        var counts = await inbox.Queries.GetCountsAsync(dana.Id, CancellationToken.None);
        Assert.Equal(new ViewCounts(You: 0, Open: 1, All: 1, Closed: 0, Spam: 2), counts);
    }

    [Fact]
    public async Task Closed_view_filters_and_summarises_duration_and_first_response()
    {
        await using var inbox = await OpenAsync();
        var dana = await inbox.OperatorAsync("Dana", "dana@acme.test");
        var lee = await inbox.OperatorAsync("Lee", "lee@acme.test");

        var quick = await inbox.ReceiveAsync("a", "quick one");
        inbox.Time.Advance(TimeSpan.FromSeconds(60));
        await inbox.Operators.ReplyAsync(quick.Conversation.Id, dana.Id, "done");
        await inbox.Operators.AssignAsync(quick.Conversation.Id, dana.Id, dana.Id);
        await inbox.Operators.TagAsync(quick.Conversation.Id, "vip", dana.Id);
        inbox.Time.Advance(TimeSpan.FromSeconds(60));
        await inbox.Operators.CloseAsync(quick.Conversation.Id, dana.Id); // 120 s long, first response after 60 s

        var slow = await inbox.ReceiveAsync("b", "slow one");
        inbox.Time.Advance(TimeSpan.FromSeconds(180));
        await inbox.Operators.ReplyAsync(slow.Conversation.Id, lee.Id, "sorry for the wait");
        await inbox.Operators.AssignAsync(slow.Conversation.Id, lee.Id, lee.Id);
        inbox.Time.Advance(TimeSpan.FromSeconds(180));
        await inbox.Operators.CloseAsync(slow.Conversation.Id, lee.Id); // 360 s long, first response after 180 s

        await inbox.ReceiveAsync("c", "still open");

        var all = await inbox.Queries.GetViewAsync(new ViewQuery(InboxView.Closed), CancellationToken.None);
        Assert.Equal(2, all.TotalCount);
        Assert.Equal(new ClosedSummary(2, TimeSpan.FromSeconds(240), TimeSpan.FromSeconds(120)), all.Summary);

        var vip = await inbox.Queries.GetViewAsync(new ViewQuery(InboxView.Closed, Filter: new ConversationFilter(Tag: "vip")), CancellationToken.None);
        Assert.Equal([quick.Conversation.Id], vip.Items.Select(c => c.Id));
        Assert.Equal(TimeSpan.FromSeconds(120), vip.Summary!.AverageDuration);

        var lees = await inbox.Queries.GetViewAsync(new ViewQuery(InboxView.Closed, Filter: new ConversationFilter(AssigneeId: lee.Id)), CancellationToken.None);
        Assert.Equal([slow.Conversation.Id], lees.Items.Select(c => c.Id));

        var since = await inbox.Queries.GetViewAsync(new ViewQuery(InboxView.Closed,
            Filter: new ConversationFilter(Since: quick.Conversation.StartedAt.AddSeconds(200))), CancellationToken.None);
        Assert.Equal([slow.Conversation.Id], since.Items.Select(c => c.Id));

        var email = await inbox.Queries.GetViewAsync(new ViewQuery(InboxView.Closed, Filter: new ConversationFilter(Channel: ChannelKind.Email)), CancellationToken.None);
        Assert.Equal(0, email.TotalCount);
        Assert.Equal(new ClosedSummary(0, null, null), email.Summary);
    }

    [Fact]
    public async Task Past_conversations_of_a_visitor_show_start_duration_and_status()
    {
        await using var inbox = await OpenAsync();
        var dana = await inbox.OperatorAsync("Dana", "dana@acme.test");
        var first = await inbox.ReceiveAsync("alice", "first visit");
        inbox.Time.Advance(TimeSpan.FromMinutes(5));
        await inbox.Operators.CloseAsync(first.Conversation.Id, dana.Id);
        inbox.Time.Advance(TimeSpan.FromDays(1));
        var second = await inbox.ReceiveAsync("alice", "second visit", startNew: true);

        var details = await inbox.Queries.GetDetailsAsync(second.Conversation.Id, CancellationToken.None);

        var past = Assert.Single(details!.PastConversations);
        Assert.Equal(first.Conversation.Id, past.Id);
        Assert.Equal(ConversationStatus.Closed, past.Status);
        Assert.Equal(TimeSpan.FromMinutes(5), past.Duration);
        Assert.Equal(first.Conversation.StartedAt, past.StartedAt);
    }

    [Fact]
    public async Task Search_finds_words_in_any_case_in_messages_names_and_emails_and_takes_wildcards_literally()
    {
        await using var inbox = await OpenAsync();
        var parcel = await inbox.ReceiveAsync("v1", "My PARCEL never arrived");
        await inbox.Customers.UpdateProfileAsync(new ContactIdentity(ChannelKind.Widget, "v2"), new ContactProfile("Ada Lovelace", "Ada@Example.test"), CancellationToken.None);
        var ada = await inbox.ReceiveAsync("v2", "hello");
        var percent = await inbox.ReceiveAsync("v3", "50% off_today");

        async Task<long[]> Search(string words) =>
            (await inbox.Queries.SearchAsync(words, 10, CancellationToken.None)).Select(c => c.Id).Order().ToArray();

        Assert.Equal([parcel.Conversation.Id], await Search("parcel"));
        Assert.Equal([parcel.Conversation.Id], await Search("Never ARRIVED"));
        Assert.Equal([ada.Conversation.Id], await Search("lovelace"));
        Assert.Equal([ada.Conversation.Id], await Search("ada@example"));
        Assert.Equal([percent.Conversation.Id], await Search("50%"));
        Assert.Empty(await Search("5_%"));
    }
}
