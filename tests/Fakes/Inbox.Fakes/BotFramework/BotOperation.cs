namespace Inbox.Fakes.BotFramework;

/// <summary>Names of the calls the fake answers, as used by <see cref="FakeBotFramework.FailNext"/> and <see cref="RecordedBotCall.Operation"/>.</summary>
public static class BotOperation
{
    public const string OpenIdMetadata = "OpenIdMetadata";
    public const string Keys = "Keys";

    /// <summary>The client-credentials token endpoint.</summary>
    public const string Token = "Token";

    public const string CreateConversation = "CreateConversation";
    public const string SendToConversation = "SendToConversation";
    public const string ReplyToActivity = "ReplyToActivity";
    public const string UpdateActivity = "UpdateActivity";
    public const string GetConversationMember = "GetConversationMember";
    public const string GetConversationMembers = "GetConversationMembers";

    /// <summary>A request matching no route (answered 404).</summary>
    public const string Unknown = "Unknown";
}
