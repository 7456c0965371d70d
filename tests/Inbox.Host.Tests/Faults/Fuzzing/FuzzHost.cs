using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Inbox.Fakes.BotFramework;
using Inbox.Fakes.Slack;
using Inbox.Fakes.Telegram;
using Inbox.Host.Tests.Api.Support;
using Inbox.Host.Tests.Slack;

namespace Inbox.Host.Tests.Faults.Fuzzing;

/// <summary>
/// The real host with every inbound endpoint on (widget, operator API, Slack, Teams, Telegram) against the fakes, and one
/// conversation that already has its Slack and Teams threads, so valid-looking payloads reach deep into the handlers.
/// </summary>
public sealed class FuzzHost : IAsyncLifetime
{
    public const string SlackOperator = "U0FOXMULDER";
    public const string TelegramBotToken = "987654321:fuzz-telegram-bot-token";
    public const string TelegramSecret = "fuzz_webhook-secret-0123";

    public FakeSlack Slack { get; private set; } = null!;
    public FakeBotFramework Teams { get; private set; } = null!;
    public FakeTelegram Telegram { get; private set; } = null!;
    public InboxHost Host { get; private set; } = null!;
    public ActivityBuilder Activities { get; private set; } = null!;
    public FakeTeamsMember Dana { get; private set; } = null!;
    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>The conversation the payloads talk about, its visitor's token, and its threads in Slack and Teams.</summary>
    public long ConversationId { get; private set; }
    public string VisitorToken { get; private set; } = null!;
    public string SlackRootTs { get; private set; } = null!;
    public FakeTeamsThread TeamsThread { get; private set; } = null!;
    public FakeTelegramFile TelegramPhoto { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Slack = await FakeSlack.StartAsync(SlackHost.BotToken);
        Slack.AddUser(SlackOperator, "Fox Mulder", "fox@acme.test");
        Slack.AddUser("U0LEEADAMA", InboxHost.SecondOperatorName, InboxHost.SecondOperatorEmail);
        Teams = await FakeBotFramework.StartAsync();
        Telegram = await FakeTelegram.StartAsync(TelegramBotToken);
        TelegramPhoto = Telegram.AddFile([0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3], "jpg", 90, 60);
        Activities = new ActivityBuilder(Teams);
        Dana = Teams.AddMember("29:dana-user-id", InboxHost.OperatorName, InboxHost.OperatorEmail, "aad-dana");
        Teams.AddMember("29:lee-user-id", InboxHost.SecondOperatorName, InboxHost.SecondOperatorEmail, "aad-lee");
        Host = new InboxHost(settings: new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = SlackHost.SigningSecret,
            ["Slack:BotToken"] = SlackHost.BotToken,
            ["Slack:ChannelId"] = SlackHost.Channel,
            ["Slack:ApiBaseUrl"] = Slack.ApiBaseUrl.AbsoluteUri,
            ["Slack:PostsPerSecond"] = "1000",
            ["Slack:PostBurst"] = "100",
            ["Teams:AppId"] = Teams.AppId,
            ["Teams:AppPassword"] = Teams.AppPassword,
            ["Teams:OpenIdMetadataUrl"] = Teams.OpenIdMetadataUrl.AbsoluteUri,
            ["Teams:TokenEndpoint"] = Teams.TokenEndpoint.AbsoluteUri,
            ["Teams:ThreadPostsPerSecond"] = "50",
            ["Teams:ThreadPostBurst"] = "50",
            ["Teams:AppPostsPerSecond"] = "1000",
            ["Telegram:BotToken"] = TelegramBotToken,
            ["Telegram:WebhookSecret"] = TelegramSecret,
            ["Telegram:ApiBaseUrl"] = Telegram.ApiBaseUrl.AbsoluteUri,
            ["Widget:SessionsPerMinute"] = "1000000",
            ["Widget:MessagesPerMinute"] = "1000000",
            ["Outbox:BaseDelay"] = "00:00:00.050",
            ["Outbox:MaxDelay"] = "00:00:01",
            ["Jobs:Enabled"] = "false",
        });

        using (var install = await Http.SendAsync(Activities.Request(MessagesEndpoint, Activities.BotAddedToTeam(Dana))))
            Assert.Equal(HttpStatusCode.OK, install.StatusCode);
        using var visitor = await WidgetVisitor.OpenSessionAsync(Host);
        VisitorToken = visitor.Token;
        ConversationId = await visitor.StartConversationAsync("I need a hand with my order");
        await SlackHost.EventuallyAsync(() => Slack.Messages(SlackHost.Channel).Count(m => m.IsThreadReply) == 1, "the conversation is in Slack");
        SlackRootTs = Slack.Messages(SlackHost.Channel).Single(m => !m.IsThreadReply).Ts;
        await SlackHost.EventuallyAsync(() => Teams.Threads.Any(t => t.Root?.AdaptiveCard is not null && t.BotActivities.Count >= 2), "the conversation is in Teams");
        TeamsThread = Teams.Threads.Single(t => t.Root?.AdaptiveCard is not null);
    }

    public Uri MessagesEndpoint => new(Host.BaseAddress, "api/messages");

    public Uri Url(string pathAndQuery) => new(Host.BaseAddress, pathAndQuery);

    /// <summary>A POST to a Slack endpoint signed as Slack signs: over the exact bytes sent, broken UTF-8 included.</summary>
    internal HttpRequestMessage ForSlack(string path, FuzzedBody body)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signed = Encoding.ASCII.GetBytes($"v0:{timestamp}:").Concat(body.Bytes).ToArray();
        var signature = "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(SlackHost.SigningSecret), signed));
        var request = new HttpRequestMessage(HttpMethod.Post, Url(path)) { Content = body.Content() };
        request.Headers.Add(SlackRequestSigner.TimestampHeader, timestamp);
        request.Headers.Add(SlackRequestSigner.SignatureHeader, signature);
        return request;
    }

    /// <summary>A POST of an activity to the bot with a valid channel token, as Bot Framework sends it.</summary>
    internal HttpRequestMessage ForTeams(FuzzedBody body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, MessagesEndpoint) { Content = body.Content() };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Teams.IssueChannelToken(Teams.ServiceUrl.ToString()));
        return request;
    }

    /// <summary>A POST of an update to the Telegram webhook with the secret header.</summary>
    internal HttpRequestMessage ForTelegram(FuzzedBody body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Url("telegram/webhook")) { Content = body.Content() };
        request.Headers.Add(TelegramWebhookClient.SecretHeader, TelegramSecret);
        return request;
    }

    /// <summary>Sends a request and reads the whole answer.</summary>
    public async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpRequestMessage request)
    {
        using (request)
        using (var response = await Http.SendAsync(request))
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Whether the host still answers <c>/health</c> with 200.</summary>
    public async Task<bool> IsHealthyAsync()
    {
        using var response = await Http.GetAsync(Url("health"));
        return response.StatusCode == HttpStatusCode.OK;
    }

    /// <summary>The operator API's view totals (all + spam: every conversation once).</summary>
    public async Task<long> ConversationCountAsync()
    {
        using var console = Host.Operator();
        var all = await console.GetFromJsonAsync<JsonObject>("/api/operator/views/all?pageSize=1");
        var spam = await console.GetFromJsonAsync<JsonObject>("/api/operator/views/spam?pageSize=1");
        using var counts = await console.GetAsync("/api/operator/counts");
        Assert.Equal(HttpStatusCode.OK, counts.StatusCode);
        return all!["totalCount"]!.GetValue<long>() + spam!["totalCount"]!.GetValue<long>();
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Slack.DisposeAsync();
        await Teams.DisposeAsync();
        await Telegram.DisposeAsync();
        Http.Dispose();
    }
}
