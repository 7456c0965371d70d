using System.Text.Json.Serialization;

namespace Inbox.Slack.BlockKit;

/// <summary>A Block Kit text object: <c>plain_text</c> (shown literally) or <c>mrkdwn</c> (parsed; escape customer text first).</summary>
public sealed record TextObject
{
    public const string PlainTextType = "plain_text";
    public const string MarkdownType = "mrkdwn";

    /// <summary>Slack refuses empty text objects; an absent value is shown as this.</summary>
    public const string EmptyPlaceholder = "—";

    private TextObject(string type, string text, bool? emoji, bool? verbatim)
    {
        Type = type;
        Text = text;
        Emoji = emoji;
        Verbatim = verbatim;
    }

    [JsonPropertyName("type")]
    public string Type { get; }

    [JsonPropertyName("text")]
    public string Text { get; }

    /// <summary>Only for plain_text: whether <c>:emoji:</c> codes render as emoji.</summary>
    [JsonPropertyName("emoji")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Emoji { get; }

    /// <summary>Only for mrkdwn: true stops Slack auto-linking URLs and names in the text.</summary>
    [JsonPropertyName("verbatim")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Verbatim { get; }

    [JsonIgnore]
    public bool IsMarkdown => Type == MarkdownType;

    /// <summary>Plain text, fitted to <paramref name="max"/> characters (3,000 at most).</summary>
    public static TextObject Plain(string? text, int max = SlackLimits.Text, bool emoji = true) =>
        new(PlainTextType, Prepare(text, max), emoji, null);

    /// <summary>mrkdwn text, fitted to <paramref name="max"/> characters; <paramref name="verbatim"/> for customer-written text.</summary>
    public static TextObject Markdown(string? text, int max = SlackLimits.Text, bool verbatim = false) =>
        new(MarkdownType, Prepare(text, max), null, verbatim ? true : null);

    /// <summary>This text object fitted to a tighter limit (a field, a button label, ...).</summary>
    public TextObject FittedTo(int max) =>
        Text.Length <= max ? this : new(Type, Prepare(Text, max), Emoji, Verbatim);

    private static string Prepare(string? text, int max) =>
        SlackLimits.Fit(string.IsNullOrEmpty(text) ? EmptyPlaceholder : text, Math.Min(max, SlackLimits.Text));
}
