using System.Net;
using Inbox.Fakes.Telegram;
using Inbox.Host.Tests.Api.Support;
using Inbox.Host.Tests.Slack;

namespace Inbox.Host.Tests.Telegram;

/// <summary>Photos and documents customers send: fetched through the Bot API, stored, and opened from their links.</summary>
public sealed class TelegramAttachmentTests(TelegramHost host) : IClassFixture<TelegramHost>
{
    private readonly HttpClient _anyone = new();

    [Fact]
    public async Task A_photo_is_stored_in_its_largest_size_with_its_caption_and_opens_from_its_link()
    {
        var user = host.NewUser("Dora");
        var small = host.Telegram.AddFile("small jpeg"u8.ToArray(), "jpg", 90, 67);
        var large = host.Telegram.AddFile("the large jpeg bytes"u8.ToArray(), "jpg", 1280, 960);
        using var answer = await host.Webhook.PostAsync(TelegramUpdates.Photo(host.NewUpdateId(), user, [small, large], caption: "Broken on arrival"));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);

        var message = Assert.Single((await host.StoredConversationOfAsync(user))["messages"]!.AsArray());
        Assert.Equal("Broken on arrival", message.String("text"));
        var attachment = Assert.Single(message!["attachments"]!.AsArray());
        Assert.Equal("photo.jpg", attachment.String("name"));
        Assert.Equal("image/jpeg", attachment.String("contentType"));
        Assert.Equal(large.Size, attachment!["sizeBytes"]!.GetValue<long>());
        var url = attachment.String("url")!;
        Assert.StartsWith(host.Host.BaseAddress.AbsoluteUri.TrimEnd('/') + "/files/", url);

        using var opened = await _anyone.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal(large.Content, await opened.Content.ReadAsByteArrayAsync());
        Assert.DoesNotContain(host.Telegram.CallsTo("getFile"), c => c.Argument("file_id") == small.FileId);
    }

    [Fact]
    public async Task A_document_keeps_its_name_and_type_opens_from_its_link_and_shows_in_slack()
    {
        var user = host.NewUser("Eve");
        var file = host.Telegram.AddFile("%PDF-1.7 invoice"u8.ToArray(), "pdf");
        await host.Webhook.PostAsync(TelegramUpdates.Document(host.NewUpdateId(), user, file, "invoice #42.pdf", "application/pdf"));

        var message = Assert.Single((await host.StoredConversationOfAsync(user))["messages"]!.AsArray());
        var attachment = Assert.Single(message!["attachments"]!.AsArray());
        Assert.Equal("invoice #42.pdf", attachment.String("name"));
        Assert.Equal("application/pdf", attachment.String("contentType"));
        var url = attachment.String("url")!;
        Assert.EndsWith("/invoice%20%2342.pdf", url);
        using var opened = await _anyone.GetAsync(url);
        Assert.Equal("%PDF-1.7 invoice", await opened.Content.ReadAsStringAsync());

        await SlackHost.EventuallyAsync(() => host.Slack.Messages(SlackHost.Channel).Any(m => m.BlocksJson?.Contains(new Uri(url).AbsolutePath) == true),
            "the file's link is in the Slack thread");
    }

    [Fact]
    public async Task A_file_telegram_will_not_hand_out_is_named_in_the_message_instead()
    {
        var user = host.NewUser("Frank");
        var big = host.Telegram.AddTooBigFile();
        using var answer = await host.Webhook.PostAsync(TelegramUpdates.Document(host.NewUpdateId(), user, big with { Size = 1000 }, "huge.zip", "application/zip", caption: "the logs"));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);

        var message = Assert.Single((await host.StoredConversationOfAsync(user))["messages"]!.AsArray());
        Assert.Empty(message!["attachments"]!.AsArray());
        Assert.Equal("the logs\n(file not received: huge.zip: Bad Request: file is too big)", message.String("text"));
    }

    [Fact]
    public async Task When_telegrams_file_server_fails_the_update_is_refused_and_taken_whole_when_telegram_sends_it_again()
    {
        var user = host.NewUser("Grace");
        var file = host.Telegram.AddFile("scan"u8.ToArray(), "png");
        var update = TelegramUpdates.Document(host.NewUpdateId(), user, file, "scan.png", "image/png");
        host.Telegram.FailNext(FakeTelegram.FileDownload, 1, TelegramFault.ServerError);

        using var refused = await host.Webhook.PostAsync(update);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Null(await host.ConversationOfAsync(user));

        using var retried = await host.Webhook.PostAsync(update);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        var message = Assert.Single((await host.StoredConversationOfAsync(user))["messages"]!.AsArray());
        Assert.Equal("scan.png", Assert.Single(message!["attachments"]!.AsArray()).String("name"));
    }
}

/// <summary>Where file links point when the host sits behind a public address.</summary>
public sealed class TelegramFileLinkTests
{
    [Fact]
    public async Task File_links_use_the_widgets_public_address_when_telegram_has_none()
    {
        var host = new TelegramHost(new Dictionary<string, string?> { ["Widget:PublicBaseUrl"] = "https://inbox.example.com/" });
        await host.InitializeAsync();
        try
        {
            var user = host.NewUser("Heidi");
            var file = host.Telegram.AddFile([1, 2, 3], "txt");
            await host.Webhook.PostAsync(TelegramUpdates.Document(host.NewUpdateId(), user, file, "notes.txt", "text/plain"));

            var message = Assert.Single((await host.StoredConversationOfAsync(user))["messages"]!.AsArray());
            Assert.Matches("^https://inbox\\.example\\.com/files/[0-9a-f]{32}/notes\\.txt$", Assert.Single(message!["attachments"]!.AsArray()).String("url"));
        }
        finally
        {
            await host.DisposeAsync();
        }
    }
}
