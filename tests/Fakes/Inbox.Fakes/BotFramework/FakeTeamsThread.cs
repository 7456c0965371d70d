using System.Text.Json.Nodes;

namespace Inbox.Fakes.BotFramework;

/// <summary>A thread in a Teams channel as the fake holds it now (a snapshot: later posts and updates do not change it).</summary>
/// <param name="ConversationId">The thread's conversation id, <c>{channel id};messageid={root id}</c>.</param>
/// <param name="TenantId">The tenant named when the thread was created, if any.</param>
/// <param name="Activities">Everything posted in the thread in order, the root first (bot posts and user messages made with <see cref="ActivityBuilder"/>).</param>
public sealed record FakeTeamsThread(string ConversationId, string ChannelId, string? TenantId, string RootActivityId, IReadOnlyList<FakeTeamsActivity> Activities)
{
    /// <summary>The root post; null only for a thread the fake first heard of through a reply.</summary>
    public FakeTeamsActivity? Root => Activities.FirstOrDefault(a => a.Id == RootActivityId);

    public IReadOnlyList<FakeTeamsActivity> Replies => Activities.Where(a => a.Id != RootActivityId).ToArray();

    /// <summary>What the bot posted (root included when the bot started the thread).</summary>
    public IReadOnlyList<FakeTeamsActivity> BotActivities => Activities.Where(a => a.FromBot).ToArray();

    public FakeTeamsActivity? Activity(string activityId) => Activities.FirstOrDefault(a => a.Id == activityId);
}

/// <summary>One activity in a thread: its JSON as the bot last sent it (or as Teams delivered it, for user messages).</summary>
/// <param name="ReplyToId">The activity id given in a reply-to-activity call, or the <c>replyToId</c> of a user message.</param>
/// <param name="FromBot">True for activities the bot posted through the Connector.</param>
/// <param name="Edits">Earlier versions replaced by update-activity, oldest first.</param>
public sealed record FakeTeamsActivity(
    string Id,
    string ConversationId,
    string? ReplyToId,
    bool FromBot,
    string Json,
    DateTimeOffset PostedAt,
    IReadOnlyList<FakeTeamsActivityEdit> Edits)
{
    /// <summary>The current JSON parsed (a fresh copy each time).</summary>
    public JsonObject Activity => JsonNode.Parse(Json)!.AsObject();

    public string? Type => (string?)Activity["type"];

    public string? Text => (string?)Activity["text"];

    /// <summary>The first attachment's content when it is an Adaptive Card, else null.</summary>
    public JsonObject? AdaptiveCard =>
        Activity["attachments"] is JsonArray attachments
        && attachments.OfType<JsonObject>().FirstOrDefault(a => (string?)a["contentType"] == "application/vnd.microsoft.card.adaptive") is { } card
            ? card["content"] as JsonObject
            : null;
}

/// <summary>A version of an activity before an update replaced it.</summary>
public sealed record FakeTeamsActivityEdit(string Json, DateTimeOffset ReplacedAt);
