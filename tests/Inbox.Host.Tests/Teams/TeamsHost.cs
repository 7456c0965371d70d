using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Inbox.Fakes.BotFramework;
using Inbox.Fakes.Slack;

namespace Inbox.Host.Tests.Teams;

/// <summary>The real host with the Teams bridge on (and Slack too, when asked), talking to a fake Bot Framework over loopback.</summary>
internal sealed class TeamsHost : IAsyncDisposable
{
    public const string SlackChannel = "CINBOX0001";
    private readonly Dictionary<string, string?> _settings;

    private TeamsHost(FakeBotFramework teams, FakeSlack? slack, Dictionary<string, string?> settings)
    {
        Teams = teams;
        Slack = slack;
        _settings = settings;
        Activities = new ActivityBuilder(teams);
        // Dana is the operator-API operator (same email), so both surfaces act as one person.
        Dana = teams.AddMember("29:dana-user-id", InboxHost.OperatorName, InboxHost.OperatorEmail, "aad-dana");
        Lee = teams.AddMember("29:lee-user-id", InboxHost.SecondOperatorName, InboxHost.SecondOperatorEmail, "aad-lee");
        Host = new InboxHost(settings: settings);
    }

    public FakeBotFramework Teams { get; }
    public FakeSlack? Slack { get; }
    public InboxHost Host { get; private set; }
    public ActivityBuilder Activities { get; }
    public FakeTeamsMember Dana { get; }
    public FakeTeamsMember Lee { get; }
    public Uri MessagesEndpoint => new(Host.BaseAddress, "api/messages");

    public static async Task<TeamsHost> StartAsync(bool withSlack = false, IDictionary<string, string?>? settings = null)
    {
        var teams = await FakeBotFramework.StartAsync();
        var slack = withSlack ? await FakeSlack.StartAsync(Inbox.Host.Tests.Slack.SlackHost.BotToken) : null;
        var all = new Dictionary<string, string?>
        {
            ["Teams:AppId"] = teams.AppId,
            ["Teams:AppPassword"] = teams.AppPassword,
            ["Teams:OpenIdMetadataUrl"] = teams.OpenIdMetadataUrl.AbsoluteUri,
            ["Teams:TokenEndpoint"] = teams.TokenEndpoint.AbsoluteUri,
            ["Widget:SessionsPerMinute"] = "1000",
            ["Widget:MessagesPerMinute"] = "1000",
            // Tests post far faster than people do; pacing itself has its own test.
            ["Teams:ThreadPostsPerSecond"] = "20",
            ["Outbox:BaseDelay"] = "00:00:00.050",
            ["Outbox:MaxDelay"] = "00:00:01",
        };
        if (slack is not null)
        {
            all["Slack:SigningSecret"] = Inbox.Host.Tests.Slack.SlackHost.SigningSecret;
            all["Slack:BotToken"] = Inbox.Host.Tests.Slack.SlackHost.BotToken;
            all["Slack:ChannelId"] = SlackChannel;
            all["Slack:ApiBaseUrl"] = slack.ApiBaseUrl.AbsoluteUri;
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        return new TeamsHost(teams, slack, all);
    }

    /// <summary>Stops the host (deliveries in flight included) and starts a new one on the same database and fakes.</summary>
    public async Task RestartAsync()
    {
        var folder = Host.DataDirectory;
        await Host.DisposeAsync();
        Host = new InboxHost(folder, _settings);
    }

    /// <summary>Posts <paramref name="activity"/> to the bot as Bot Framework does, with a channel token (flawed as asked).</summary>
    public async Task<HttpResponseMessage> SendAsync(JsonObject activity, ChannelTokenOptions? token = null)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        return await client.SendAsync(Activities.Request(MessagesEndpoint, activity, token));
    }

    /// <summary>Adds the bot to the team (General channel), and checks Inbox took it.</summary>
    public async Task InstallAsync()
    {
        using var response = await SendAsync(Activities.BotAddedToTeam(Dana));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>The one thread Inbox started for conversation <paramref name="id"/>, once its root card is there.</summary>
    public async Task<FakeTeamsThread> ThreadOfAsync(long id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (ThreadOf(id) is not { } thread)
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"Timed out waiting for the Teams thread of #{id}; calls: {string.Join(", ", Teams.Calls.Select(c => $"{c.HttpMethod} {c.Path}"))}");
            await Task.Delay(25);
        }
        // Teams holds the thread a moment before Inbox has recorded it; the first message posted into it comes only after
        // that record, so from then on an operator's reply in the thread is sure to be recognised.
        while ((ThreadOf(id)?.BotActivities.Count ?? 0) < 2)
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out waiting for the first message in the Teams thread of #{id}");
            await Task.Delay(25);
        }
        return ThreadOf(id)!;
    }

    public FakeTeamsThread? ThreadOf(long id) =>
        Teams.Threads.SingleOrDefault(t => ((string?)t.Root?.AdaptiveCard?["body"]?[0]?["text"])?.EndsWith($"· #{id}", StringComparison.Ordinal) == true);

    /// <summary>What each post of the bot in the thread after the root says: the texts of its cards, Markdown escapes removed.</summary>
    public IReadOnlyList<string> ReplyTexts(long id) =>
        (ThreadOf(id)?.Replies ?? []).Where(r => r.FromBot).Select(r => Said(r.Activity)).ToList();

    /// <summary>Every text in an activity's cards (or a card), joined by new lines, with Markdown escapes removed.</summary>
    public static string Said(JsonNode? node)
    {
        var texts = new List<string>();
        void Walk(JsonNode? n)
        {
            switch (n)
            {
                case JsonObject o:
                    foreach (var (key, value) in o)
                        if (key is "text" or "title" or "value" && value is JsonValue v && v.TryGetValue<string>(out var s)) texts.Add(s);
                        else Walk(value);
                    break;
                case JsonArray a:
                    foreach (var item in a) Walk(item);
                    break;
            }
        }
        Walk(node);
        return System.Text.RegularExpressions.Regex.Replace(string.Join("\n", texts), @"\\(.)", "$1");
    }

    /// <summary>
    /// Writes "@Inbox <paramref name="text"/>" as <paramref name="from"/> in <paramref name="conversationId"/> (a thread, or a
    /// channel for a new post) and returns what the bot answered there.
    /// </summary>
    public async Task<string> CommandAsync(FakeTeamsMember from, string conversationId, string text, params FakeTeamsMember[] mentioned)
    {
        var activity = Activities.ChannelMessage(from, conversationId, text);
        foreach (var person in mentioned) Mention(activity, person);
        var thread = (string)activity["conversation"]!["id"]!;
        var before = Teams.Thread(thread)?.BotActivities.Count ?? 0;
        using (var response = await SendAsync(activity)) Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        // Mirrored lines of the conversation (customer messages, system lines) may land in the thread too: skip those.
        string? answer = null;
        await EventuallyAsync(() => (answer = (Teams.Thread(thread)?.BotActivities ?? []).Skip(before).Select(a => Said(a.Activity))
            .FirstOrDefault(said => !MirroredLine(said))) is not null, $"Inbox answers '{text}'");
        return answer!;
    }

    private static bool MirroredLine(string said) => said.StartsWith("💬", StringComparison.Ordinal) || said.StartsWith("ℹ️", StringComparison.Ordinal)
        || said.StartsWith("↩️", StringComparison.Ordinal) || said.StartsWith("📝", StringComparison.Ordinal);

    /// <summary>Adds the mention entity Teams sends for "&lt;at&gt;Name&lt;/at&gt;" in the text.</summary>
    public static JsonObject Mention(JsonObject activity, FakeTeamsMember person)
    {
        activity["entities"]!.AsArray().Add(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = $"<at>{person.Name}</at>",
            ["mentioned"] = new JsonObject { ["id"] = person.Id, ["name"] = person.Name },
        });
        return activity;
    }

    public static Task EventuallyAsync(Func<bool> condition, string what, int seconds = 15) =>
        Inbox.Host.Tests.Slack.SlackHost.EventuallyAsync(condition, what, seconds);

    public static async Task<JsonObject> InvokeBodyAsync(HttpResponseMessage response)
    {
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Teams.DisposeAsync();
        if (Slack is not null) await Slack.DisposeAsync();
    }
}
