using System.Text.Json.Serialization;

namespace Inbox.Channels.Telegram.Inbound;

/// <summary>An Update as Telegram posts it to the webhook, with only the fields Inbox reads (others are ignored).</summary>
/// <remarks>Parameters without a default are required by the Bot API and checked when reading (see <see cref="TelegramUpdateReader"/>).</remarks>
public sealed record TelegramUpdate(
    [property: JsonPropertyName("update_id")] long UpdateId,
    [property: JsonPropertyName("message")] TelegramMessage? Message = null);

/// <summary>A Message: who wrote it in which chat, and what it carries.</summary>
public sealed record TelegramMessage(
    [property: JsonPropertyName("message_id")] long MessageId,
    [property: JsonPropertyName("chat")] TelegramChat Chat,
    [property: JsonPropertyName("from")] TelegramUser? From = null,
    [property: JsonPropertyName("text")] string? Text = null,
    [property: JsonPropertyName("caption")] string? Caption = null,
    [property: JsonPropertyName("photo")] IReadOnlyList<TelegramPhotoSize>? Photo = null,
    [property: JsonPropertyName("document")] TelegramFileRef? Document = null,
    [property: JsonPropertyName("audio")] TelegramFileRef? Audio = null,
    [property: JsonPropertyName("voice")] TelegramFileRef? Voice = null,
    [property: JsonPropertyName("video")] TelegramFileRef? Video = null,
    [property: JsonPropertyName("video_note")] TelegramFileRef? VideoNote = null);

/// <summary>A Telegram user or bot.</summary>
public sealed record TelegramUser(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("is_bot")] bool IsBot,
    [property: JsonPropertyName("first_name")] string FirstName,
    [property: JsonPropertyName("last_name")] string? LastName = null,
    [property: JsonPropertyName("username")] string? Username = null);

/// <summary>The chat a message was sent in; <see cref="Type"/> is "private", "group", "supergroup" or "channel".</summary>
public sealed record TelegramChat(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("type")] string Type);

/// <summary>One size of a photo; Telegram sends several, smallest first.</summary>
public sealed record TelegramPhotoSize(
    [property: JsonPropertyName("file_id")] string FileId,
    [property: JsonPropertyName("width")] int Width,
    [property: JsonPropertyName("height")] int Height,
    [property: JsonPropertyName("file_size")] long? FileSize = null);

/// <summary>A document, audio, voice or video: a file with an optional name and type.</summary>
public sealed record TelegramFileRef(
    [property: JsonPropertyName("file_id")] string FileId,
    [property: JsonPropertyName("file_name")] string? FileName = null,
    [property: JsonPropertyName("mime_type")] string? MimeType = null,
    [property: JsonPropertyName("file_size")] long? FileSize = null);
