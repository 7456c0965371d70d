using Inbox.Core.Commands.Text;
using Inbox.Core.Model;
using Inbox.Core.Routing;
using Inbox.Teams.Cards;

namespace Inbox.Teams.Tests.Cards;

public sealed class RouteOnCardTests
{
    private static Route Route(string mode, string name = "vip") => new(new RouteOptions { Name = name, ThreadMode = mode }, isDefault: false);

    [Theory]
    [InlineData("two-way", "replies here go to the customer")]
    [InlineData("notes-by-default", "or use Reply… to answer the customer")]
    [InlineData("alerts-only", "alerts only")]
    public void The_card_names_its_route_and_what_a_reply_in_the_thread_does(string mode, string explained)
    {
        var card = CardJsonReader.Of(ConversationCardRenderer.Render(CardFixtures.Conversation(), CardFixtures.Contact(CardFixtures.FullProfile), null, [], Route(mode)));

        var line = card.Items("body").Where(b => b.Str("type") == "TextBlock").Select(b => b.Str("text")).Single(t => t.Contains("Route vip", StringComparison.Ordinal));
        Assert.Contains(mode, line);
        Assert.Contains(explained, line);
    }

    [Fact]
    public void Reply_opens_a_required_text_field_whose_send_button_carries_the_conversation()
    {
        var card = CardJsonReader.Of(ConversationCardRenderer.Render(CardFixtures.Conversation(id: 77), CardFixtures.Contact(), null, []));

        var reply = card.Items("actions").Single(a => a.Str("type") == "Action.ShowCard" && a.Str("title") == "Reply…");
        var field = Assert.Single(reply.GetProperty("card").Items("body"));
        Assert.Equal(("Input.Text", TeamsVerbs.ReplyTextInput), (field.Str("type"), field.Str("id")));
        Assert.True(field.GetProperty("isRequired").GetBoolean());
        var send = Assert.Single(reply.GetProperty("card").Items("actions"));
        Assert.Equal(("Action.Execute", TeamsVerbs.Reply), (send.Str("type"), send.Str("verb")));
        Assert.Equal(77, send.GetProperty("data").GetProperty("conversationId").GetInt64());
    }

    [Fact]
    public void A_moved_card_links_to_the_new_thread_and_has_no_actions()
    {
        var card = CardJsonReader.Of(MovedCardRenderer.Render(CardFixtures.Conversation(id: 9), CardFixtures.Contact(CardFixtures.FullProfile), "https://teams.microsoft.com/l/message/x/1"));

        Assert.False(card.Has("actions"));
        Assert.Contains("[the new thread](https://teams.microsoft.com/l/message/x/1)", card.Items("body")[1].Str("text"));
    }

    [Fact]
    public void The_routes_list_shows_each_rule_in_order_with_targets_mode_and_who_customers_see()
    {
        var rules = new RouteBook(new RoutingOptions
        {
            Rules =
            [
                new RouteOptions { Name = "vip", Match = new RouteMatchOptions { ChatTag = "vip" }, TeamsChannel = "19:vip@thread.tacv2", ThreadMode = "notes-by-default", CustomerSees = "alias", Alias = "Acme VIP" },
                new RouteOptions { Name = "mail", Match = new RouteMatchOptions { Channel = "email" }, SlackChannel = "CMAIL00001", ThreadMode = "alerts-only" },
            ],
        }).All.ToList();

        var card = CardJsonReader.Of(CommandAnswerCardRenderer.Render(new CommandAnswer.RouteList(rules), CardFixtures.Now, r => r.TeamsChannel ?? (r.IsDefault ? "19:general@thread.tacv2" : null)));

        var lines = card.Items("body").Skip(1).Select(b => b.Str("text")).ToList();
        Assert.Equal(3, lines.Count);
        Assert.All(["vip", "chat tag vip", "Teams 19:vip@thread.tacv2", "no Slack thread", "notes-by-default", "send prefix", "customers see “Acme VIP”"], part => Assert.Contains(part, lines[0]));
        Assert.All(["mail", "channel email", "no Teams thread", "Slack CMAIL00001", "alerts-only", "the operator's name"], part => Assert.Contains(part, lines[1]));
        Assert.All(["default", "everything else", "Teams 19:general@thread.tacv2", "two-way"], part => Assert.Contains(part, lines[2]));
        Assert.StartsWith("1", lines[0]);
        Assert.StartsWith("2", lines[1]);
    }
}
