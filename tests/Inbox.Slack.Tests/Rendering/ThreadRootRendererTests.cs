using System.Text.Json;
using Inbox.Core.Model;
using Inbox.Slack.BlockKit;
using Inbox.Slack.Rendering;
using Inbox.Slack.Tests.BlockKit;

namespace Inbox.Slack.Tests.Rendering;

public sealed class ThreadRootRendererTests
{
    private static readonly ContactProfile FullProfile = new(
        Name: "Jane Doe", Email: "jane@example.com", Phone: "+442079460958", City: "London", Country: "GB",
        Device: "iPhone", OperatingSystem: "iOS 18", Browser: "Safari");

    private static string[] ActionIds(SlackMessage root) =>
        root.Blocks.OfType<ActionsBlock>().Single().Elements.Select(e => e.ActionId).ToArray();

    [Fact]
    public void Header_shows_visitor_name_and_conversation_number()
    {
        var root = ThreadRootRenderer.Render(Fixtures.Conversation(id: 123), Fixtures.Contact(FullProfile), null);

        Assert.Equal("Jane Doe · #123", Assert.IsType<HeaderBlock>(root.Blocks[0]).Text.Text);
        Assert.Contains("Jane Doe · #123", root.Text);
    }

    [Fact]
    public void A_very_long_name_is_cut_but_the_conversation_number_stays()
    {
        var root = ThreadRootRenderer.Render(Fixtures.Conversation(id: 98765), Fixtures.Contact(new ContactProfile(Name: new string('J', 400))), null);

        var header = Assert.IsType<HeaderBlock>(root.Blocks[0]).Text.Text;
        Assert.Equal(150, header.Length);
        Assert.EndsWith("… · #98765", header);
    }

    [Fact]
    public void Summary_shows_channel_status_and_assignee()
    {
        var root = ThreadRootRenderer.Render(Fixtures.Conversation(channel: ChannelKind.Telegram), Fixtures.Contact(FullProfile), Fixtures.Operator("Ann Operator"));

        var fields = root.Blocks.OfType<SectionBlock>().Single().Fields!.Select(f => f.Text).ToList();
        Assert.Equal(["*Channel*\n✈️ Telegram", "*Status*\n🟢 Open", "*Assignee*\nAnn Operator"], fields);
    }

    [Fact]
    public void Without_assignee_the_summary_says_unassigned_and_assign_to_me_is_highlighted()
    {
        var root = ThreadRootRenderer.Render(Fixtures.Conversation(), Fixtures.Contact(FullProfile), null);

        Assert.Contains("*Assignee*\n_Unassigned_", root.Blocks.OfType<SectionBlock>().Single().Fields!.Select(f => f.Text));
        var assign = root.Blocks.OfType<ActionsBlock>().Single().Elements.OfType<ButtonElement>().First();
        Assert.Equal(SlackActions.AssignToMe, assign.ActionId);
        Assert.Equal(ButtonStyle.Primary, assign.Style);
    }

    [Fact]
    public void Open_conversation_offers_close_and_spam_but_not_reopen()
    {
        var root = ThreadRootRenderer.Render(Fixtures.Conversation(ConversationStatus.Open), Fixtures.Contact(), null);

        Assert.Equal(
            [SlackActions.AssignToMe, SlackActions.Join, SlackActions.Reply, SlackActions.Transfer, SlackActions.Close, SlackActions.Spam, SlackActions.Details, SlackActions.History],
            ActionIds(root));
    }

    [Fact]
    public void Closed_conversation_offers_reopen_and_spam_but_not_close()
    {
        var ids = ActionIds(ThreadRootRenderer.Render(Fixtures.Conversation(ConversationStatus.Closed), Fixtures.Contact(), null));

        Assert.Contains(SlackActions.Reopen, ids);
        Assert.Contains(SlackActions.Spam, ids);
        Assert.DoesNotContain(SlackActions.Close, ids);
    }

    [Fact]
    public void Spam_conversation_offers_reopen_and_hides_spam()
    {
        var ids = ActionIds(ThreadRootRenderer.Render(Fixtures.Conversation(ConversationStatus.Spam), Fixtures.Contact(), null));

        Assert.Contains(SlackActions.Reopen, ids);
        Assert.DoesNotContain(SlackActions.Spam, ids);
        Assert.DoesNotContain(SlackActions.Close, ids);
    }

    [Fact]
    public void Every_button_carries_the_conversation_id_as_its_value()
    {
        var root = ThreadRootRenderer.Render(Fixtures.Conversation(id: 4711), Fixtures.Contact(), null);

        Assert.All(root.Blocks.OfType<ActionsBlock>().Single().Elements.Cast<ButtonElement>(), b => Assert.Equal("4711", b.Value));
    }

    [Fact]
    public void Spam_button_is_red_and_asks_for_confirmation()
    {
        var root = ThreadRootRenderer.Render(Fixtures.Conversation(), Fixtures.Contact(), null);

        var spam = root.Blocks.OfType<ActionsBlock>().Single().Elements.OfType<ButtonElement>().Single(b => b.ActionId == SlackActions.Spam);
        Assert.Equal(ButtonStyle.Danger, spam.Style);
        Assert.NotNull(spam.Confirm);
    }

    [Fact]
    public void Known_visitor_facts_are_shown_in_the_context_line()
    {
        var root = ThreadRootRenderer.Render(Fixtures.Conversation(), Fixtures.Contact(FullProfile), null);

        var facts = root.Blocks.OfType<ContextBlock>().Single().Elements.Select(e => e.Text).ToList();
        Assert.Equal(["✉️ jane@example.com", "📞 +442079460958", "📍 London, GB", "📱 iPhone", "💻 iOS 18", "🌐 Safari"], facts);
    }

    [Fact]
    public void Unknown_facts_are_left_out()
    {
        var root = ThreadRootRenderer.Render(Fixtures.Conversation(), Fixtures.Contact(new ContactProfile(Name: "Jane", Country: "DE", Browser: "Firefox")), null);

        var facts = root.Blocks.OfType<ContextBlock>().Single().Elements.Select(e => e.Text).ToList();
        Assert.Equal(["📍 DE", "🌐 Firefox"], facts);
    }

    [Fact]
    public void A_visitor_with_no_known_facts_gets_no_context_line()
    {
        var root = ThreadRootRenderer.Render(Fixtures.Conversation(), Fixtures.Contact(), null);

        Assert.Empty(root.Blocks.OfType<ContextBlock>());
        Assert.StartsWith("Visitor ", Assert.IsType<HeaderBlock>(root.Blocks[0]).Text.Text);
    }

    [Fact]
    public void Customer_facts_cannot_ping_channel_or_mention_users()
    {
        var hostile = new ContactProfile(Name: "<!channel> Boss", Email: "<@U123>@x.example", City: "<!here>", Browser: "<https://evil.example|Chrome>");

        var root = ThreadRootRenderer.Render(Fixtures.Conversation(), Fixtures.Contact(hostile), Fixtures.Operator("Eve <!everyone>"));

        var json = JsonSerializer.Serialize(root.Blocks);
        var mrkdwn = JsonDocument.Parse(json).RootElement.EnumerateArray()
            .SelectMany(MrkdwnTexts).Append(root.Text).ToList();
        Assert.All(mrkdwn, t => Assert.DoesNotContain('<', t));
        Assert.Contains(mrkdwn, t => t.Contains("&lt;!here&gt;"));
        Assert.Contains(mrkdwn, t => t.Contains("Eve &lt;!everyone&gt;"));
        Assert.Contains("&lt;!channel&gt; Boss · #123", root.Text);
        // The header is plain_text, which Slack never parses, so the name is shown exactly as given.
        Assert.Equal("<!channel> Boss · #123", Assert.IsType<HeaderBlock>(root.Blocks[0]).Text.Text);
    }

    [Fact]
    public void Customer_facts_are_sent_verbatim_so_Slack_does_not_auto_link_them()
    {
        var root = ThreadRootRenderer.Render(Fixtures.Conversation(), Fixtures.Contact(FullProfile), null);

        Assert.All(root.Blocks.OfType<ContextBlock>().Single().Elements, e => Assert.True(e.Verbatim));
    }

    [Fact]
    public void Root_serializes_to_header_section_context_actions()
    {
        var root = ThreadRootRenderer.Render(Fixtures.Conversation(), Fixtures.Contact(FullProfile), null);

        var json = BlockJson.Parse(BlockKitJson.Blocks(root.Blocks).ToJsonString());
        Assert.Equal(["header", "section", "context", "actions"], json.EnumerateArray().Select(b => b.Str("type")));
        var first = json[3].GetProperty("elements")[0];
        Assert.Equal("button", first.Str("type"));
        Assert.Equal("inbox.assign_me", first.Str("action_id"));
        Assert.Equal("123", first.Str("value"));
        Assert.Equal("primary", first.Str("style"));
    }

    private static IEnumerable<string> MrkdwnTexts(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object when element.TryGetProperty("type", out var type) && type.GetString() == "mrkdwn" => [element.Str("text")],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => MrkdwnTexts(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(MrkdwnTexts),
        _ => [],
    };
}
