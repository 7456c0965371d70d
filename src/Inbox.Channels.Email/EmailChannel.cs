namespace Inbox.Channels.Email;

/// <summary>The names the email channel is known by in the inbox: its outbox destination and its settings.</summary>
public static class EmailChannel
{
    /// <summary>The outbox destination of replies, and the destination their Message-IDs are recorded under.</summary>
    public const string Destination = "email";

    /// <summary>The bridge name its durable settings (the IMAP position) are kept under.</summary>
    public const string SettingsBridge = "email";
}
