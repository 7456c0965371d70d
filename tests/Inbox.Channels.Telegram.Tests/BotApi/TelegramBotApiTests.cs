using Inbox.Channels.Telegram.BotApi;
using Inbox.Fakes.Telegram;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Inbox.Channels.Telegram.Tests.BotApi;

public sealed class TelegramBotApiTests : IAsyncLifetime
{
    private FakeTelegram _telegram = null!;

    public async Task InitializeAsync() => _telegram = await FakeTelegram.StartAsync();

    public async Task DisposeAsync() => await _telegram.DisposeAsync();

    private TelegramBotApi Api(TimeSpan? timeout = null) => new(
        new HttpClient(),
        Options.Create(new TelegramOptions
        {
            BotToken = _telegram.BotToken, WebhookSecret = "secret", ApiBaseUrl = _telegram.ApiBaseUrl, RequestTimeout = timeout ?? TimeSpan.FromSeconds(5),
        }),
        NullLogger<TelegramBotApi>.Instance);

    [Fact]
    public async Task A_file_is_found_with_getFile_and_downloaded_from_the_file_server()
    {
        var hosted = _telegram.AddFile("%PDF-1.7 fake"u8.ToArray(), "pdf");
        var (file, answer) = await Api().GetFileAsync(hosted.FileId, CancellationToken.None);

        Assert.True(answer.Ok, answer.ToString());
        Assert.Equal(hosted.FilePath, file!.FilePath);
        var download = await Api().DownloadAsync(file.FilePath!, CancellationToken.None);
        Assert.Equal(hosted.Content, download.Content);
        Assert.Equal([.. new[] { "getFile", FakeTelegram.FileDownload }], _telegram.Calls.Select(c => c.Method));
    }

    [Fact]
    public async Task A_file_over_the_bot_api_limit_is_refused_for_good()
    {
        var big = _telegram.AddTooBigFile();
        var (file, answer) = await Api().GetFileAsync(big.FileId, CancellationToken.None);
        Assert.Null(file);
        Assert.Equal(TelegramOutcome.Refused, answer.Outcome);
        Assert.Equal("Bad Request: file is too big", answer.Description);
    }

    [Fact]
    public async Task A_failing_file_server_is_transient()
    {
        var hosted = _telegram.AddFile([1, 2, 3]);
        _telegram.FailNext(FakeTelegram.FileDownload, 1, TelegramFault.ServerError);
        var download = await Api().DownloadAsync(hosted.FilePath, CancellationToken.None);
        Assert.Null(download.Content);
        Assert.Equal(TelegramOutcome.Transient, download.Failure!.Outcome);
    }

    [Fact]
    public async Task A_call_slower_than_the_request_timeout_is_transient()
    {
        _telegram.FailNext("sendMessage", 1, TelegramFault.Timeout(TimeSpan.FromSeconds(30)));
        var answer = await Api(TimeSpan.FromMilliseconds(200)).SendMessageAsync(new SendMessageRequest(1, "hi"), CancellationToken.None);
        Assert.Equal(TelegramOutcome.Transient, answer.Outcome);
        Assert.Contains("timed out", answer.Description);
    }

    [Fact]
    public async Task Calls_go_to_the_configured_base_address_with_the_token_in_the_path()
    {
        var answer = await Api().SendMessageAsync(new SendMessageRequest(77, "hello"), CancellationToken.None);
        Assert.True(answer.Ok, answer.ToString());
        var call = Assert.Single(_telegram.CallsTo("sendMessage"));
        Assert.Equal("77", call.Argument("chat_id"));
        Assert.StartsWith("application/json", call.ContentType);
        Assert.Null(call.Argument("parse_mode"));
    }
}
