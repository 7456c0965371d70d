using System.Text.Json.Serialization;

namespace Inbox.Teams.Cards;

/// <summary>A free-text field, one line or (with <see cref="IsMultiline"/>) a text area.</summary>
public sealed record InputText : CardInput
{
    public InputText(string id, string? placeholder = null, bool isMultiline = false) : base(id)
    {
        Placeholder = placeholder;
        IsMultiline = isMultiline;
    }

    [JsonPropertyName("placeholder")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Placeholder { get; init; }

    [JsonPropertyName("isMultiline")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool IsMultiline { get; init; }

    /// <summary>A hint only: clients may let longer text through, so the bot still checks.</summary>
    [JsonPropertyName("maxLength")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? MaxLength { get; init; }

    internal override CardElement MapTexts(Func<string, string> map) => this;
}
