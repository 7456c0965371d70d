using Inbox.Fakes.Slack;

namespace Inbox.Host.Tests.Slack;

/// <summary>The real host with the Slack bridge on, talking to a fake Slack Web API over loopback.</summary>
internal sealed class SlackHost : IAsyncDisposable
{
    public const string Channel = "CINBOX0001";
    public const string SigningSecret = "test-signing-secret-for-slack";
    public const string BotToken = "xoxb-test-bot-token";

    private readonly Dictionary<string, string?> _settings;

    private SlackHost(FakeSlack slack, InboxHost host, Dictionary<string, string?> settings)
    {
        Slack = slack;
        Host = host;
        _settings = settings;
    }

    public FakeSlack Slack { get; }
    public InboxHost Host { get; private set; }

    /// <summary>Stops the host wherever it is (deliveries in flight included) and starts a new one on the same database and fake Slack.</summary>
    /// <param name="whileStopped">Runs on the data folder between stop and start (to leave the database as a crash would).</param>
    public async Task RestartAsync(Func<string, Task>? whileStopped = null)
    {
        var folder = Host.DataDirectory;
        await Host.DisposeAsync();
        if (whileStopped is not null) await whileStopped(folder);
        Host = new InboxHost(folder, _settings);
    }

    public static async Task<SlackHost> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var slack = await FakeSlack.StartAsync(BotToken);
        var all = new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = SigningSecret,
            ["Slack:BotToken"] = BotToken,
            ["Slack:ChannelId"] = Channel,
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl.AbsoluteUri,
            ["Widget:SessionsPerMinute"] = "1000",
            ["Widget:MessagesPerMinute"] = "1000",
            ["Outbox:BaseDelay"] = "00:00:00.050",
            ["Outbox:MaxDelay"] = "00:00:01",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        return new SlackHost(slack, new InboxHost(settings: all), all);
    }

    /// <summary>Waits until <paramref name="condition"/> holds (deliveries are asynchronous), failing after 15 s.</summary>
    public static async Task EventuallyAsync(Func<bool> condition, string what, int seconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out waiting until {what}.");
            await Task.Delay(25);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Slack.DisposeAsync();
    }
}
