using Inbox.Core.Events;
using Inbox.Core.Model;
using Inbox.Core.Outbox;
using Inbox.Teams.Install;
using Inbox.Teams.Mirroring;
using Inbox.Teams.Tests.Cards;
using Inbox.Teams.Tests.Install;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Inbox.Teams.Tests.Mirroring;

public sealed class TeamsOutboxRouterTests
{
    private static readonly DateTimeOffset At = CardFixtures.Now;
    private static readonly TeamsTarget Target = new("https://smba.example/", "19:ch@thread.tacv2", "tenant", "team");

    private readonly TeamsTargets _targets = new(new InMemoryBridgeSettings(), Options.Create(new TeamsOptions()), NullLogger<TeamsTargets>.Instance);
    private readonly Conversation _conversation = CardFixtures.Conversation(id: 42);
    private readonly Contact _contact = CardFixtures.Contact(CardFixtures.FullProfile);

    private async Task<TeamsOutboxRouter> InstalledAsync()
    {
        await _targets.UseAsync(Target, CancellationToken.None);
        return new TeamsOutboxRouter(_targets);
    }

    private static List<OutboxMessage> Route(TeamsOutboxRouter router, InboxEvent inboxEvent)
    {
        var outbox = new List<OutboxMessage>();
        router.Route(inboxEvent, outbox);
        return outbox;
    }

    private static TeamsPush Push(OutboxMessage message) => TeamsPush.FromJson(message.Payload)!;

    private Message Customer(long id = 7, string? externalId = "widget-client-1") =>
        new(id, _conversation.Id, MessageDirection.FromCustomer, "Hello", At, authorName: "Jane Doe", externalId: externalId);

    private Message Reply(string? externalId, long id = 8) =>
        new(id, _conversation.Id, MessageDirection.FromOperator, "Hi Jane", At, Guid.NewGuid(), "Ann Operator", externalId: externalId);

    [Fact]
    public void Nothing_is_routed_while_Teams_has_no_target()
    {
        var router = new TeamsOutboxRouter(_targets);

        Assert.Empty(Route(router, new ConversationStarted(_conversation, _contact, At)));
        Assert.Empty(Route(router, new MessageAdded(_conversation, _contact, Customer(), At)));
        Assert.Empty(Route(router, new StatusChanged(_conversation, _contact, ConversationStatus.Open, null, At)));
    }

    [Fact]
    public async Task A_started_conversation_asks_for_its_thread_root()
    {
        var router = await InstalledAsync();

        var message = Assert.Single(Route(router, new ConversationStarted(_conversation, _contact, At)));

        Assert.Equal("teams", message.Destination);
        Assert.Equal("teams:conversation:42", message.PartitionKey);
        Assert.Equal("teams:root:42", message.IdempotencyKey);
        Assert.Equal(42, message.ThreadOf);
        Assert.Null(message.MessageId);
        Assert.Equal(new TeamsPush(TeamsPushKind.Root, 42), Push(message));
    }

    [Fact]
    public async Task A_customer_message_is_pushed_into_the_thread()
    {
        var router = await InstalledAsync();

        var message = Assert.Single(Route(router, new MessageAdded(_conversation, _contact, Customer(id: 7), At)));

        Assert.Equal(("teams", "teams:conversation:42", "teams:message:7", 7L), (message.Destination, message.PartitionKey, message.IdempotencyKey, message.MessageId));
        Assert.Null(message.ThreadOf);
        Assert.Equal(new TeamsPush(TeamsPushKind.Message, 42, 7), Push(message));
    }

    [Fact]
    public async Task A_reply_written_in_Teams_is_not_echoed_back()
    {
        var router = await InstalledAsync();

        Assert.Empty(Route(router, new MessageAdded(_conversation, _contact, Reply("teams:19:ch@thread.tacv2;messageid=1:1700"), At)));
    }

    [Theory]
    [InlineData("slack:C1:123.4")]
    [InlineData(null)]
    [InlineData("teamster:1")]
    public async Task A_reply_written_anywhere_else_is_routed(string? externalId)
    {
        var router = await InstalledAsync();

        var message = Assert.Single(Route(router, new MessageAdded(_conversation, _contact, Reply(externalId, id: 8), At)));

        Assert.Equal(new TeamsPush(TeamsPushKind.Message, 42, 8), Push(message));
        Assert.Equal(8, message.MessageId);
    }

    [Fact]
    public async Task A_note_written_in_Teams_is_not_echoed_but_one_from_Slack_is()
    {
        var router = await InstalledAsync();
        Message Note(long id, string externalId) => new(id, _conversation.Id, MessageDirection.Note, "called back", At, Guid.NewGuid(), "Ann", externalId: externalId);

        Assert.Empty(Route(router, new MessageAdded(_conversation, _contact, Note(9, "teams:thread:2"), At)));
        Assert.Single(Route(router, new MessageAdded(_conversation, _contact, Note(10, "slack:C1:9.9"), At)));
    }

    [Fact]
    public async Task Assignee_and_status_changes_redraw_the_root()
    {
        var router = await InstalledAsync();
        var ann = CardFixtures.Operator();

        var assigned = Assert.Single(Route(router, new AssigneeChanged(_conversation, _contact, null, ann, ann, At)));
        var closed = Assert.Single(Route(router, new StatusChanged(_conversation, _contact, ConversationStatus.Open, ann, At.AddMinutes(1))));

        Assert.All([assigned, closed], m =>
        {
            Assert.Equal("teams", m.Destination);
            Assert.Equal("teams:conversation:42", m.PartitionKey);
            Assert.Equal(new TeamsPush(TeamsPushKind.RootUpdate, 42), Push(m));
            Assert.Null(m.MessageId);
            Assert.Null(m.ThreadOf);
        });
        Assert.NotEqual(assigned.IdempotencyKey, closed.IdempotencyKey);
        Assert.StartsWith("teams:root-update:42:", assigned.IdempotencyKey);
    }

    [Fact]
    public async Task Facts_and_joins_redraw_the_root_too()
    {
        var router = await InstalledAsync();

        Assert.Equal(TeamsPushKind.RootUpdate, Push(Assert.Single(Route(router, new FactsChanged(_conversation, _contact, At)))).Kind);
        Assert.Equal(TeamsPushKind.RootUpdate, Push(Assert.Single(Route(router, new OperatorJoined(_conversation, _contact, CardFixtures.Operator(), At)))).Kind);
    }

    [Fact]
    public async Task Two_different_changes_at_the_same_moment_get_different_keys()
    {
        var router = await InstalledAsync();

        var facts = Assert.Single(Route(router, new FactsChanged(_conversation, _contact, At)));
        var status = Assert.Single(Route(router, new StatusChanged(_conversation, _contact, ConversationStatus.Open, null, At)));

        Assert.NotEqual(facts.IdempotencyKey, status.IdempotencyKey);
    }

    [Fact]
    public async Task A_spam_conversations_customer_message_is_silenced()
    {
        var router = await InstalledAsync();
        var spam = CardFixtures.Conversation(ConversationStatus.Spam, id: 43);
        var message = new Message(11, spam.Id, MessageDirection.FromCustomer, "Buy now", At, externalId: "w-11");

        Assert.Empty(Route(router, new MessageAdded(spam, _contact, message, At)));
        Assert.Empty(Route(router, new ConversationStarted(spam, _contact, At)));
    }

    [Fact]
    public async Task Operators_actions_on_a_spam_conversation_still_redraw_the_root()
    {
        var router = await InstalledAsync();
        var spam = CardFixtures.Conversation(ConversationStatus.Spam, id: 43);

        var message = Assert.Single(Route(router, new StatusChanged(spam, _contact, ConversationStatus.Open, CardFixtures.Operator(), At)));

        Assert.Equal("teams:conversation:43", message.PartitionKey);
    }

    [Fact]
    public async Task Edits_are_not_routed()
    {
        var router = await InstalledAsync();

        Assert.Empty(Route(router, new MessageChanged(_conversation, _contact, Reply("slack:C1:1.1"), At)));
    }

    [Fact]
    public void Partition_is_per_conversation_and_Teams_only() =>
        Assert.Equal("teams:conversation:123", TeamsOutboxRouter.Partition(123));
}

public sealed class TeamsRoutedOutboxTests
{
    private static readonly DateTimeOffset At = CardFixtures.Now;

    [Fact]
    public async Task A_conversation_whose_route_has_no_Teams_channel_gets_no_Teams_thread()
    {
        var targets = new TeamsTargets(new InMemoryBridgeSettings(), Options.Create(new TeamsOptions()), NullLogger<TeamsTargets>.Instance);
        await targets.UseAsync(new TeamsTarget("https://smba.example/", "19:general@thread.tacv2", "tenant", "team"), CancellationToken.None);
        var book = new Core.Routing.RouteBook(new Core.Routing.RoutingOptions
        {
            Rules = [new Core.Routing.RouteOptions { Name = "slack-only", Match = new Core.Routing.RouteMatchOptions { Channel = "widget" }, SlackChannel = "CSLACK0001" }],
        });
        var router = new TeamsOutboxRouter(targets, book);
        var contact = CardFixtures.Contact();
        var slackOnly = Routed(CardFixtures.Conversation(id: 1), book.Match(CardFixtures.Conversation(id: 1), contact).Name);
        var toDefault = new Conversation(2, contact.Id, ChannelKind.Email, null, At);

        var outbox = new List<OutboxMessage>();
        router.Route(new ConversationStarted(slackOnly, contact, At), outbox);
        router.Route(new MessageAdded(slackOnly, contact, new Message(5, 1, MessageDirection.FromCustomer, "hi", At), At), outbox);
        Assert.Empty(outbox);

        router.Route(new ConversationStarted(toDefault, contact, At), outbox);
        Assert.Equal(new TeamsPush(TeamsPushKind.Root, 2), TeamsPush.FromJson(Assert.Single(outbox).Payload));
    }

    // A stored conversation carries the name of the route that took it (set by the core when it starts; its setter is private).
    private static Conversation Routed(Conversation conversation, string route)
    {
        typeof(Conversation).GetProperty(nameof(Conversation.RouteName))!.SetValue(conversation, route);
        return conversation;
    }
}
