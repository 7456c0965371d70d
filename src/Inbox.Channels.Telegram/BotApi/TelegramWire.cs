using System.Text.Json.Serialization;

namespace Inbox.Channels.Telegram.BotApi;

/// <summary>Arguments of sendMessage.</summary>
public sealed record SendMessageRequest(
    [property: JsonPropertyName("chat_id")] long ChatId,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("parse_mode")] string? ParseMode = null);

/// <summary>Arguments of getFile.</summary>
public sealed record GetFileRequest([property: JsonPropertyName("file_id")] string FileId);

/// <summary>The part of a sent Message that Inbox keeps: its id in the chat.</summary>
public sealed record SentMessage([property: JsonPropertyName("message_id")] long MessageId);

/// <summary>What getFile says about a file: where to download it from (valid for at least an hour).</summary>
public sealed record TelegramFile(
    [property: JsonPropertyName("file_id")] string FileId,
    [property: JsonPropertyName("file_size")] long? FileSize = null,
    [property: JsonPropertyName("file_path")] string? FilePath = null);

/// <summary>Bytes downloaded from Telegram's file server, or why there are none.</summary>
public sealed record TelegramDownload(byte[]? Content, TelegramApiResponse? Failure)
{
    public static TelegramDownload Of(byte[] content) => new(content, null);

    public static TelegramDownload Failed(TelegramApiResponse failure) => new(null, failure);
}
