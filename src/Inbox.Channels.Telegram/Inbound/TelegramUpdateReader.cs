using System.Text.Json;

namespace Inbox.Channels.Telegram.Inbound;

/// <summary>Reads a webhook body into what it means for Inbox: text (or a caption), the largest photo size, documents and other files.</summary>
public static class TelegramUpdateReader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // The Bot API's required fields are required here too: an update without them is answered 400, not half-stored.
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
    };

    public static TelegramUpdateReading Read(string body)
    {
        TelegramUpdate? update;
        try { update = JsonSerializer.Deserialize<TelegramUpdate>(body, Json); }
        catch (JsonException error) { return new TelegramUpdateReading.Malformed($"The body is not a Telegram Update: {error.Message}"); }
        if (update is null) return new TelegramUpdateReading.Malformed("The body is not a Telegram Update.");

        var message = update.Message;
        if (message is null)
            return new TelegramUpdateReading.Ignored(update.UpdateId, "not a new message (an edit, a channel post or another kind of update)");
        if (message.Chat.Type != "private")
            return new TelegramUpdateReading.Ignored(update.UpdateId, $"written in a {message.Chat.Type} chat, not a private one");
        if (message.From is not { IsBot: false } from)
            return new TelegramUpdateReading.Ignored(update.UpdateId, "not written by a person");

        var files = FilesOf(message);
        var text = message.Text ?? message.Caption ?? "";
        if (string.IsNullOrWhiteSpace(text) && files.Count == 0)
            return new TelegramUpdateReading.Ignored(update.UpdateId, "carries nothing Inbox can show (a sticker, location, poll, ...)");
        return new TelegramUpdateReading.CustomerWrote(update.UpdateId, from.Id, message.MessageId, TelegramContactName.Of(from), text, files);
    }

    private static List<IncomingTelegramFile> FilesOf(TelegramMessage message)
    {
        var files = new List<IncomingTelegramFile>();
        // Telegram sends each photo in several sizes; the customer meant the largest.
        // A null size is not a photo (the deserializer checks fields, not list items).
        if (message.Photo?.Where(s => s is not null).ToList() is { Count: > 0 } sizes)
        {
            var largest = sizes.MaxBy(s => ((long)s.Width * s.Height, s.FileSize ?? 0))!;
            files.Add(new IncomingTelegramFile(largest.FileId, null, "photo.jpg", "image/jpeg", largest.FileSize));
        }
        Add(files, message.Document, "document", "application/octet-stream");
        Add(files, message.Audio, "audio", "audio/mpeg");
        Add(files, message.Voice, "voice.ogg", "audio/ogg");
        Add(files, message.Video, "video.mp4", "video/mp4");
        Add(files, message.VideoNote, "video-note.mp4", "video/mp4");
        return files;
    }

    private static void Add(List<IncomingTelegramFile> files, TelegramFileRef? file, string fallbackName, string fallbackType)
    {
        if (file is null) return;
        var type = string.IsNullOrWhiteSpace(file.MimeType) ? fallbackType : file.MimeType.Trim();
        files.Add(new IncomingTelegramFile(file.FileId, string.IsNullOrWhiteSpace(file.FileName) ? null : file.FileName, fallbackName, type, file.FileSize));
    }
}
