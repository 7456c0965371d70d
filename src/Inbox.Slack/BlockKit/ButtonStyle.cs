using System.Text.Json.Serialization;

namespace Inbox.Slack.BlockKit;

/// <summary>Slack's two button colours; leave the style out for the default grey.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ButtonStyle>))]
public enum ButtonStyle
{
    /// <summary>Green: the one affirmative action of a set.</summary>
    [JsonStringEnumMemberName("primary")]
    Primary,

    /// <summary>Red: destructive actions.</summary>
    [JsonStringEnumMemberName("danger")]
    Danger,
}
