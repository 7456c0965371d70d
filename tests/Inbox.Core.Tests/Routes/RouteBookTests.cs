using Inbox.Core.Commands;
using Inbox.Core.Model;
using Inbox.Core.Routing;

namespace Inbox.Core.Tests.Routes;

public sealed class RouteBookTests
{
    private static readonly DateTimeOffset At = InMemoryInbox.Start;

    private static RoutingOptions ByChannel() => new()
    {
        Rules =
        [
            new RouteOptions { Name = "chat", Match = new RouteMatchOptions { Channel = "widget" }, SlackChannel = "CCHAT00001" },
            new RouteOptions { Name = "mail", Match = new RouteMatchOptions { Channel = "email" }, TeamsChannel = "19:mail@thread.tacv2" },
            new RouteOptions { Name = "bots", Match = new RouteMatchOptions { Channel = "telegram" }, SlackChannel = "CBOTS00001", TeamsChannel = "19:bots@thread.tacv2" },
        ],
    };

    private static (Conversation, Contact) Conversation(
        ChannelKind channel = ChannelKind.Widget, string? site = null, string? country = null, string? visitorTag = null, string? chatTag = null)
    {
        var contact = new Contact(Guid.NewGuid(), new ContactIdentity(channel, "visitor-1"), At);
        if (country is not null) contact.Update(new ContactProfile(Country: country));
        if (visitorTag is not null) contact.AddTag(visitorTag);
        var conversation = new Conversation(1, contact.Id, channel, site, At);
        if (chatTag is not null) conversation.AddTag(chatTag);
        return (conversation, contact);
    }

    private static string RouteOf(RoutingOptions options, (Conversation Conversation, Contact Contact) c) =>
        new RouteBook(options).Match(c.Conversation, c.Contact).Name;

    [Theory]
    [InlineData(ChannelKind.Widget, "chat")]
    [InlineData(ChannelKind.Email, "mail")]
    [InlineData(ChannelKind.Telegram, "bots")]
    public async Task A_new_conversation_records_the_rule_of_its_customer_channel(ChannelKind channel, string expected)
    {
        var inbox = new InMemoryInbox(routing: ByChannel());

        var received = await inbox.ReceiveAsync(new IncomingMessage(new ContactIdentity(channel, "someone"), "Hello"));

        Assert.Equal(expected, received.Conversation.RouteName);
        Assert.Equal(expected, new RouteBook(ByChannel()).Of(received.Conversation).Name);
    }

    [Fact]
    public void The_first_matching_rule_wins()
    {
        var options = new RoutingOptions
        {
            Rules =
            [
                new RouteOptions { Name = "vip", Match = new RouteMatchOptions { ChatTag = "vip" }, SlackChannel = "CVIP000001" },
                new RouteOptions { Name = "german", Match = new RouteMatchOptions { Country = "DE,AT" }, SlackChannel = "CDE0000001" },
            ],
        };

        Assert.Equal("vip", RouteOf(options, Conversation(country: "DE", chatTag: "vip")));
        Assert.Equal("german", RouteOf(options, Conversation(country: "at")));
    }

    [Fact]
    public void A_conversation_no_rule_takes_goes_to_the_default_route()
    {
        var options = ByChannel();
        options.Rules.RemoveAt(2);
        options.Default = new RouteOptions { Name = "everything-else", ThreadMode = "alerts-only" };

        var route = new RouteBook(options).Match(Conversation(ChannelKind.Telegram).Item1, Conversation(ChannelKind.Telegram).Item2);

        Assert.True(route.IsDefault);
        Assert.Equal("everything-else", route.Name);
        Assert.Equal(ThreadMode.AlertsOnly, route.Mode);
    }

    [Fact]
    public void Every_condition_of_a_rule_must_hold()
    {
        var options = new RoutingOptions
        {
            Rules = [new RouteOptions { Name = "shop-de", Match = new RouteMatchOptions { Site = "shop.example", Country = "DE" }, SlackChannel = "CSHOP00001" }],
        };

        Assert.Equal("shop-de", RouteOf(options, Conversation(site: "SHOP.example", country: "de")));
        Assert.Equal("default", RouteOf(options, Conversation(site: "shop.example", country: "FR")));
        Assert.Equal("default", RouteOf(options, Conversation(site: "blog.example", country: "DE")));
        Assert.Equal("default", RouteOf(options, Conversation(country: "DE")));
    }

    [Theory]
    [InlineData(null, "vip", "tagged")]
    [InlineData("gold", null, "tagged")]
    [InlineData("bronze", "other", "default")]
    public void Visitor_and_chat_tags_match_any_listed_tag(string? visitorTag, string? chatTag, string expected)
    {
        var options = new RoutingOptions
        {
            Rules = [new RouteOptions { Name = "tagged", Match = new RouteMatchOptions { VisitorTag = "gold, platinum" }, SlackChannel = "CGOLD00001" },
                     new RouteOptions { Name = "tagged-chat", Match = new RouteMatchOptions { ChatTag = "vip" }, SlackChannel = "CGOLD00001" }],
        };

        var name = RouteOf(options, Conversation(visitorTag: visitorTag, chatTag: chatTag));

        Assert.Equal(expected, name == "tagged-chat" ? "tagged" : name);
    }

    [Fact]
    public void A_route_that_is_no_longer_configured_reads_as_the_default()
    {
        var book = new RouteBook(ByChannel());

        Assert.True(book.Named("gone").IsDefault);
        Assert.True(book.Named(null).IsDefault);
        Assert.Equal("mail", book.Named("MAIL").Name);
    }

    [Fact]
    public void A_channel_holds_the_routes_whose_threads_start_there()
    {
        var book = new RouteBook(ByChannel());

        string? SlackOf(Route r) => r.SlackChannel ?? (r.IsDefault ? "CDEFAULT01" : null);

        Assert.Equal(["chat"], book.RoutesIn("CCHAT00001", SlackOf).Select(r => r.Name));
        Assert.Equal(["default"], book.RoutesIn("CDEFAULT01", SlackOf).Select(r => r.Name));
        Assert.Empty(book.RoutesIn("CELSEWHERE", SlackOf));
    }

    [Fact]
    public void A_view_narrowed_to_the_default_route_also_holds_conversations_without_a_route()
    {
        var book = new RouteBook(ByChannel());

        var narrowed = RouteBook.FilterFor([book.Default]);
        var chatOnly = RouteBook.FilterFor([book.Named("chat")]);

        Assert.True(narrowed.IncludeUnrouted);
        Assert.Equal(["default"], narrowed.Routes!);
        Assert.False(chatOnly.IncludeUnrouted);
    }

    [Fact]
    public void The_match_describes_itself_for_the_routes_list()
    {
        var route = new Route(new RouteOptions
        {
            Name = "x",
            Match = new RouteMatchOptions { Channel = "widget,email", Country = "de", ChatTag = "vip" },
        }, isDefault: false);

        Assert.Equal("channel widget|email, country DE, chat tag vip", route.Match.Describe());
        Assert.Equal("everything else", new RouteBook(new RoutingOptions()).Default.Match.Describe());
    }
}
