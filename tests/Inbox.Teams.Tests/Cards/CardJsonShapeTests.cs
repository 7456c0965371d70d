using System.Text.Json;
using Inbox.Teams.Cards;

namespace Inbox.Teams.Tests.Cards;

// Each expected shape follows the property tables of the Adaptive Cards 1.5 schema (adaptivecards.io schema explorer /
// Microsoft Learn "Schema Explorer"): exact type names, camelCase properties, lower-camel enum values.
public sealed class CardJsonShapeTests
{
    [Fact]
    public void Card_has_type_schema_version_1_5_and_body()
    {
        var json = CardJsonReader.Of(new AdaptiveCard([new TextBlock("Hello")]));

        Assert.Equal(["$schema", "body", "type", "version"], json.SortedNames());
        Assert.Equal("AdaptiveCard", json.Str("type"));
        Assert.Equal("http://adaptivecards.io/schemas/adaptive-card.json", json.Str("$schema"));
        Assert.Equal("1.5", json.Str("version"));
        Assert.Equal("TextBlock", json.Items("body")[0].Str("type"));
    }

    [Fact]
    public void Card_with_actions_and_refresh_writes_them_with_their_types()
    {
        var refresh = new CardRefresh(new ExecuteAction("Refresh", "inbox.refresh"), ["29:user-1"]);
        var card = new AdaptiveCard([new TextBlock("Hi")], [new ExecuteAction("Go", "go")], refresh);

        var json = CardJsonReader.Of(card);

        Assert.Equal("Action.Execute", json.Items("actions")[0].Str("type"));
        var refreshJson = json.GetProperty("refresh");
        Assert.Equal(["action", "userIds"], refreshJson.SortedNames());
        Assert.Equal("Action.Execute", refreshJson.GetProperty("action").Str("type"));
        Assert.Equal("inbox.refresh", refreshJson.GetProperty("action").Str("verb"));
        Assert.Equal(["29:user-1"], refreshJson.Items("userIds").Select(u => u.GetString()));
    }

    [Fact]
    public void Refresh_without_users_leaves_user_ids_out()
    {
        var json = CardJsonReader.Of(new AdaptiveCard([new TextBlock("Hi")], refresh: new CardRefresh(new ExecuteAction("Refresh", "r"), [])));

        Assert.Equal(["action"], json.GetProperty("refresh").SortedNames());
    }

    [Fact]
    public void Text_block_writes_text_wrap_and_every_style_it_is_given()
    {
        var block = new TextBlock("Status")
        {
            Weight = TextWeight.Bolder,
            Size = TextSize.ExtraLarge,
            Color = TextColor.Attention,
            IsSubtle = true,
            Spacing = CardSpacing.Small,
            Separator = true,
        };

        var json = CardJsonReader.Of(block);

        Assert.Equal(["color", "isSubtle", "separator", "size", "spacing", "text", "type", "weight", "wrap"], json.SortedNames());
        Assert.Equal("TextBlock", json.Str("type"));
        Assert.Equal("Status", json.Str("text"));
        Assert.True(json.GetProperty("wrap").GetBoolean());
        Assert.Equal("bolder", json.Str("weight"));
        Assert.Equal("extraLarge", json.Str("size"));
        Assert.Equal("attention", json.Str("color"));
        Assert.True(json.GetProperty("isSubtle").GetBoolean());
        Assert.Equal("small", json.Str("spacing"));
    }

    [Fact]
    public void Text_block_leaves_unset_styles_out_and_wraps_by_default()
    {
        var json = CardJsonReader.Of(new TextBlock("plain"));

        Assert.Equal(["text", "type", "wrap"], json.SortedNames());
        Assert.True(json.GetProperty("wrap").GetBoolean());
    }

    [Fact]
    public void Text_block_never_sends_empty_text()
    {
        Assert.Equal(CardText.EmptyPlaceholder, CardJsonReader.Of(new TextBlock("")).Str("text"));
    }

    [Fact]
    public void Fact_set_lists_title_value_pairs()
    {
        var json = CardJsonReader.Of(new FactSet([new Fact("Email", "jane@example.com"), new Fact("City", "London")]));

        Assert.Equal(["facts", "type"], json.SortedNames());
        Assert.Equal("FactSet", json.Str("type"));
        var facts = json.Items("facts");
        Assert.Equal(["title", "value"], facts[0].SortedNames());
        Assert.Equal(("Email", "jane@example.com"), (facts[0].Str("title"), facts[0].Str("value")));
        Assert.Equal(("City", "London"), (facts[1].Str("title"), facts[1].Str("value")));
    }

    [Fact]
    public void Container_holds_typed_items_and_its_style()
    {
        var json = CardJsonReader.Of(new Container([new TextBlock("a"), new FactSet([new Fact("k", "v")])], ContainerStyle.Emphasis));

        Assert.Equal(["items", "style", "type"], json.SortedNames());
        Assert.Equal("Container", json.Str("type"));
        Assert.Equal("emphasis", json.Str("style"));
        Assert.Equal(["TextBlock", "FactSet"], json.Items("items").Select(i => i.Str("type")));
    }

    [Fact]
    public void Choice_set_has_id_choices_and_validation()
    {
        var input = new InputChoiceSet("operatorId", [new InputChoice("Ann", "a-1"), new InputChoice("Bob", "b-2")], "Choose an operator")
        {
            Label = "Transfer to",
            IsRequired = true,
            ErrorMessage = "Pick someone",
            Style = ChoiceInputStyle.Filtered,
        };

        var json = CardJsonReader.Of(input);

        Assert.Equal(["choices", "errorMessage", "id", "isRequired", "label", "placeholder", "style", "type"], json.SortedNames());
        Assert.Equal("Input.ChoiceSet", json.Str("type"));
        Assert.Equal("operatorId", json.Str("id"));
        Assert.Equal("Choose an operator", json.Str("placeholder"));
        Assert.True(json.GetProperty("isRequired").GetBoolean());
        Assert.Equal("Pick someone", json.Str("errorMessage"));
        Assert.Equal("Transfer to", json.Str("label"));
        Assert.Equal("filtered", json.Str("style"));
        var choices = json.Items("choices");
        Assert.Equal(["title", "value"], choices[0].SortedNames());
        Assert.Equal([("Ann", "a-1"), ("Bob", "b-2")], choices.Select(c => (c.Str("title"), c.Str("value"))));
    }

    [Fact]
    public void Text_input_has_id_placeholder_and_multiline()
    {
        var json = CardJsonReader.Of(new InputText("note", "Write a note", isMultiline: true) { MaxLength = 500 });

        Assert.Equal(["id", "isMultiline", "maxLength", "placeholder", "type"], json.SortedNames());
        Assert.Equal("Input.Text", json.Str("type"));
        Assert.Equal("note", json.Str("id"));
        Assert.Equal("Write a note", json.Str("placeholder"));
        Assert.True(json.GetProperty("isMultiline").GetBoolean());
        Assert.Equal(500, json.GetProperty("maxLength").GetInt32());
    }

    [Fact]
    public void Inputs_require_an_id()
    {
        Assert.Throws<ArgumentException>(() => new InputText(" "));
    }

    [Fact]
    public void Execute_action_has_title_verb_data_and_style()
    {
        var action = new ExecuteAction("Close", "inbox.close", CardJson.Data(new ConversationActionData(123)))
        {
            Style = ActionStyle.Destructive,
            Mode = ActionMode.Secondary,
        };

        var json = CardJsonReader.Of(action);

        Assert.Equal(["data", "mode", "style", "title", "type", "verb"], json.SortedNames());
        Assert.Equal("Action.Execute", json.Str("type"));
        Assert.Equal("Close", json.Str("title"));
        Assert.Equal("inbox.close", json.Str("verb"));
        Assert.Equal("destructive", json.Str("style"));
        Assert.Equal("secondary", json.Str("mode"));
        Assert.Equal(JsonValueKind.Object, json.GetProperty("data").ValueKind);
        Assert.Equal(123, json.GetProperty("data").GetProperty("conversationId").GetInt64());
    }

    [Fact]
    public void Execute_action_without_data_or_style_leaves_them_out()
    {
        Assert.Equal(["title", "type", "verb"], CardJsonReader.Of(new ExecuteAction("Join", "inbox.join")).SortedNames());
    }

    [Fact]
    public void Positive_style_is_written_as_the_schema_names_it()
    {
        Assert.Equal("positive", CardJsonReader.Of(new ExecuteAction("Go", "go") { Style = ActionStyle.Positive }).Str("style"));
    }

    [Fact]
    public void Show_card_action_carries_a_nested_card_without_schema_or_version()
    {
        var form = AdaptiveCard.Nested([new InputText("reason")], [new ExecuteAction("Send", "send")]);

        var json = CardJsonReader.Of(new ShowCardAction("Transfer…", form));

        Assert.Equal(["card", "title", "type"], json.SortedNames());
        Assert.Equal("Action.ShowCard", json.Str("type"));
        Assert.Equal("Transfer…", json.Str("title"));
        var card = json.GetProperty("card");
        Assert.Equal(["actions", "body", "type"], card.SortedNames());
        Assert.Equal("AdaptiveCard", card.Str("type"));
        Assert.Equal("Input.Text", card.Items("body")[0].Str("type"));
        Assert.Equal("Action.Execute", card.Items("actions")[0].Str("type"));
    }

    [Fact]
    public void Attachment_wraps_the_card_with_the_adaptive_card_content_type()
    {
        var attachment = CardJsonReader.Parse(CardJson.Attachment(new AdaptiveCard([new TextBlock("Hi")])).ToJsonString());

        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.Str("contentType"));
        Assert.Equal("AdaptiveCard", attachment.GetProperty("content").Str("type"));
    }

    [Fact]
    public void Card_json_node_matches_the_serialized_string()
    {
        var card = new AdaptiveCard([new TextBlock("Hi")], [new ExecuteAction("Go", "go")]);

        Assert.Equal(CardJson.Serialize(card), CardJson.ToNode(card).ToJsonString(CardJson.Options));
    }

    [Theory]
    [InlineData(TextSize.Default, "default")]
    [InlineData(TextSize.Small, "small")]
    [InlineData(TextSize.Medium, "medium")]
    [InlineData(TextSize.Large, "large")]
    [InlineData(TextSize.ExtraLarge, "extraLarge")]
    public void Text_sizes_use_the_schema_names(TextSize size, string expected)
    {
        Assert.Equal(expected, CardJsonReader.Of(new TextBlock("x") { Size = size }).Str("size"));
    }

    [Theory]
    [InlineData(CardSpacing.None, "none")]
    [InlineData(CardSpacing.Medium, "medium")]
    [InlineData(CardSpacing.ExtraLarge, "extraLarge")]
    [InlineData(CardSpacing.Padding, "padding")]
    public void Spacings_use_the_schema_names(CardSpacing spacing, string expected)
    {
        Assert.Equal(expected, CardJsonReader.Of(new FactSet([]) { Spacing = spacing }).Str("spacing"));
    }

    [Theory]
    [InlineData(TextColor.Default, "default")]
    [InlineData(TextColor.Dark, "dark")]
    [InlineData(TextColor.Light, "light")]
    [InlineData(TextColor.Accent, "accent")]
    [InlineData(TextColor.Good, "good")]
    [InlineData(TextColor.Warning, "warning")]
    public void Colors_use_the_schema_names(TextColor color, string expected)
    {
        Assert.Equal(expected, CardJsonReader.Of(new TextBlock("x") { Color = color }).Str("color"));
    }

    [Fact]
    public void Lighter_weight_uses_the_schema_name()
    {
        Assert.Equal("lighter", CardJsonReader.Of(new TextBlock("x") { Weight = TextWeight.Lighter }).Str("weight"));
    }
}
