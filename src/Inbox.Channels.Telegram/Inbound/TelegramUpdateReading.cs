namespace Inbox.Channels.Telegram.Inbound;

/// <summary>What an update means for Inbox: a customer's message to store, something to ignore, or an unreadable body.</summary>
public abstract record TelegramUpdateReading
{
    private TelegramUpdateReading() { }

    /// <summary>Not an Update at all (not JSON, or a required field missing or of the wrong type): answered 400.</summary>
    public sealed record Malformed(string Reason) : TelegramUpdateReading;

    /// <summary>A valid update Inbox does not take (an edit, a group or channel post, a bot, a sticker): answered 200.</summary>
    public sealed record Ignored(long UpdateId, string Reason) : TelegramUpdateReading;

    /// <summary>A person wrote to the bot in a private chat.</summary>
    /// <param name="UserId">The writer's Telegram id, which is also the private chat's id.</param>
    /// <param name="Name">First and last name, else @username.</param>
    /// <param name="MessageId">The message's id within its chat.</param>
    public sealed record CustomerWrote(long UpdateId, long UserId, long MessageId, string? Name, string Text, IReadOnlyList<IncomingTelegramFile> Files)
        : TelegramUpdateReading
    {
        /// <summary>
        /// The message's id in Inbox, so an update Telegram sends again is stored once: the chat and the message id within it.
        /// Not the update_id, which Telegram may start again at random after a quiet week or for a new token.
        /// </summary>
        public string ExternalId => $"telegram:{UserId}:{MessageId}";
    }
}

/// <summary>A file a customer sent, still on Telegram's servers.</summary>
/// <param name="Name">The file's own name when Telegram knows it; else one is made up from <paramref name="FallbackName"/>.</param>
public sealed record IncomingTelegramFile(string FileId, string? Name, string FallbackName, string ContentType, long? Size);
