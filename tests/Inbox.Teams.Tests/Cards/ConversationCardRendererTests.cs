using System.Text.Json;
using Inbox.Core.Model;
using Inbox.Teams.Cards;

namespace Inbox.Teams.Tests.Cards;

public sealed class ConversationCardRendererTests
{
    private static readonly Operator Ann = CardFixtures.Operator("Ann Operator", "ann@example.com");
    private static readonly Operator Bob = CardFixtures.Operator("Bob Agent", "bob@example.com");

    private static JsonElement Render(Conversation conversation, Contact? contact = null, Operator? assignee = null, IReadOnlyList<Operator>? operators = null) =>
        CardJsonReader.Of(ConversationCardRenderer.Render(conversation, contact ?? CardFixtures.Contact(CardFixtures.FullProfile), assignee, operators ?? [Ann, Bob]));

    private static string[] Verbs(JsonElement card) =>
        card.Items("actions").Select(a => a.Str("type") == "Action.ShowCard" ? "show:" + a.Str("title") : a.Str("verb")).ToArray();

    private static JsonElement Action(JsonElement card, string verb) => card.Items("actions").Single(a => a.Has("verb") && a.Str("verb") == verb);

    private static Dictionary<string, string> Facts(JsonElement card) =>
        card.Items("body").Where(e => e.Str("type") == "FactSet").SelectMany(f => f.Items("facts")).ToDictionary(f => f.Str("title"), f => f.Str("value"));

    [Fact]
    public void Card_is_version_1_5_with_the_schema()
    {
        var card = Render(CardFixtures.Conversation());

        Assert.Equal("AdaptiveCard", card.Str("type"));
        Assert.Equal("1.5", card.Str("version"));
        Assert.Equal("http://adaptivecards.io/schemas/adaptive-card.json", card.Str("$schema"));
    }

    [Fact]
    public void Header_shows_visitor_name_and_conversation_number_in_bold()
    {
        var header = Render(CardFixtures.Conversation(id: 123)).Items("body")[0];

        Assert.Equal("TextBlock", header.Str("type"));
        Assert.Equal("Jane Doe · #123", header.Str("text"));
        Assert.Equal("bolder", header.Str("weight"));
        Assert.True(header.GetProperty("wrap").GetBoolean());
    }

    [Fact]
    public void Summary_line_shows_channel_status_and_assignee()
    {
        var line = Render(CardFixtures.Conversation(channel: ChannelKind.Telegram), assignee: Ann).Items("body")[1];

        Assert.Equal("Telegram · Open · Assigned to Ann Operator", line.Str("text"));
        Assert.True(line.GetProperty("wrap").GetBoolean());
    }

    [Theory]
    [InlineData(ConversationStatus.Open, ChannelKind.Widget, "Widget · Open · Unassigned")]
    [InlineData(ConversationStatus.Closed, ChannelKind.Email, "Email · Closed · Unassigned")]
    [InlineData(ConversationStatus.Spam, ChannelKind.Widget, "Widget · Spam · Unassigned")]
    public void Without_assignee_the_summary_says_unassigned(ConversationStatus status, ChannelKind channel, string expected)
    {
        Assert.Equal(expected, Render(CardFixtures.Conversation(status, channel: channel)).Items("body")[1].Str("text"));
    }

    [Fact]
    public void Known_visitor_facts_and_tags_are_listed()
    {
        var card = Render(CardFixtures.Conversation(tags: ["refund", "urgent"]), CardFixtures.Contact(CardFixtures.FullProfile, "vip"));

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["Email"] = "jane@example.com",
                ["Phone"] = "+442079460958",
                ["City"] = "London",
                ["Country"] = "GB",
                ["Device"] = "iPhone",
                ["OS"] = "iOS 18",
                ["Browser"] = "Safari",
                ["Visitor tags"] = "vip",
                ["Chat tags"] = "refund, urgent",
            },
            Facts(card));
    }

    [Fact]
    public void Only_known_facts_are_listed()
    {
        var card = Render(CardFixtures.Conversation(), CardFixtures.Contact(new ContactProfile(Email: "jane@example.com", Browser: "Firefox")));

        Assert.Equal(["Email", "Browser"], Facts(card).Keys);
    }

    [Fact]
    public void A_visitor_with_no_facts_gets_no_fact_set()
    {
        var card = Render(CardFixtures.Conversation(), CardFixtures.Contact());

        Assert.DoesNotContain(card.Items("body"), e => e.Str("type") == "FactSet");
        Assert.StartsWith("Visitor ", card.Items("body")[0].Str("text"));
    }

    [Fact]
    public void Open_conversation_offers_close_and_spam_but_not_reopen()
    {
        Assert.Equal(
            [TeamsVerbs.AssignToMe, TeamsVerbs.Join, "show:Reply…", "show:Transfer…", TeamsVerbs.Close, TeamsVerbs.Spam, TeamsVerbs.Details, TeamsVerbs.History],
            Verbs(Render(CardFixtures.Conversation(ConversationStatus.Open))));
    }

    [Fact]
    public void Closed_conversation_offers_reopen_and_spam_but_not_close()
    {
        var verbs = Verbs(Render(CardFixtures.Conversation(ConversationStatus.Closed)));

        Assert.Contains(TeamsVerbs.Reopen, verbs);
        Assert.Contains(TeamsVerbs.Spam, verbs);
        Assert.DoesNotContain(TeamsVerbs.Close, verbs);
    }

    [Fact]
    public void Spam_conversation_offers_reopen_and_hides_spam()
    {
        var verbs = Verbs(Render(CardFixtures.Conversation(ConversationStatus.Spam)));

        Assert.Contains(TeamsVerbs.Reopen, verbs);
        Assert.DoesNotContain(TeamsVerbs.Spam, verbs);
        Assert.DoesNotContain(TeamsVerbs.Close, verbs);
    }

    [Fact]
    public void Every_action_is_an_execute_carrying_the_conversation_id()
    {
        var card = Render(CardFixtures.Conversation(id: 4711));

        foreach (var action in card.Items("actions").Where(a => a.Str("type") != "Action.ShowCard"))
        {
            Assert.Equal("Action.Execute", action.Str("type"));
            Assert.Equal(["conversationId"], action.GetProperty("data").SortedNames());
            Assert.Equal(4711, action.GetProperty("data").GetProperty("conversationId").GetInt64());
        }
    }

    [Fact]
    public void Assign_to_me_is_highlighted_only_while_unassigned_and_spam_is_destructive()
    {
        var unassigned = Render(CardFixtures.Conversation());
        var assigned = Render(CardFixtures.Conversation(), assignee: Ann);

        Assert.Equal("positive", Action(unassigned, TeamsVerbs.AssignToMe).Str("style"));
        Assert.False(Action(assigned, TeamsVerbs.AssignToMe).Has("style"));
        Assert.Equal("destructive", Action(unassigned, TeamsVerbs.Spam).Str("style"));
    }

    [Fact]
    public void At_most_six_actions_are_buttons_and_the_rest_go_to_the_overflow_menu()
    {
        var actions = Render(CardFixtures.Conversation()).Items("actions");

        var primary = actions.Where(a => !a.Has("mode")).ToList();
        Assert.InRange(primary.Count, 1, 6);
        Assert.All(actions.Except(primary), a => Assert.Equal("secondary", a.Str("mode")));
    }

    [Fact]
    public void Transfer_shows_a_card_with_a_required_pick_list_of_operators()
    {
        var transfer = Render(CardFixtures.Conversation(id: 55)).Items("actions").Single(a => a.Str("type") == "Action.ShowCard" && a.Str("title") == "Transfer…");

        Assert.Equal("Transfer…", transfer.Str("title"));
        var form = transfer.GetProperty("card");
        Assert.Equal("AdaptiveCard", form.Str("type"));
        var picker = Assert.Single(form.Items("body"));
        Assert.Equal("Input.ChoiceSet", picker.Str("type"));
        Assert.Equal(TeamsVerbs.OperatorIdInput, picker.Str("id"));
        Assert.Equal("operatorId", picker.Str("id"));
        Assert.True(picker.GetProperty("isRequired").GetBoolean());
        Assert.Equal(
            [("Ann Operator", Ann.Id.ToString()), ("Bob Agent", Bob.Id.ToString())],
            picker.Items("choices").Select(c => (c.Str("title"), c.Str("value"))));

        var submit = Assert.Single(form.Items("actions"));
        Assert.Equal("Action.Execute", submit.Str("type"));
        Assert.Equal(TeamsVerbs.Transfer, submit.Str("verb"));
        Assert.Equal(55, submit.GetProperty("data").GetProperty("conversationId").GetInt64());
    }

    [Fact]
    public void Without_operators_there_is_no_transfer()
    {
        var verbs = Verbs(Render(CardFixtures.Conversation(), operators: []));

        Assert.DoesNotContain("show:Transfer…", verbs);
        Assert.Contains(TeamsVerbs.Close, verbs);
    }

    [Fact]
    public void Card_asks_teams_to_refresh_it_with_the_refresh_verb()
    {
        var refresh = Render(CardFixtures.Conversation(id: 9)).GetProperty("refresh").GetProperty("action");

        Assert.Equal("Action.Execute", refresh.Str("type"));
        Assert.Equal("inbox.refresh", refresh.Str("verb"));
        Assert.Equal(TeamsVerbs.Refresh, refresh.Str("verb"));
        Assert.Equal(9, refresh.GetProperty("data").GetProperty("conversationId").GetInt64());
    }

    [Fact]
    public void Verbs_have_the_documented_names()
    {
        Assert.Equal(
            ["inbox.assign_me", "inbox.join", "inbox.close", "inbox.reopen", "inbox.spam", "inbox.details", "inbox.history", "inbox.transfer"],
            [TeamsVerbs.AssignToMe, TeamsVerbs.Join, TeamsVerbs.Close, TeamsVerbs.Reopen, TeamsVerbs.Spam, TeamsVerbs.Details, TeamsVerbs.History, TeamsVerbs.Transfer]);
    }

    [Fact]
    public void Customer_name_cannot_make_a_link_or_bold_text_in_the_header()
    {
        var contact = CardFixtures.Contact(new ContactProfile(Name: "**Refund** [pay here](https://evil.example)"));

        var header = Render(CardFixtures.Conversation(id: 7), contact).Items("body")[0].Str("text");

        Assert.Equal(@"\*\*Refund\*\* \[pay here\]\(https://evil.example) · #7", header);
        Assert.Null(MarkdownProbe.LiveMarkup(header));
    }

    [Fact]
    public void Customer_facts_cannot_make_links_or_emphasis()
    {
        var profile = new ContactProfile(
            Email: "jane_doe@example.com", City: "[London](https://evil.example)", Device: "- *phone*", Browser: "1. _first_");

        var facts = Facts(Render(CardFixtures.Conversation(), CardFixtures.Contact(profile)));

        Assert.Equal(@"jane\_doe@example.com", facts["Email"]);
        Assert.All(facts.Values, v => Assert.Null(MarkdownProbe.LiveMarkup(v)));
    }

    [Fact]
    public void Line_breaks_in_a_customer_name_do_not_reach_the_header()
    {
        var header = Render(CardFixtures.Conversation(id: 1), CardFixtures.Contact(new ContactProfile(Name: "Jane\n- Doe"))).Items("body")[0].Str("text");

        Assert.Equal("Jane - Doe · #1", header);
    }

    [Fact]
    public void A_100_KB_customer_name_still_gives_a_card_under_28_KB_that_keeps_the_number()
    {
        var contact = CardFixtures.Contact(new ContactProfile(Name: new string('J', 100 * 1024)));

        var card = ConversationCardRenderer.Render(CardFixtures.Conversation(id: 98765), contact, null, [Ann, Bob]);

        Assert.InRange(CardJson.ByteCount(card), 1, CardLimits.MaxCardBytes);
        Assert.EndsWith("… · #98765", ((TextBlock)card.Body[0]).Text);
    }

    [Fact]
    public void Huge_facts_and_a_crowd_of_long_named_operators_still_fit_under_28_KB()
    {
        var huge = string.Concat(Enumerable.Repeat("Жанна *😀* ", 10_000));
        var contact = CardFixtures.Contact(new ContactProfile(huge, huge, huge, huge, huge, huge, huge, huge));
        var operators = Enumerable.Range(0, 300).Select(i => CardFixtures.Operator($"Оператор {i} " + new string('щ', 300), $"op{i}@example.com")).ToList();

        var card = ConversationCardRenderer.Render(CardFixtures.Conversation(id: 3), contact, operators[0], operators);

        Assert.InRange(CardJson.ByteCount(card), 1, CardLimits.MaxCardBytes);
        var json = CardJsonReader.Of(card);
        Assert.EndsWith(" · #3", json.Items("body")[0].Str("text"));
        Assert.Contains(TeamsVerbs.Close, Verbs(json));
    }
}
