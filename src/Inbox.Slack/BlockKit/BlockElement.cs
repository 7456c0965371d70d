using System.Text.Json.Serialization;

namespace Inbox.Slack.BlockKit;

/// <summary>An interactive element (button, select, text input) placed in an actions, section or input block.</summary>
/// <remarks>Its <c>action_id</c> comes back in <c>block_actions</c> and <c>view_submission</c> payloads.</remarks>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(ButtonElement), "button")]
[JsonDerivedType(typeof(StaticSelectElement), "static_select")]
[JsonDerivedType(typeof(PlainTextInputElement), "plain_text_input")]
public abstract record BlockElement
{
    private protected BlockElement(string actionId) => ActionId = SlackLimits.Fit(actionId, SlackLimits.ActionId);

    [JsonPropertyName("action_id")]
    public string ActionId { get; }
}
