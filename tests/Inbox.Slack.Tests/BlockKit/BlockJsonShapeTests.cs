using System.Text.Json;
using Inbox.Slack.BlockKit;

namespace Inbox.Slack.Tests.BlockKit;

// Each expected shape follows the JSON examples and field tables of Slack's Block Kit reference (docs.slack.dev).
public sealed class BlockJsonShapeTests
{
    [Fact]
    public void Header_block_is_type_header_with_plain_text()
    {
        var json = BlockJson.Of(new HeaderBlock("A Heartfelt Header"));

        Assert.Equal(["type", "text"], json.Names());
        Assert.Equal("header", json.Str("type"));
        BlockJson.AssertText(json.GetProperty("text"), "plain_text", "A Heartfelt Header");
        Assert.True(json.GetProperty("text").GetProperty("emoji").GetBoolean());
    }

    [Fact]
    public void Section_block_carries_mrkdwn_text_fields_and_a_button_accessory()
    {
        var section = new SectionBlock(
            TextObject.Markdown("A message *with some bold text*"),
            [TextObject.Markdown("*Type:*\nPaid"), TextObject.Plain("When")],
            new ButtonElement("Click Me", "button-action", "click_me_123"),
            blockId: "section-1");

        var json = BlockJson.Of(section);

        Assert.Equal("section", json.Str("type"));
        Assert.Equal("section-1", json.Str("block_id"));
        BlockJson.AssertText(json.GetProperty("text"), "mrkdwn", "A message *with some bold text*");
        Assert.False(json.GetProperty("text").TryGetProperty("emoji", out _), "emoji belongs to plain_text only");
        var fields = json.GetProperty("fields").EnumerateArray().ToList();
        Assert.Equal(2, fields.Count);
        BlockJson.AssertText(fields[0], "mrkdwn", "*Type:*\nPaid");
        BlockJson.AssertText(fields[1], "plain_text", "When");
        var accessory = json.GetProperty("accessory");
        Assert.Equal("button", accessory.Str("type"));
        Assert.Equal("button-action", accessory.Str("action_id"));
        Assert.Equal("click_me_123", accessory.Str("value"));
    }

    [Fact]
    public void Section_without_fields_or_accessory_leaves_them_out()
    {
        var json = BlockJson.Of(SectionBlock.Markdown("just text"));

        Assert.Equal(["text", "type"], json.Names().Order().ToArray());
    }

    [Fact]
    public void Context_block_lists_its_text_elements()
    {
        var json = BlockJson.Of(new ContextBlock([TextObject.Markdown("Location: *Dogpatch*"), TextObject.Plain("Author: K A Applegate")]));

        Assert.Equal("context", json.Str("type"));
        var elements = json.GetProperty("elements").EnumerateArray().ToList();
        BlockJson.AssertText(elements[0], "mrkdwn", "Location: *Dogpatch*");
        BlockJson.AssertText(elements[1], "plain_text", "Author: K A Applegate");
    }

    [Fact]
    public void Divider_block_is_only_its_type()
    {
        var json = BlockJson.Of(new DividerBlock());

        Assert.Equal(["type"], json.Names());
        Assert.Equal("divider", json.Str("type"));
    }

    [Fact]
    public void Actions_block_holds_styled_buttons_and_a_static_select()
    {
        var approve = new ButtonElement("Approve", "approve", "v1", ButtonStyle.Primary);
        var reject = new ButtonElement("Reject", "reject", "v1", ButtonStyle.Danger,
            confirm: new ConfirmationDialog("Are you sure?", TextObject.Markdown("Wouldn't you prefer a good game of _chess_?"), "Do it", "Stop, I've changed my mind!"));
        var pick = new Option("Maru", "maru");
        var select = new StaticSelectElement("pick", "Select an item", [pick, new Option("Lucy", "lucy")], pick);

        var json = BlockJson.Of(new ActionsBlock([approve, reject, select], "actions-1"));

        Assert.Equal("actions", json.Str("type"));
        Assert.Equal("actions-1", json.Str("block_id"));
        var elements = json.GetProperty("elements").EnumerateArray().ToList();
        Assert.Equal(["button", "button", "static_select"], elements.Select(e => e.Str("type")));
        Assert.Equal("primary", elements[0].Str("style"));
        BlockJson.AssertText(elements[0].GetProperty("text"), "plain_text", "Approve");
        Assert.Equal("danger", elements[1].Str("style"));
        var confirm = elements[1].GetProperty("confirm");
        BlockJson.AssertText(confirm.GetProperty("title"), "plain_text", "Are you sure?");
        BlockJson.AssertText(confirm.GetProperty("text"), "mrkdwn", "Wouldn't you prefer a good game of _chess_?");
        BlockJson.AssertText(confirm.GetProperty("confirm"), "plain_text", "Do it");
        BlockJson.AssertText(confirm.GetProperty("deny"), "plain_text", "Stop, I've changed my mind!");
        Assert.Equal("pick", elements[2].Str("action_id"));
        BlockJson.AssertText(elements[2].GetProperty("placeholder"), "plain_text", "Select an item");
        var options = elements[2].GetProperty("options").EnumerateArray().ToList();
        Assert.Equal(["maru", "lucy"], options.Select(o => o.Str("value")));
        BlockJson.AssertText(options[0].GetProperty("text"), "plain_text", "Maru");
        Assert.Equal("maru", elements[2].GetProperty("initial_option").Str("value"));
    }

    [Fact]
    public void A_button_without_style_value_url_or_confirm_has_none_of_those_keys()
    {
        var json = BlockJson.Of(new ActionsBlock([new ButtonElement("Details", "inbox.details")]));
        var button = json.GetProperty("elements")[0];

        Assert.Equal(["action_id", "text", "type"], button.Names().Order().ToArray());
    }

    [Fact]
    public void Input_block_has_label_element_block_id_and_optional()
    {
        var input = new InputBlock("Note", new PlainTextInputElement("note_text", "Write a note", multiline: true), "note", optional: true, hint: "Operators only");

        var json = BlockJson.Of(input);

        Assert.Equal("input", json.Str("type"));
        Assert.Equal("note", json.Str("block_id"));
        Assert.True(json.GetProperty("optional").GetBoolean());
        BlockJson.AssertText(json.GetProperty("label"), "plain_text", "Note");
        BlockJson.AssertText(json.GetProperty("hint"), "plain_text", "Operators only");
        var element = json.GetProperty("element");
        Assert.Equal("plain_text_input", element.Str("type"));
        Assert.Equal("note_text", element.Str("action_id"));
        Assert.True(element.GetProperty("multiline").GetBoolean());
    }

    [Fact]
    public void A_required_input_leaves_optional_out()
    {
        var json = BlockJson.Of(new InputBlock("To", new StaticSelectElement("to", "Pick someone", [new Option("Ann", "a")])));

        Assert.False(json.TryGetProperty("optional", out _));
        Assert.False(json.TryGetProperty("block_id", out _));
    }

    [Fact]
    public void Modal_view_has_type_title_submit_close_callback_and_metadata()
    {
        var modal = new ModalView("Transfer #42",
            [new InputBlock("To", new StaticSelectElement("to", "Pick an operator", [new Option("Ann", "a")]), "transfer_to")],
            submit: "Transfer", close: "Cancel", callbackId: "inbox.transfer", privateMetadata: "42");

        var json = BlockJson.Of(modal);

        Assert.Equal("modal", json.Str("type"));
        BlockJson.AssertText(json.GetProperty("title"), "plain_text", "Transfer #42");
        BlockJson.AssertText(json.GetProperty("submit"), "plain_text", "Transfer");
        BlockJson.AssertText(json.GetProperty("close"), "plain_text", "Cancel");
        Assert.Equal("inbox.transfer", json.Str("callback_id"));
        Assert.Equal("42", json.Str("private_metadata"));
        Assert.Equal("input", json.GetProperty("blocks")[0].Str("type"));
    }

    [Fact]
    public void Modal_with_an_input_gets_a_submit_label_even_if_none_was_given()
    {
        var json = BlockJson.Of(new ModalView("Note", [new InputBlock("Text", new PlainTextInputElement("t"))]));

        BlockJson.AssertText(json.GetProperty("submit"), "plain_text", "Submit");
        Assert.False(json.TryGetProperty("close", out _));
        Assert.False(json.TryGetProperty("private_metadata", out _));
    }

    [Fact]
    public void Home_view_is_type_home_with_blocks()
    {
        var json = BlockJson.Of(new HomeView([new HeaderBlock("Inbox"), new DividerBlock()]));

        Assert.Equal(["type", "blocks"], json.Names());
        Assert.Equal("home", json.Str("type"));
        Assert.Equal(["header", "divider"], json.GetProperty("blocks").EnumerateArray().Select(b => b.Str("type")));
    }

    [Fact]
    public void Block_lists_keep_type_and_snake_case_names_under_any_serializer_options()
    {
        Block[] blocks = [new ActionsBlock([new ButtonElement("Go", "go")], "b1")];

        foreach (var options in new[] { new JsonSerializerOptions(), new JsonSerializerOptions(JsonSerializerDefaults.Web) })
        {
            var json = BlockJson.Parse(JsonSerializer.Serialize(blocks, options))[0];
            Assert.Equal("actions", json.Str("type"));
            Assert.Equal("b1", json.Str("block_id"));
            Assert.Equal("go", json.GetProperty("elements")[0].Str("action_id"));
            Assert.False(json.GetProperty("elements")[0].TryGetProperty("value", out _));
        }
    }

    [Fact]
    public void Text_objects_carry_only_type_text_and_their_own_flag()
    {
        var json = BlockJson.Of(new ContextBlock([TextObject.Plain("p"), TextObject.Markdown("m"), TextObject.Markdown("v", verbatim: true)]));
        var elements = json.GetProperty("elements").EnumerateArray().ToList();

        Assert.Equal(["emoji", "text", "type"], elements[0].Names().Order().ToArray());
        Assert.Equal(["text", "type"], elements[1].Names().Order().ToArray());
        Assert.Equal(["text", "type", "verbatim"], elements[2].Names().Order().ToArray());
    }

    [Fact]
    public void Every_key_in_a_full_modal_is_a_snake_case_Slack_name()
    {
        var modal = new ModalView("Transfer", [
            new HeaderBlock("h"), new DividerBlock(), new ContextBlock([TextObject.Markdown("c")]),
            new SectionBlock(TextObject.Markdown("s"), [TextObject.Plain("f")], new ButtonElement("b", "b", "1", ButtonStyle.Danger, "https://x.example",
                new ConfirmationDialog("t", TextObject.Plain("x")))),
            new ActionsBlock([new StaticSelectElement("s", "p", [new Option("o", "o", "d")], new Option("o", "o", "d"))]),
            new InputBlock("l", new PlainTextInputElement("i", "p", true, "v", 100), "in", true, "h"),
        ], "Go", "Back", "cb", "meta");

        var keys = AllKeys(BlockJson.Of(modal)).Distinct().Order().ToList();

        Assert.All(keys, k => Assert.Matches("^[a-z]+(_[a-z]+)*$", k));
        Assert.Equal(
            ["accessory", "action_id", "block_id", "blocks", "callback_id", "close", "confirm", "deny", "description", "element", "elements", "emoji",
             "fields", "hint", "initial_option", "initial_value", "label", "max_length", "multiline", "optional", "options", "placeholder",
             "private_metadata", "style", "submit", "text", "title", "type", "url", "value"],
            keys);
    }

    private static IEnumerable<string> AllKeys(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => AllKeys(p.Value).Prepend(p.Name)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(AllKeys),
        _ => [],
    };

    [Fact]
    public void Type_comes_first_in_every_block()
    {
        var json = BlockJson.Of(new SectionBlock(TextObject.Markdown("x"), blockId: "id"));

        Assert.Equal("type", json.Names()[0]);
    }
}
