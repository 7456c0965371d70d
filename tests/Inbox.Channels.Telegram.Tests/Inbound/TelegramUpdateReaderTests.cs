using Inbox.Channels.Telegram.Inbound;
using Inbox.Fakes.Telegram;

namespace Inbox.Channels.Telegram.Tests.Inbound;

public sealed class TelegramUpdateReaderTests
{
    private static readonly FakeTelegramUser Ada = new(4242, "Ada", "Lovelace", "ada");

    [Fact]
    public void A_text_in_a_private_chat_is_a_customer_message_with_the_writers_id_and_name()
    {
        var wrote = Assert.IsType<TelegramUpdateReading.CustomerWrote>(TelegramUpdateReader.Read(TelegramUpdates.Text(77, Ada, "Where is my order?")));
        Assert.Equal(4242, wrote.UserId);
        Assert.Equal("Ada Lovelace", wrote.Name);
        Assert.Equal("Where is my order?", wrote.Text);
        Assert.Empty(wrote.Files);
        Assert.Equal("telegram:4242:77", wrote.ExternalId); // the chat and the message id: update_id may start again
    }

    [Fact]
    public void Of_a_photo_only_the_largest_size_is_taken_and_its_caption_is_the_text()
    {
        var small = new FakeTelegramFile("small", "u1", "photos/a.jpg", 1_000, [1], 90, 60);
        var medium = new FakeTelegramFile("medium", "u2", "photos/b.jpg", 20_000, [1], 320, 213);
        var large = new FakeTelegramFile("large", "u3", "photos/c.jpg", 90_000, [1], 1280, 853);
        var update = TelegramUpdates.Photo(78, Ada, [small, large, medium], caption: "The parcel arrived like this");

        var wrote = Assert.IsType<TelegramUpdateReading.CustomerWrote>(TelegramUpdateReader.Read(update));
        var photo = Assert.Single(wrote.Files);
        Assert.Equal("large", photo.FileId);
        Assert.Equal("image/jpeg", photo.ContentType);
        Assert.Equal("The parcel arrived like this", wrote.Text);
    }

    [Fact]
    public void A_document_keeps_its_name_and_type()
    {
        var file = new FakeTelegramFile("doc", "u", "documents/file_1.pdf", 5_000, [1]);
        var wrote = Assert.IsType<TelegramUpdateReading.CustomerWrote>(
            TelegramUpdateReader.Read(TelegramUpdates.Document(79, Ada, file, "invoice 42.pdf", "application/pdf")));
        var document = Assert.Single(wrote.Files);
        Assert.Equal(("doc", "invoice 42.pdf", "application/pdf", 5_000L), (document.FileId, document.Name, document.ContentType, document.Size));
        Assert.Equal("", wrote.Text);
    }

    [Fact]
    public void A_voice_message_is_a_file_too()
    {
        var update = TelegramUpdates.Private(80, Ada, new() { ["voice"] = new System.Text.Json.Nodes.JsonObject
        {
            ["file_id"] = "voice-1", ["file_unique_id"] = "v", ["duration"] = 3, ["mime_type"] = "audio/ogg",
        } });
        var wrote = Assert.IsType<TelegramUpdateReading.CustomerWrote>(TelegramUpdateReader.Read(update));
        Assert.Equal(("voice-1", "voice.ogg", "audio/ogg"), (wrote.Files[0].FileId, wrote.Files[0].FallbackName, wrote.Files[0].ContentType));
    }

    [Fact]
    public void Edits_group_messages_channel_posts_bots_and_stickers_are_ignored()
    {
        var bot = new FakeTelegramUser(999, "Other", IsBot: true);
        string[] updates =
        [
            TelegramUpdates.EditedText(1, Ada, "changed"),
            TelegramUpdates.GroupText(2, Ada, -100123, "hello group"),
            TelegramUpdates.ChannelPost(3, -100456, "news"),
            TelegramUpdates.Text(4, bot, "I am a bot"),
            TelegramUpdates.Sticker(5, Ada),
            """{"update_id":6,"callback_query":{"id":"1","from":{"id":1,"is_bot":false,"first_name":"A"},"chat_instance":"x"}}""",
        ];
        Assert.All(updates, u => Assert.IsType<TelegramUpdateReading.Ignored>(TelegramUpdateReader.Read(u)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"message":{"message_id":1,"chat":{"id":1,"type":"private"},"text":"no update id"}}""")]
    [InlineData("""{"update_id":"seven"}""")]
    [InlineData("""{"update_id":7,"message":{"message_id":1,"text":"no chat"}}""")]
    [InlineData("""{"update_id":7,"message":{"message_id":1,"chat":{"id":1,"type":"private"},"from":{"id":1,"is_bot":false,"first_name":"A"},"photo":[{"width":1,"height":1}]}}""")]
    public void A_body_that_is_not_an_update_is_malformed(string body) =>
        Assert.IsType<TelegramUpdateReading.Malformed>(TelegramUpdateReader.Read(body));

    [Fact]
    public void Unknown_fields_are_ignored()
    {
        var body = """{"update_id":8,"future":{"x":1},"message":{"message_id":1,"date":1,"chat":{"id":5,"type":"private","is_forum":false},"from":{"id":5,"is_bot":false,"first_name":"Bo","is_premium":true},"text":"hi","link_preview_options":{"is_disabled":true}}}""";
        Assert.Equal("hi", Assert.IsType<TelegramUpdateReading.CustomerWrote>(TelegramUpdateReader.Read(body)).Text);
    }
}
