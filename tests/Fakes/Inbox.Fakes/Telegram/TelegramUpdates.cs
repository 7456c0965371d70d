using System.Text.Json.Nodes;

namespace Inbox.Fakes.Telegram;

/// <summary>Builds Update JSON as Telegram posts it to a webhook: texts, photos, documents, and the kinds a bot should ignore.</summary>
public static class TelegramUpdates
{
    private const long Date = 1_790_000_000;

    public static string Text(long updateId, FakeTelegramUser from, string text) =>
        Private(updateId, from, new JsonObject { ["text"] = text });

    /// <summary>A photo in the sizes given (Telegram lists them smallest first), with an optional caption.</summary>
    public static string Photo(long updateId, FakeTelegramUser from, IEnumerable<FakeTelegramFile> sizes, string? caption = null)
    {
        var photo = new JsonArray(sizes.Select(s => (JsonNode?)new JsonObject
        {
            ["file_id"] = s.FileId, ["file_unique_id"] = s.FileUniqueId, ["file_size"] = s.Size, ["width"] = s.Width, ["height"] = s.Height,
        }).ToArray());
        return Private(updateId, from, WithCaption(new JsonObject { ["photo"] = photo }, caption));
    }

    public static string Document(long updateId, FakeTelegramUser from, FakeTelegramFile file, string? fileName, string? mimeType, string? caption = null)
    {
        var document = new JsonObject { ["file_id"] = file.FileId, ["file_unique_id"] = file.FileUniqueId, ["file_size"] = file.Size };
        if (fileName is not null) document["file_name"] = fileName;
        if (mimeType is not null) document["mime_type"] = mimeType;
        return Private(updateId, from, WithCaption(new JsonObject { ["document"] = document }, caption));
    }

    public static string Sticker(long updateId, FakeTelegramUser from) => Private(updateId, from, new JsonObject
    {
        ["sticker"] = new JsonObject { ["file_id"] = "STICKER", ["file_unique_id"] = "S1", ["type"] = "regular", ["width"] = 512, ["height"] = 512, ["is_animated"] = false, ["is_video"] = false },
    });

    /// <summary>The user changed a message they sent earlier: an <c>edited_message</c> update.</summary>
    public static string EditedText(long updateId, FakeTelegramUser from, string text)
    {
        var message = Message(updateId, from, PrivateChat(from), new JsonObject { ["text"] = text });
        message["edit_date"] = Date + 60;
        return new JsonObject { ["update_id"] = updateId, ["edited_message"] = message }.ToJsonString();
    }

    public static string GroupText(long updateId, FakeTelegramUser from, long groupId, string text) => new JsonObject
    {
        ["update_id"] = updateId,
        ["message"] = Message(updateId, from, new JsonObject { ["id"] = groupId, ["type"] = "supergroup", ["title"] = "Customers" }, new JsonObject { ["text"] = text }),
    }.ToJsonString();

    public static string ChannelPost(long updateId, long channelId, string text) => new JsonObject
    {
        ["update_id"] = updateId,
        ["channel_post"] = new JsonObject
        {
            ["message_id"] = updateId, ["date"] = Date, ["text"] = text,
            ["chat"] = new JsonObject { ["id"] = channelId, ["type"] = "channel", ["title"] = "News" },
        },
    }.ToJsonString();

    /// <summary>A message in the private chat between <paramref name="from"/> and the bot, carrying <paramref name="content"/>'s fields.</summary>
    public static string Private(long updateId, FakeTelegramUser from, JsonObject content) =>
        new JsonObject { ["update_id"] = updateId, ["message"] = Message(updateId, from, PrivateChat(from), content) }.ToJsonString();

    private static JsonObject Message(long updateId, FakeTelegramUser from, JsonObject chat, JsonObject content)
    {
        var message = new JsonObject { ["message_id"] = updateId % 1_000_000, ["from"] = User(from), ["chat"] = chat, ["date"] = Date };
        foreach (var (name, value) in content.ToArray())
        {
            content.Remove(name);
            message[name] = value;
        }
        return message;
    }

    private static JsonObject User(FakeTelegramUser user)
    {
        var json = new JsonObject { ["id"] = user.Id, ["is_bot"] = user.IsBot, ["first_name"] = user.FirstName, ["language_code"] = "en" };
        if (user.LastName is not null) json["last_name"] = user.LastName;
        if (user.Username is not null) json["username"] = user.Username;
        return json;
    }

    private static JsonObject PrivateChat(FakeTelegramUser user)
    {
        var chat = new JsonObject { ["id"] = user.Id, ["type"] = "private", ["first_name"] = user.FirstName };
        if (user.LastName is not null) chat["last_name"] = user.LastName;
        if (user.Username is not null) chat["username"] = user.Username;
        return chat;
    }

    private static JsonObject WithCaption(JsonObject content, string? caption)
    {
        if (caption is not null) content["caption"] = caption;
        return content;
    }
}
