using System.Net;
using Inbox.Fakes.Telegram;
using Inbox.Host.Tests.Api.Support;
using Inbox.Host.Tests.Slack;

namespace Inbox.Host.Tests.Telegram;

/// <summary>Updates Telegram posts to the webhook: who may post, what is stored, what is stored once, and what is ignored.</summary>
public sealed class TelegramWebhookTests(TelegramHost host) : IClassFixture<TelegramHost>
{
    [Fact]
    public async Task Without_the_secret_or_with_a_wrong_one_the_webhook_answers_401_and_stores_nothing()
    {
        var before = await host.ConversationCountAsync();
        var user = host.NewUser("Mallory");
        var update = TelegramUpdates.Text(host.NewUpdateId(), user, "let me in");

        using var missing = await host.Webhook.PostAsync(update, secretToken: null);
        using var wrong = await host.Webhook.PostAsync(update, TelegramHost.Secret + "x");
        using var empty = await host.Webhook.PostAsync(update, "");

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, empty.StatusCode);
        Assert.Equal(before, await host.ConversationCountAsync());
        Assert.Null(await host.ConversationOfAsync(user));
    }

    [Fact]
    public async Task A_text_starts_a_telegram_conversation_under_the_writers_name_and_a_slack_thread()
    {
        var user = host.NewUser("Ada", "Lovelace", "ada");
        using var answer = await host.Webhook.PostAsync(TelegramUpdates.Text(host.NewUpdateId(), user, "Where is my order 1234?"));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);

        var details = await host.StoredConversationOfAsync(user);
        Assert.Equal("Telegram", details["conversation"].String("channel"));
        Assert.Equal("Ada Lovelace", details["contact"].String("name"));
        var message = Assert.Single(details["messages"]!.AsArray());
        Assert.Equal("Where is my order 1234?", message.String("text"));
        Assert.Equal("FromCustomer", message.String("direction"));

        await SlackHost.EventuallyAsync(() => host.Slack.Messages(SlackHost.Channel).Any(m => m.Text?.Contains("Where is my order 1234?") == true),
            "the message is in a Slack thread");
        var posted = host.Slack.Messages(SlackHost.Channel).Single(m => m.Text?.Contains("Where is my order 1234?") == true);
        Assert.True(posted.IsThreadReply);
        var root = host.Slack.Message(SlackHost.Channel, posted.ThreadTs!)!;
        Assert.Contains("Ada Lovelace", root.Text + root.BlocksJson);
        Assert.Contains("Telegram", root.BlocksJson);
    }

    [Fact]
    public async Task A_user_without_a_name_is_known_by_their_username_and_writes_on_in_the_same_conversation()
    {
        var user = host.NewUser(" ", username: "grace_h");
        await host.Webhook.PostAsync(TelegramUpdates.Text(host.NewUpdateId(), user, "first"));
        await host.Webhook.PostAsync(TelegramUpdates.Text(host.NewUpdateId(), user, "second"));

        var details = await host.StoredConversationOfAsync(user);
        Assert.Equal("@grace_h", details["contact"].String("name"));
        Assert.Equal(["first", "second"], details["messages"]!.AsArray().Select(m => m.String("text")));
    }

    [Fact]
    public async Task The_same_update_sent_twice_is_stored_once()
    {
        var user = host.NewUser("Bob");
        var update = TelegramUpdates.Text(host.NewUpdateId(), user, "only once please");

        using var first = await host.Webhook.PostAsync(update);
        using var again = await host.Webhook.PostAsync(update);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var details = await host.StoredConversationOfAsync(user);
        Assert.Single(details["messages"]!.AsArray());
    }

    [Fact]
    public async Task A_body_that_is_not_an_update_is_answered_400_and_stores_nothing()
    {
        var before = await host.ConversationCountAsync();
        using var notJson = await host.Webhook.PostAsync("{not json");
        using var noUpdateId = await host.Webhook.PostAsync("""{"message":{"message_id":1,"chat":{"id":5,"type":"private"},"from":{"id":5,"is_bot":false,"first_name":"X"},"text":"hi"}}""");

        await notJson.ShouldBeProblem(HttpStatusCode.BadRequest);
        await noUpdateId.ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.Equal(before, await host.ConversationCountAsync());
    }

    [Fact]
    public async Task Edits_group_messages_channel_posts_bots_and_stickers_are_acknowledged_and_ignored()
    {
        var before = await host.ConversationCountAsync();
        var user = host.NewUser("Carol");
        string[] updates =
        [
            TelegramUpdates.EditedText(host.NewUpdateId(), user, "edited"),
            TelegramUpdates.GroupText(host.NewUpdateId(), user, -100777, "in a group"),
            TelegramUpdates.ChannelPost(host.NewUpdateId(), -100888, "a post"),
            TelegramUpdates.Text(host.NewUpdateId(), user with { IsBot = true }, "beep"),
            TelegramUpdates.Sticker(host.NewUpdateId(), user),
        ];
        foreach (var update in updates)
        {
            using var answer = await host.Webhook.PostAsync(update);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }
        Assert.Equal(before, await host.ConversationCountAsync());
    }
}
