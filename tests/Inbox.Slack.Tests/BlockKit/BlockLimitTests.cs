using Inbox.Slack.BlockKit;

namespace Inbox.Slack.Tests.BlockKit;

// Limits from Slack's Block Kit reference; customer data over a limit is cut and marked, never refused.
public sealed class BlockLimitTests
{
    private static readonly string Long = new('x', 10_000);

    [Fact]
    public void Header_text_is_cut_to_150_with_an_ellipsis()
    {
        var text = new HeaderBlock(Long).Text.Text;

        Assert.Equal(150, text.Length);
        Assert.EndsWith("…", text);
    }

    [Fact]
    public void Section_text_is_cut_to_3000()
    {
        var section = SectionBlock.Markdown(Long);

        Assert.Equal(3000, section.Text!.Text.Length);
        Assert.EndsWith("…", section.Text.Text);
    }

    [Fact]
    public void Section_keeps_ten_fields_of_2000_and_says_how_many_more_there_were()
    {
        var section = new SectionBlock(fields: Enumerable.Range(0, 14).Select(_ => TextObject.Markdown(Long)));

        Assert.Equal(10, section.Fields!.Count);
        Assert.All(section.Fields, f => Assert.True(f.Text.Length <= 2000));
        Assert.Equal("… 5 more", section.Fields[^1].Text);
    }

    [Fact]
    public void Button_text_action_id_and_value_are_cut_to_75_255_and_2000()
    {
        var button = new ButtonElement(Long, Long, Long);

        Assert.Equal(75, button.Text.Text.Length);
        Assert.Equal(255, button.ActionId.Length);
        Assert.Equal(2000, button.Value!.Length);
        Assert.EndsWith("…", button.Value);
    }

    [Fact]
    public void A_button_url_too_long_to_be_kept_whole_is_left_out_rather_than_cut()
    {
        var button = new ButtonElement("Open", "open", url: "https://example.com/" + Long);

        Assert.Null(button.Url);
    }

    [Fact]
    public void Message_keeps_50_blocks_and_view_keeps_100_the_last_saying_how_many_were_left_out()
    {
        var blocks = Enumerable.Range(0, 130).Select(i => (Block)SectionBlock.Markdown($"row {i}")).ToList();

        var message = new SlackMessage("fallback", blocks);
        var home = new HomeView(blocks);
        var modal = new ModalView("Rows", blocks);

        Assert.Equal(50, message.Blocks.Count);
        Assert.Equal("… 81 more blocks not shown", Assert.IsType<ContextBlock>(message.Blocks[^1]).Elements[0].Text);
        Assert.Equal(100, home.Blocks.Count);
        Assert.Equal(100, modal.Blocks.Count);
        Assert.Equal("… 31 more blocks not shown", Assert.IsType<ContextBlock>(home.Blocks[^1]).Elements[0].Text);
    }

    [Fact]
    public void Modal_title_and_button_labels_are_cut_to_24()
    {
        var modal = new ModalView(Long, [], submit: Long, close: Long, callbackId: Long, privateMetadata: Long);

        Assert.Equal(24, modal.Title.Text.Length);
        Assert.Equal(24, modal.Submit!.Text.Length);
        Assert.Equal(24, modal.Close!.Text.Length);
        Assert.Equal(255, modal.CallbackId!.Length);
        Assert.Equal(3000, modal.PrivateMetadata!.Length);
    }

    [Fact]
    public void Select_options_are_capped_at_100_with_labels_of_75_and_values_of_150()
    {
        var select = new StaticSelectElement("pick", Long, Enumerable.Range(0, 120).Select(i => new Option(Long, $"{i}{Long}")));

        Assert.Equal(100, select.Options.Count);
        Assert.Equal(150, select.Placeholder.Text.Length);
        Assert.All(select.Options, o => Assert.Equal(75, o.Text.Text.Length));
        Assert.All(select.Options, o => Assert.Equal(150, o.Value.Length));
    }

    [Fact]
    public void An_initial_option_that_is_not_among_the_options_is_dropped()
    {
        var select = new StaticSelectElement("pick", "Pick", [new Option("A", "a")], new Option("B", "b"));

        Assert.Null(select.InitialOption);
    }

    [Fact]
    public void Context_keeps_ten_elements_and_actions_keep_25()
    {
        var context = new ContextBlock(Enumerable.Range(0, 12).Select(i => TextObject.Plain($"{i}")));
        var actions = new ActionsBlock(Enumerable.Range(0, 30).Select(i => new ButtonElement($"{i}", $"a{i}")));

        Assert.Equal(10, context.Elements.Count);
        Assert.Equal("…", context.Elements[^1].Text);
        Assert.Equal(25, actions.Elements.Count);
    }

    [Fact]
    public void Confirmation_dialog_fields_are_cut_to_100_300_and_30()
    {
        var dialog = new ConfirmationDialog(Long, TextObject.Plain(Long), Long, Long);

        Assert.Equal(100, dialog.Title.Text.Length);
        Assert.Equal(300, dialog.Text.Text.Length);
        Assert.Equal(30, dialog.Confirm.Text.Length);
        Assert.Equal(30, dialog.Deny.Text.Length);
    }

    [Fact]
    public void Empty_text_becomes_a_visible_dash_because_Slack_refuses_empty_text()
    {
        Assert.Equal("—", TextObject.Plain("").Text);
        Assert.Equal("—", TextObject.Markdown(null).Text);
        Assert.Equal("—", new SectionBlock().Text!.Text);
    }

    [Fact]
    public void Cutting_never_leaves_half_an_entity_or_half_an_emoji()
    {
        var entities = new string('a', 147) + "&amp;&amp;";
        var emoji = new string('a', 148) + "😀😀";

        var cutEntities = SlackLimits.Fit(entities, 150);
        var cutEmoji = SlackLimits.Fit(emoji, 150);

        Assert.Equal(new string('a', 147) + "…", cutEntities);
        Assert.Equal(new string('a', 148) + "…", cutEmoji);
        Assert.False(char.IsHighSurrogate(cutEmoji[^2]));
    }
}
