using System.Globalization;
using System.Text.Json.Nodes;
using Inbox.Fakes.Slack;
using Inbox.Fakes.Telegram;
using Inbox.Host.Tests.Api.Support;
using Inbox.Host.Tests.Slack;
using Inbox.Storage;
using Inbox.Storage.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Host.Tests.Telegram;

/// <summary>The real host with the Telegram channel on against a fake Bot API, and the Slack bridge on against a fake Slack.</summary>
/// <remarks>Each test writes as its own Telegram user, so one host can serve a whole test class.</remarks>
public sealed class TelegramHost : IAsyncLifetime
{
    public const string BotToken = "987654321:test-telegram-bot-token";
    public const string Secret = "test_webhook-secret-0123";

    private readonly IDictionary<string, string?> _extra;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private long _nextId = 7_000_000;

    public TelegramHost() : this(new Dictionary<string, string?>()) { }

    internal TelegramHost(IDictionary<string, string?> settings) => _extra = settings;

    public FakeTelegram Telegram { get; private set; } = null!;
    public FakeSlack Slack { get; private set; } = null!;
    public InboxHost Host { get; private set; } = null!;
    public TelegramWebhookClient Webhook { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Telegram = await FakeTelegram.StartAsync(BotToken);
        Slack = await FakeSlack.StartAsync(SlackHost.BotToken);
        var settings = new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = BotToken,
            ["Telegram:WebhookSecret"] = Secret,
            ["Telegram:ApiBaseUrl"] = Telegram.ApiBaseUrl.AbsoluteUri,
            ["Slack:SigningSecret"] = SlackHost.SigningSecret,
            ["Slack:BotToken"] = SlackHost.BotToken,
            ["Slack:ChannelId"] = SlackHost.Channel,
            ["Slack:ApiBaseUrl"] = Slack.ApiBaseUrl.AbsoluteUri,
            ["Slack:PostBurst"] = "100",
            ["Outbox:BaseDelay"] = "00:00:00.050",
            ["Outbox:MaxDelay"] = "00:00:01",
        };
        foreach (var (key, value) in _extra) settings[key] = value;
        Host = new InboxHost(settings: settings);
        Webhook = new TelegramWebhookClient(_http, new Uri(Host.BaseAddress, "/telegram/webhook"), Secret);
    }

    /// <summary>A Telegram user no other test writes as.</summary>
    public FakeTelegramUser NewUser(string firstName, string? lastName = null, string? username = null) =>
        new(Interlocked.Increment(ref _nextId), firstName, lastName, username);

    /// <summary>A unique update id, as Telegram numbers them (increasing).</summary>
    public long NewUpdateId() => Interlocked.Increment(ref _nextId) * 10;

    internal OperatorConsole Console() => OperatorConsole.Dana(Host);

    /// <summary>The details of <paramref name="user"/>'s conversation as the operator API shows them, or null when none was stored.</summary>
    public async Task<JsonNode?> ConversationOfAsync(FakeTelegramUser user)
    {
        using var console = Console();
        foreach (var item in (await console.ViewAsync("all", "pageSize=100")).Items().Where(i => i.String("channel") == "Telegram"))
        {
            var details = await console.DetailsAsync(item.Id());
            if (details["contact"]!["channelIds"]?["Telegram"]?.GetValue<string>() == user.Id.ToString(CultureInfo.InvariantCulture))
                return details;
        }
        return null;
    }

    public async Task<JsonNode> StoredConversationOfAsync(FakeTelegramUser user) =>
        await ConversationOfAsync(user) ?? throw new Xunit.Sdk.XunitException($"No conversation was stored for Telegram user {user.Id}.");

    /// <summary>How many conversations the inbox holds, whatever their status.</summary>
    public async Task<int> ConversationCountAsync()
    {
        using var console = Console();
        var all = (await console.ViewAsync("all"))["totalCount"]!.GetValue<int>();
        var spam = (await console.ViewAsync("spam"))["totalCount"]!.GetValue<int>();
        return all + spam;
    }

    /// <summary>Waits until <paramref name="condition"/> holds (deliveries are asynchronous), failing after 15 s.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out waiting until {what}.");
            await Task.Delay(25);
        }
    }

    /// <summary>The Telegram outbox rows of a conversation, oldest first.</summary>
    public async Task<OutboxRecord[]> TelegramOutboxAsync(long conversationId)
    {
        await using var db = await Host.Services.GetRequiredService<IDbContextFactory<InboxDbContext>>().CreateDbContextAsync();
        var partition = $"telegram:conversation:{conversationId}";
        return await db.Outbox.AsNoTracking().Where(o => o.PartitionKey == partition).OrderBy(o => o.Id).ToArrayAsync();
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Slack.DisposeAsync();
        await Telegram.DisposeAsync();
        _http.Dispose();
    }
}
