using System.Text.Json.Serialization;

namespace Inbox.Slack.BlockKit;

/// <summary>A drop-down of up to 100 fixed options, with a placeholder (150) and an optional pre-selected option.</summary>
public sealed record StaticSelectElement : BlockElement
{
    public StaticSelectElement(string actionId, string placeholder, IEnumerable<Option> options, Option? initialOption = null)
        : base(actionId)
    {
        Placeholder = TextObject.Plain(placeholder, SlackLimits.Placeholder);
        // An ellipsis entry would itself be selectable, so extra options are simply left out.
        Options = options.Take(SlackLimits.SelectOptions).ToList();
        // Slack rejects an initial option that is not exactly one of the options.
        InitialOption = initialOption is not null && Options.Contains(initialOption) ? initialOption : null;
    }

    [JsonPropertyName("placeholder")]
    public TextObject Placeholder { get; }

    [JsonPropertyName("options")]
    public IReadOnlyList<Option> Options { get; }

    [JsonPropertyName("initial_option")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Option? InitialOption { get; }
}
