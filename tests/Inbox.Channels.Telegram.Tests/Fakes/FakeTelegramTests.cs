using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Inbox.Fakes.Telegram;

namespace Inbox.Channels.Telegram.Tests.Fakes;

/// <summary>The fake answers as api.telegram.org does, so the channel's tests prove something about the real one.</summary>
public sealed class FakeTelegramTests : IAsyncLifetime
{
    private FakeTelegram _telegram = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync() => _telegram = await FakeTelegram.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _telegram.DisposeAsync();
    }

    private Uri Method(string method, string? token = null) => new($"{_telegram.ApiBaseUrl.AbsoluteUri.TrimEnd('/')}/bot{token ?? _telegram.BotToken}/{method}");

    private static async Task<JsonObject> Body(HttpResponseMessage response) => (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    [Fact]
    public async Task A_wrong_token_gets_401_unauthorized_in_telegrams_envelope()
    {
        using var response = await _http.PostAsJsonAsync(Method("sendMessage", "123:nope"), new { chat_id = 1, text = "hi" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("""{"ok":false,"error_code":401,"description":"Unauthorized"}""", (await Body(response)).ToJsonString());
    }

    [Fact]
    public async Task Send_message_takes_a_url_encoded_form_as_well_as_json()
    {
        using var response = await _http.PostAsync(Method("sendMessage"), new FormUrlEncodedContent(new Dictionary<string, string> { ["chat_id"] = "55", ["text"] = "from a form" }));
        var body = await Body(response);
        Assert.True(body["ok"]!.GetValue<bool>());
        Assert.Equal(1, body["result"]!["message_id"]!.GetValue<long>());
        Assert.Equal("from a form", Assert.Single(_telegram.Messages(55)).Text);
    }

    [Theory]
    [InlineData("<b>unclosed", "can't parse entities")]
    [InlineData("<script>x</script>", "Unsupported start tag \"script\"")]
    [InlineData("a < b", "can't parse entities")]
    public async Task Html_telegram_cannot_parse_is_refused_with_400(string text, string expected)
    {
        using var response = await _http.PostAsJsonAsync(Method("sendMessage"), new { chat_id = 1, text, parse_mode = "HTML" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, (await Body(response))["description"]!.GetValue<string>());
        Assert.Empty(_telegram.Messages(1));
    }

    [Fact]
    public async Task A_text_over_4096_characters_is_too_long()
    {
        using var response = await _http.PostAsJsonAsync(Method("sendMessage"), new { chat_id = 1, text = new string('x', 4097) });
        Assert.Equal("Bad Request: message is too long", (await Body(response))["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_429_fault_carries_retry_after_in_the_body()
    {
        _telegram.FailNext("sendMessage", 1, TelegramFault.TooManyRequests(3));
        using var response = await _http.PostAsJsonAsync(Method("sendMessage"), new { chat_id = 1, text = "hi" });
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var body = await Body(response);
        Assert.Equal("Too Many Requests: retry after 3", body["description"]!.GetValue<string>());
        Assert.Equal(3, body["parameters"]!["retry_after"]!.GetValue<int>());
    }

    [Fact]
    public async Task Files_are_served_only_with_the_right_token()
    {
        var file = _telegram.AddFile([9, 8, 7], "jpg", 640, 480);
        Assert.Equal([9, 8, 7], await _http.GetByteArrayAsync($"{_telegram.ApiBaseUrl.AbsoluteUri.TrimEnd('/')}/file/bot{_telegram.BotToken}/{file.FilePath}"));
        using var refused = await _http.GetAsync($"{_telegram.ApiBaseUrl.AbsoluteUri.TrimEnd('/')}/file/bot123:nope/{file.FilePath}");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }
}
