using Inbox.Core.Events;
using Inbox.Core.Model;
using Inbox.Core.Outbox;
using Inbox.Core.Routing;

namespace Inbox.Core.Tests.Routes;

public sealed class TagReroutingTests
{
    private static RoutingOptions VipRules(string match = "ChatTag") => new()
    {
        Rules =
        [
            new RouteOptions
            {
                Name = "vip", SlackChannel = "CVIP000001",
                Match = match == "ChatTag" ? new RouteMatchOptions { ChatTag = "vip" } : new RouteMatchOptions { VisitorTag = "vip" },
            },
        ],
    };

    [Fact]
    public async Task Tagging_a_conversation_with_a_rules_chat_tag_moves_it_to_that_route()
    {
        var inbox = new InMemoryInbox(routing: VipRules());
        var fox = await inbox.OperatorAsync("Fox Mulder", "fox@example.test");
        var received = await inbox.ReceiveAsync("v1", "Hello");
        var id = received.Conversation.Id;

        var result = await inbox.Operators.TagAsync(id, "vip", fox.Id);

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal($"Tagged #{id} 'vip' — moved to route vip.", result.Value!.Summary);
        Assert.Equal("vip", result.Value!.Conversation.RouteName);
        var rerouted = Assert.Single(inbox.Router.EventsOf<ConversationRerouted>());
        Assert.Equal(("default", "vip"), (rerouted.Previous.Name, rerouted.Current.Name));
        var line = inbox.Router.EventsOf<MessageAdded>().Last().Message;
        Assert.True(line.IsInternal);
        Assert.Equal("Fox Mulder tagged the conversation 'vip'; the conversation moves to route vip.", line.Text);
    }

    [Fact]
    public async Task Removing_the_tag_moves_the_conversation_back_to_the_default_route()
    {
        var inbox = new InMemoryInbox(routing: VipRules());
        var fox = await inbox.OperatorAsync("Fox Mulder", "fox@example.test");
        var id = (await inbox.ReceiveAsync("v1", "Hello")).Conversation.Id;
        await inbox.Operators.TagAsync(id, "vip", fox.Id);

        var result = await inbox.Operators.UntagAsync(id, "vip", fox.Id);

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal($"Removed tag 'vip' from #{id} — moved to route default.", result.Value!.Summary);
        Assert.Equal("default", result.Value!.Conversation.RouteName);
        Assert.Equal(["vip", "default"], inbox.Router.EventsOf<ConversationRerouted>().Select(e => e.Current.Name));
    }

    [Fact]
    public async Task A_tag_no_rule_matches_on_leaves_the_route_alone()
    {
        var inbox = new InMemoryInbox(routing: VipRules());
        var fox = await inbox.OperatorAsync("Fox Mulder", "fox@example.test");
        var id = (await inbox.ReceiveAsync("v1", "Hello")).Conversation.Id;

        var result = await inbox.Operators.TagAsync(id, "billing", fox.Id);

        Assert.Equal($"Tagged #{id} 'billing'.", result.Value!.Summary);
        Assert.Empty(inbox.Router.EventsOf<ConversationRerouted>());
    }

    [Fact]
    public async Task A_conversation_moved_by_hand_stays_where_the_operator_put_it()
    {
        var inbox = new InMemoryInbox(routing: VipRules());
        var fox = await inbox.OperatorAsync("Fox Mulder", "fox@example.test");
        var id = (await inbox.ReceiveAsync("v1", "Hello")).Conversation.Id;
        var moves = new ThreadMoves(inbox.Store, inbox.Routing, inbox.Time);
        Assert.True((await moves.MoveAsync(id, "slack", "COTHER0001", "#other", fox.Id, CancellationToken.None)).Succeeded);

        var result = await inbox.Operators.TagAsync(id, "vip", fox.Id);

        Assert.Equal($"Tagged #{id} 'vip'.", result.Value!.Summary);
        Assert.Equal(InMemoryInbox.Start, result.Value!.Conversation.MovedByHandAt);
        Assert.Equal("default", result.Value!.Conversation.RouteName);
        Assert.Empty(inbox.Router.EventsOf<ConversationRerouted>());
    }

    [Fact]
    public async Task A_closed_conversation_keeps_its_route_when_tagged()
    {
        var inbox = new InMemoryInbox(routing: VipRules());
        var fox = await inbox.OperatorAsync("Fox Mulder", "fox@example.test");
        var id = (await inbox.ReceiveAsync("v1", "Hello")).Conversation.Id;
        await inbox.Operators.CloseAsync(id, fox.Id);

        var result = await inbox.Operators.TagAsync(id, "vip", fox.Id);

        Assert.Equal($"Tagged #{id} 'vip'.", result.Value!.Summary);
        Assert.Equal("default", result.Value!.Conversation.RouteName);
        Assert.Empty(inbox.Router.EventsOf<ConversationRerouted>());
    }

    [Fact]
    public async Task A_visitor_tag_moves_the_visitors_open_conversations_and_not_their_closed_ones()
    {
        var inbox = new InMemoryInbox(routing: VipRules("VisitorTag"));
        var fox = await inbox.OperatorAsync("Fox Mulder", "fox@example.test");
        var closed = (await inbox.ReceiveAsync("v1", "Earlier")).Conversation;
        await inbox.Operators.CloseAsync(closed.Id, fox.Id);
        var open = (await inbox.ReceiveAsync("v1", "Hello again")).Conversation;
        Assert.NotEqual(closed.Id, open.Id);

        var result = await inbox.Operators.TagContactAsync(open.Id, "vip", fox.Id);

        Assert.Equal($"Tagged the visitor 'vip' — moved #{open.Id} to route vip.", result.Value!.Summary);
        Assert.Equal([open.Id], inbox.Router.EventsOf<ConversationRerouted>().Select(e => e.Conversation.Id));
        Assert.NotEqual("vip", closed.RouteName);
    }

    [Fact]
    public void A_rerouted_thread_moves_to_the_new_routes_channel_on_each_surface_that_has_one()
    {
        var book = new RouteBook(new RoutingOptions
        {
            Rules =
            [
                new RouteOptions { Name = "vip", SlackChannel = "CVIP000001", Match = new RouteMatchOptions { ChatTag = "vip" } },
                new RouteOptions { Name = "teams-only", TeamsChannel = "19:t@thread.tacv2", Match = new RouteMatchOptions { ChatTag = "t" } },
            ],
        });
        var contact = new Contact(Guid.NewGuid(), new ContactIdentity(ChannelKind.Widget, "v"), InMemoryInbox.Start);
        var conversation = new Conversation(7, contact.Id, ChannelKind.Widget, null, InMemoryInbox.Start);
        var actor = new Operator(Guid.NewGuid(), "Fox", "fox@example.test");
        string? SlackChannelOf(Route route) => route.SlackChannel ?? (route.IsDefault ? "CDEFAULT01" : null);

        List<OutboxMessage> Route(string from, string to)
        {
            var outbox = new List<OutboxMessage>();
            var rerouted = new ConversationRerouted(conversation, contact, book.Named(from), book.Named(to), actor, InMemoryInbox.Start);
            ThreadMirrorRouting.Route(rerouted, outbox, "slack", "slack", (step, _, _) => step.ToString(), (id, channel) => $"move {id} to {channel}", SlackChannelOf);
            return outbox;
        }

        var move = Assert.Single(Route("default", "vip"));
        Assert.Equal(("move 7 to CVIP000001", 7L), (move.Payload, move.ThreadOf!.Value));
        Assert.Empty(Route("vip", "teams-only"));
        Assert.Equal(["Root", "move 7 to CDEFAULT01"], Route("teams-only", "default").Select(o => o.Payload));
    }
}
