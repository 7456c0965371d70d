using System.Net;
using System.Net.Http.Headers;
using Inbox.Host.Tests.Api.Support;

namespace Inbox.Host.Tests.Slack;

public sealed class SlackAttachmentTests
{
    [Fact]
    public async Task A_file_sent_from_the_widget_shows_as_a_link_in_the_thread_that_opens_the_file()
    {
        await using var host = await SlackHost.StartAsync(new Dictionary<string, string?> { ["Widget:MaxAttachmentBytes"] = "2048" });
        using var visitor = await WidgetVisitor.OpenSessionAsync(host.Host);
        var id = await visitor.StartConversationAsync("Here is the receipt");

        using var sent = await visitor.Client.PostAsync($"/widget/api/conversations/{id}/files", Upload("receipt.txt", "text/plain", "paid 42 EUR"u8.ToArray()));
        var message = await sent.ShouldBe(HttpStatusCode.Created);
        var attachment = message["attachments"]![0]!;
        Assert.Equal("receipt.txt", attachment.String("name"));
        var url = attachment.String("url")!;

        await SlackHost.EventuallyAsync(() => host.Slack.Messages(SlackHost.Channel).Count == 3, "the file is in the thread");
        var posted = host.Slack.Messages(SlackHost.Channel).Last();
        Assert.Contains(new Uri(url).AbsolutePath, posted.BlocksJson);

        using var anyone = new HttpClient();
        using var opened = await anyone.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal("paid 42 EUR", await opened.Content.ReadAsStringAsync());
        Assert.Equal("nosniff", opened.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("attachment", opened.Content.Headers.ContentDisposition!.DispositionType);
    }

    [Fact]
    public async Task Files_over_the_limit_and_files_for_someone_elses_chat_are_refused()
    {
        await using var host = await SlackHost.StartAsync(new Dictionary<string, string?> { ["Widget:MaxAttachmentBytes"] = "1024" });
        using var owner = await WidgetVisitor.OpenSessionAsync(host.Host);
        using var stranger = await WidgetVisitor.OpenSessionAsync(host.Host);
        var id = await owner.StartConversationAsync("hello");

        using var tooBig = await owner.Client.PostAsync($"/widget/api/conversations/{id}/files", Upload("big.bin", "application/octet-stream", new byte[4096]));
        var problem = await tooBig.ShouldBeProblem(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("limit", problem.Detail());
        using var intruding = await stranger.Client.PostAsync($"/widget/api/conversations/{id}/files", Upload("x.txt", "text/plain", "hi"u8.ToArray()));
        await intruding.ShouldBeProblem(HttpStatusCode.NotFound);
        Assert.Single(await owner.MessagesAsync(id));
    }

    private static MultipartFormDataContent Upload(string name, string type, byte[] bytes)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        return new MultipartFormDataContent { { file, "file", name }, { new StringContent(Guid.NewGuid().ToString()), "clientMessageId" } };
    }
}
