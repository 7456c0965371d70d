using System.Text.Json;

namespace Inbox.Slack.Mirroring;

/// <summary>The outbox payload of a Slack delivery: what to do, for which conversation (and message); the rest is read fresh at delivery time.</summary>
/// <param name="Channel">For a move: the channel that takes the thread.</param>
public sealed record SlackPush(SlackPushKind Kind, long ConversationId, long? MessageId = null, string? Channel = null)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static SlackPush? FromJson(string json) => JsonSerializer.Deserialize<SlackPush>(json, Json);
}

public enum SlackPushKind
{
    /// <summary>Start the conversation's thread with its root card.</summary>
    Root,
    /// <summary>Post a message into the thread.</summary>
    Message,
    /// <summary>Redraw the root card in place (status, assignee, tags changed).</summary>
    RootUpdate,
    /// <summary>Start the thread again in <see cref="SlackPush.Channel"/>, linked to the old one, which is redrawn as moved.</summary>
    Move,
}
