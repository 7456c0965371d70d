namespace Inbox.Storage.Writing;

/// <summary>The PostgreSQL sequences message, conversation and outbox ids are drawn from.</summary>
internal static class IdSequences
{
    public const string Messages = "MessageIds";
    public const string Conversations = "ConversationIds";
    public const string Outbox = "OutboxIds";

    public static readonly string[] All = [Messages, Conversations, Outbox];
}
