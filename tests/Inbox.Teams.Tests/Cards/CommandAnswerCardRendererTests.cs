using System.Text.Json;
using Inbox.Core.Commands;
using Inbox.Core.Commands.Text;
using Inbox.Core.Model;
using Inbox.Core.Views;
using Inbox.Teams.Cards;

namespace Inbox.Teams.Tests.Cards;

public sealed class CommandAnswerCardRendererTests
{
    private static readonly DateTimeOffset Now = CardFixtures.Now;
    private static readonly ViewCounts Counts = new(You: 1, Open: 2, All: 3, Closed: 4, Spam: 5);

    private static AdaptiveCard Card(CommandAnswer answer)
    {
        var card = CommandAnswerCardRenderer.Render(answer, Now);
        Assert.InRange(CardJson.ByteCount(card), 1, CardLimits.MaxCardBytes);
        return card;
    }

    private static JsonElement Json(CommandAnswer answer) => CardJsonReader.Of(Card(answer));

    private static string[] Texts(CommandAnswer answer) =>
        Json(answer).Items("body").Where(b => b.Str("type") == "TextBlock").Select(b => b.Str("text")).ToArray();

    private static Dictionary<string, string> Facts(JsonElement card) =>
        card.Items("body").Where(e => e.Str("type") == "FactSet").SelectMany(f => f.Items("facts")).ToDictionary(f => f.Str("title"), f => f.Str("value"));

    private static ConversationSummary Row(long id = 12, string contactName = "Jane Doe", string? preview = "Where is my order?",
        ConversationStatus status = ConversationStatus.Open, bool isActive = true, string? assigneeName = "Ann Operator") =>
        new(id, ChannelKind.Widget, status, isActive, Guid.NewGuid(), contactName, assigneeName is null ? null : Guid.NewGuid(), assigneeName,
            [], Now.AddHours(-1), null, Now.AddMinutes(-5), AwaitingReply: true, preview);

    [Fact]
    public void Help_lists_every_usage_as_a_bullet_with_its_backticks_shown_literally()
    {
        var texts = Texts(new CommandAnswer.Help(CommandLine.Usage));

        Assert.Equal("Inbox commands", texts[0]);
        var lines = texts[1].Split("\n\n");
        Assert.Equal(CommandLine.Usage.Split(" · ").Length, lines.Length);
        // Adaptive Cards have no code style: the backticks are escaped and read as typed.
        Assert.All(lines, l => Assert.StartsWith(@"• \`", l));
        Assert.Contains(@"• \`close|reopen|spam|block|unblock #123\`", lines);
        Assert.Contains(@"• \`note #123 text\`", lines);
    }

    [Fact]
    public void Title_is_bold_and_medium()
    {
        var title = Json(new CommandAnswer.Refused("No.")).Items("body")[0];

        Assert.Equal(("bolder", "medium"), (title.Str("weight"), title.Str("size")));
    }

    [Fact]
    public void Refused_shows_backticks_literally_since_cards_have_no_code_style()
    {
        Assert.Equal(["⚠️ Not done", @"Usage: \`close #123\`"], Texts(new CommandAnswer.Refused("Usage: `close #123`")));
    }

    [Fact]
    public void Refused_keeps_the_spaces_around_what_to_type()
    {
        var text = Texts(new CommandAnswer.Refused("`since:yesterday` is not a date; use e.g. `since:2026-11-01` instead."))[1];

        Assert.Equal(@"\`since:yesterday\` is not a date; use e.g. \`since:2026-11-01\` instead.", text);
    }

    [Fact]
    public void Refused_escapes_customer_text_outside_code()
    {
        var text = Texts(new CommandAnswer.Refused("*evil* [x](http://a) is already blocked."))[1];

        Assert.Null(MarkdownProbe.LiveMarkup(text));
        Assert.Equal(@"\*evil\* \[x\]\(http://a) is already blocked.", text);
    }

    [Fact]
    public void An_unclosed_backtick_is_escaped_not_taken_for_code()
    {
        var text = Texts(new CommandAnswer.Refused("I don't know `lee: mention a team member"))[1];

        Assert.Equal(@"I don't know \`lee: mention a team member", text);
    }

    [Fact]
    public void A_visitor_name_in_backticks_cannot_make_a_link_in_a_summary()
    {
        var contact = CardFixtures.Contact(new ContactProfile(Name: "`[x](http://a)`"));
        var change = new ConversationChange(CardFixtures.Conversation(), contact, $"{contact.DisplayName} is blocked; their conversations are in Spam.");

        var text = Texts(new CommandAnswer.Changed(change))[1];

        Assert.DoesNotContain("](", text);
    }

    [Fact]
    public void Changed_shows_the_summary_under_done()
    {
        var change = new ConversationChange(CardFixtures.Conversation(), CardFixtures.Contact(), "#123 closed.");

        Assert.Equal(["✅ Done", "#123 closed."], Texts(new CommandAnswer.Changed(change)));
    }

    [Fact]
    public void Changed_escapes_a_visitor_name_in_the_summary()
    {
        var change = new ConversationChange(CardFixtures.Conversation(), CardFixtures.Contact(), "*evil* [x](http://a) is unblocked.");

        Assert.Null(MarkdownProbe.LiveMarkup(Texts(new CommandAnswer.Changed(change))[1]));
    }

    [Fact]
    public void An_empty_view_shows_the_counts_and_says_nothing_is_there()
    {
        var texts = Texts(new CommandAnswer.View(new ViewPage(InboxView.Open, [], 0, null), 1, Counts));

        Assert.Equal(["Open — 0 conversations", "You 1 · Open 2 · All 3 · Closed 4 · Spam 5", "Nothing here."], texts);
    }

    [Fact]
    public void A_view_lists_its_rows_with_state_assignee_time_and_preview()
    {
        var page = new ViewPage(InboxView.All, [Row(), Row(13, "Bob", null, ConversationStatus.Closed, false, null)], 2, null);

        var texts = Texts(new CommandAnswer.View(page, 1, Counts));

        Assert.Equal("All — 2 conversations", texts[0]);
        Assert.Equal("**#12** Jane Doe · active · Ann Operator · 5m ago · _Where is my order?_", texts[2]);
        Assert.Equal("**#13** Bob · closed · unassigned · 5m ago", texts[3]);
        Assert.DoesNotContain("Nothing here.", texts);
    }

    [Fact]
    public void An_open_conversation_without_recent_activity_is_inactive() =>
        Assert.Contains(" · inactive · ", Texts(new CommandAnswer.View(new ViewPage(InboxView.Open, [Row(isActive: false)], 1, null), 1, Counts))[2]);

    [Fact]
    public void A_view_with_one_conversation_says_conversation()
    {
        Assert.Equal("You — 1 conversation", Texts(new CommandAnswer.View(new ViewPage(InboxView.You, [Row()], 1, null), 1, Counts))[0]);
    }

    [Fact]
    public void A_view_with_more_pages_says_what_to_type_for_the_next()
    {
        var page = new ViewPage(InboxView.Open, [Row()], 25, "cursor-1");

        var first = Texts(new CommandAnswer.View(page, 1, Counts));
        var second = Texts(new CommandAnswer.View(page, 2, Counts));

        Assert.Equal(@"More: \`@Inbox open 2\`", first[^1]);
        Assert.Equal("Open — 25 conversations, page 2", second[0]);
        Assert.Equal(@"More: \`@Inbox open 3\`", second[^1]);
    }

    [Fact]
    public void The_last_page_has_no_more_line()
    {
        Assert.DoesNotContain(Texts(new CommandAnswer.View(new ViewPage(InboxView.Open, [Row()], 1, null), 1, Counts)),
            t => t.StartsWith("More:", StringComparison.Ordinal));
    }

    [Fact]
    public void The_closed_view_shows_its_summary_figures()
    {
        var page = new ViewPage(InboxView.Closed, [Row(status: ConversationStatus.Closed)], 4, null,
            new ClosedSummary(4, TimeSpan.FromMinutes(90), TimeSpan.FromSeconds(150)));

        var texts = Texts(new CommandAnswer.View(page, 1, Counts));

        Assert.Contains("Closed: 4 · average duration 1h 30m · average first response 2m", texts);
    }

    [Fact]
    public void Closed_summary_without_figures_shows_dashes()
    {
        var page = new ViewPage(InboxView.Closed, [], 0, null, new ClosedSummary(0, null, null));

        Assert.Contains("Closed: 0 · average duration — · average first response —", Texts(new CommandAnswer.View(page, 1, Counts)));
    }

    [Fact]
    public void Row_names_and_previews_from_customers_are_escaped()
    {
        var page = new ViewPage(InboxView.Open, [Row(contactName: "*evil* [x](http://a)", preview: "**bold** [y](http://b)")], 1, null);

        var row = Texts(new CommandAnswer.View(page, 1, Counts))[2];

        Assert.Contains(@"\*evil\* \[x\]\(http://a)", row);
        Assert.Contains(@"\*\*bold\*\* \[y\]\(http://b)", row);
        Assert.DoesNotContain("](", row);
    }

    [Fact]
    public void Ten_rows_with_huge_previews_stay_under_28_KB_with_every_row_shown()
    {
        var rows = Enumerable.Range(1, 10).Select(i => Row(i, new string('*', 300), string.Concat(Enumerable.Repeat("<&`", 1_700)))).ToList();
        var page = new ViewPage(InboxView.All, rows, 40, "next");

        var card = Card(new CommandAnswer.View(page, 1, Counts));

        var texts = card.Body.Cast<TextBlock>().Select(b => b.Text).ToList();
        Assert.Equal(10, texts.Count(t => t.StartsWith("**#", StringComparison.Ordinal)));
        Assert.Equal(@"More: \`@Inbox all 2\`", texts[^1]);
    }

    [Fact]
    public void Search_with_no_match_says_so()
    {
        Assert.Equal(["Search “refund” — 0 found", "No conversation matches."], Texts(new CommandAnswer.Search("refund", [])));
    }

    [Fact]
    public void Search_lists_what_it_found()
    {
        var texts = Texts(new CommandAnswer.Search("refund", [Row(), Row(13)]));

        Assert.Equal("Search “refund” — 2 found", texts[0]);
        Assert.StartsWith("**#12** Jane Doe", texts[1]);
        Assert.StartsWith("**#13** Jane Doe", texts[2]);
    }

    [Fact]
    public void Search_words_with_markdown_are_escaped_once()
    {
        var title = Texts(new CommandAnswer.Search("*refund*", []))[0];

        Assert.Equal(@"Search “\*refund\*” — 0 found", title);
    }

    [Fact]
    public void Details_show_the_visitor_the_conversation_notes_and_past_conversations()
    {
        var contact = CardFixtures.Contact(CardFixtures.FullProfile, "vip");
        var conversation = CardFixtures.Conversation(id: 123, tags: ["refund"]);
        var ann = CardFixtures.Operator();
        var note = new Message(5, 123, MessageDirection.Note, "Called back, *promised* a refund", Now, ann.Id, "Ann Operator");
        var past = new PastConversation(99, ChannelKind.Email, ConversationStatus.Closed, Now.AddDays(-3), Now.AddDays(-3).AddMinutes(90), TimeSpan.FromMinutes(90));

        var card = Json(new CommandAnswer.Details(new ConversationDetails(conversation, contact, ann, [], [note], [past], IsActive: true)));
        var texts = card.Items("body").Where(b => b.Str("type") == "TextBlock").Select(b => b.Str("text")).ToList();

        Assert.Equal("Jane Doe · #123", texts[0]);
        var facts = Facts(card);
        Assert.Equal("Jane Doe", facts["Name"]);
        Assert.Equal("jane@example.com", facts["Email"]);
        Assert.Equal("vip", facts["Visitor tags"]);
        Assert.Equal("#123", facts["Conversation"]);
        Assert.Equal("Widget", facts["Channel"]);
        Assert.Equal("Open (active)", facts["Status"]);
        Assert.Equal("Ann Operator", facts["Assignee"]);
        Assert.Equal("refund", facts["Chat tags"]);
        Assert.False(facts.ContainsKey("Ended"));
        Assert.False(facts.ContainsKey("Blocked"));
        Assert.Contains("Notes (1)", texts);
        Assert.Contains(@"**Ann Operator**: Called back, \*promised\* a refund", texts);
        Assert.Contains("Past conversations (1)", texts);
        Assert.Contains("#99 · 2026-03-11 09:30 UTC · 1h 30m · Closed", texts);
    }

    [Fact]
    public void Details_without_notes_or_history_say_none()
    {
        var details = new ConversationDetails(CardFixtures.Conversation(ConversationStatus.Closed), CardFixtures.Contact(CardFixtures.FullProfile), null, [], [], [], false);

        var card = Json(new CommandAnswer.Details(details));
        var texts = card.Items("body").Where(b => b.Str("type") == "TextBlock").Select(b => b.Str("text")).ToList();

        Assert.Equal(2, texts.Count(t => t == "None."));
        Assert.Equal("none", Facts(card)["Assignee"]);
        Assert.Equal("Closed", Facts(card)["Status"]);
        Assert.Equal("just now", Facts(card)["Ended"]);
    }

    [Fact]
    public void Details_escape_a_visitor_name_with_markdown()
    {
        var contact = CardFixtures.Contact(new ContactProfile(Name: "*evil* [x](http://a)"));
        var card = Json(new CommandAnswer.Details(new ConversationDetails(CardFixtures.Conversation(id: 5), contact, null, [], [], [], true)));

        Assert.Equal(@"\*evil\* \[x\]\(http://a) · #5", card.Items("body")[0].Str("text"));
        Assert.Equal(@"\*evil\* \[x\]\(http://a)", Facts(card)["Name"]);
    }

    [Fact]
    public void History_lists_the_visitors_past_conversations()
    {
        PastConversation[] past =
        [
            new(7, ChannelKind.Widget, ConversationStatus.Closed, Now.AddMinutes(-30), Now.AddMinutes(-20), TimeSpan.FromMinutes(10)),
            new(3, ChannelKind.Email, ConversationStatus.Spam, Now.AddDays(-10), null, null),
        ];

        var texts = Texts(new CommandAnswer.History(12, past));

        Assert.Equal(["Past conversations of #12's visitor", "#7 · 30m ago · 10m · Closed", "#3 · 2026-03-04 09:30 UTC · — · Spam"], texts);
    }

    [Fact]
    public void History_without_past_conversations_says_so()
    {
        Assert.Equal(["Past conversations of #12's visitor", "The visitor has no other conversations."], Texts(new CommandAnswer.History(12, [])));
    }
}
