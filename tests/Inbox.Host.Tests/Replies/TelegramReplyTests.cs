using System.Net;
using Inbox.Fakes.Telegram;
using Inbox.Host.Tests.Api.Support;
using Inbox.Host.Tests.Slack;
using Inbox.Host.Tests.Telegram;

namespace Inbox.Host.Tests.Replies;

/// <summary>Telegram customers: a bot cannot change its name per message, so the name the route chooses leads the text in bold; undo keeps a reply from being sent.</summary>
public sealed class TelegramReplyTests
{
    private static async Task<TelegramHost> StartAsync(Dictionary<string, string?> settings)
    {
        var host = new TelegramHost(settings);
        await host.InitializeAsync();
        return host;
    }

    private static async Task<(FakeTelegramUser User, long ConversationId)> CustomerWroteAsync(TelegramHost host)
    {
        var user = host.NewUser("Olga");
        await host.Webhook.PostAsync(TelegramUpdates.Text(host.NewUpdateId(), user, "Hello, my order is late"));
        return (user, (await host.StoredConversationOfAsync(user))["conversation"].Id());
    }

    [Fact]
    public async Task On_an_alias_route_the_reply_is_headed_by_the_alias_in_bold_and_never_by_bot()
    {
        var host = await StartAsync(new() { ["Routing:Default:CustomerSees"] = "alias", ["Routing:Default:Alias"] = "Acme Support" });
        try
        {
            var (user, id) = await CustomerWroteAsync(host);
            using var console = host.Console();
            await console.ReplyAsync(id, "It leaves the warehouse today");

            await SlackHost.EventuallyAsync(() => host.Telegram.Messages(user.Id).Count == 1, "the reply is in the chat");
            var sent = host.Telegram.Messages(user.Id).Single();
            Assert.Equal("Acme Support\nIt leaves the warehouse today", sent.Text);
            Assert.Equal(["Acme Support"], sent.BoldTexts);
        }
        finally { await host.DisposeAsync(); }
    }

    [Fact]
    public async Task A_reply_undone_through_the_operator_api_inside_the_window_is_never_sent_to_telegram()
    {
        var host = await StartAsync(new() { ["Replies:UndoWindow"] = "00:00:02" });
        try
        {
            var (user, id) = await CustomerWroteAsync(host);
            using var console = host.Console();
            var reply = (await console.ReplyAsync(id, "Wrong chat, sorry"))["message"]!;
            Assert.NotNull(reply["heldUntil"]);

            using var undo = await console.Client.PostAsync($"/api/operator/conversations/{id}/messages/{reply.Id()}/undo", null);
            await undo.ShouldBe(HttpStatusCode.OK);
            await Task.Delay(TimeSpan.FromSeconds(3.5)); // past the window

            Assert.Empty(host.Telegram.Messages(user.Id));
            Assert.Empty(host.Telegram.CallsTo("sendMessage"));
            using var late = await console.Client.PostAsync($"/api/operator/conversations/{id}/messages/{reply.Id()}/undo", null);
            Assert.Equal(HttpStatusCode.OK, late.StatusCode); // already undone: the same answer again
        }
        finally { await host.DisposeAsync(); }
    }
}
