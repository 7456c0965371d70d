using System.Globalization;
using System.Text.Json.Nodes;
using Inbox.Bench.Seeding;
using Inbox.Fakes.BotFramework;
using Inbox.Fakes.Slack;
using Microsoft.AspNetCore.Builder;

namespace Inbox.Bench;

/// <summary>
/// The real host on a loopback port with the Slack bridge on against the fake Slack and (when asked) the Teams bridge on
/// against the fake Bot Framework; Dana (Slack U0DANA, Teams 29:dana) and Lee are operators on both surfaces.
/// </summary>
internal sealed class BridgedHost : IAsyncDisposable
{
    public const string SlackChannel = SeedPlan.SlackChannel;
    public const string SigningSecret = "bench-signing-secret-for-slack";
    public const string BotToken = "xoxb-bench-bot-token";
    public const string DanaSlackId = "U0DANA";

    private BridgedHost(WebApplication app, FakeSlack slack, FakeBotFramework? teams)
    {
        App = app;
        Slack = slack;
        Teams = teams;
        BaseAddress = InboxApp.Address(app);
        Http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(30) }) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (teams is not null) Activities = new ActivityBuilder(teams);
    }

    public WebApplication App { get; }
    public FakeSlack Slack { get; }
    public FakeBotFramework? Teams { get; }
    public ActivityBuilder? Activities { get; }
    public FakeTeamsMember? Dana { get; private set; }
    public FakeTeamsMember? Lee { get; private set; }
    public Uri BaseAddress { get; }
    public HttpClient Http { get; }
    public Uri TeamsMessages => new(BaseAddress, "api/messages");

    /// <summary>Starts the fakes and the host on the database in <paramref name="folder"/>; <paramref name="settings"/> override the defaults.</summary>
    public static async Task<BridgedHost> StartAsync(string folder, bool withTeams, IReadOnlyDictionary<string, string>? settings = null)
    {
        var slack = await FakeSlack.StartAsync(BotToken);
        slack.AddUser(DanaSlackId, SeedPlan.OperatorName(0), SeedPlan.DanaEmail);
        var teams = withTeams ? await FakeBotFramework.StartAsync() : null;
        var all = new Dictionary<string, string>
        {
            ["Storage:DataDirectory"] = folder,
            ["Slack:SigningSecret"] = SigningSecret,
            ["Slack:BotToken"] = BotToken,
            ["Slack:ChannelId"] = SlackChannel,
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl.AbsoluteUri,
        };
        if (teams is not null)
        {
            all["Teams:AppId"] = teams.AppId;
            all["Teams:AppPassword"] = teams.AppPassword;
            all["Teams:OpenIdMetadataUrl"] = teams.OpenIdMetadataUrl.AbsoluteUri;
            all["Teams:TokenEndpoint"] = teams.TokenEndpoint.AbsoluteUri;
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) all[key] = value;

        var host = new BridgedHost(await InboxApp.StartAsync(all, listen: true), slack, teams);
        if (teams is not null)
        {
            host.Dana = teams.AddMember("29:dana-user-id", SeedPlan.OperatorName(0), SeedPlan.DanaEmail, "aad-dana");
            host.Lee = teams.AddMember("29:lee-user-id", SeedPlan.OperatorName(1), SeedPlan.LeeEmail, "aad-lee");
            // Adding the bot to the team is what lets the tenant talk to it.
            using var installed = await host.Http.SendAsync(host.Activities!.Request(host.TeamsMessages, host.Activities.BotAddedToTeam(host.Dana)));
            installed.EnsureSuccessStatusCode();
        }
        return host;
    }

    /// <summary><c>/inbox {text}</c> typed by Dana, signed as Slack signs it.</summary>
    public HttpRequestMessage SlashCommand(string text, int sequence) => SlackRequestSigner.CreateFormRequest(new Uri(BaseAddress, "slack/commands"),
    [
        new("team_id", Slack.Options.TeamId), new("channel_id", SlackChannel), new("user_id", DanaSlackId), new("user_name", "dana"),
        new("command", "/inbox"), new("text", text), new("response_url", Slack.ResponseUrl($"bench-{sequence}").AbsoluteUri),
        new("trigger_id", $"trigger-{sequence}"),
    ], DateTimeOffset.UtcNow, SigningSecret);

    /// <summary>Dana pressing the button <paramref name="actionId"/> on conversation <paramref name="id"/>'s thread root.</summary>
    public HttpRequestMessage ButtonPress(string actionId, long id, int sequence)
    {
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = DanaSlackId },
            ["trigger_id"] = $"trigger-{sequence}",
            ["channel"] = new JsonObject { ["id"] = SlackChannel },
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = $"1700000000.{id % 1_000_000:D6}", ["channel_id"] = SlackChannel },
            ["actions"] = new JsonArray(new JsonObject { ["action_id"] = actionId, ["value"] = id.ToString(CultureInfo.InvariantCulture), ["type"] = "button" }),
        };
        return SlackRequestSigner.CreateFormRequest(new Uri(BaseAddress, "slack/interactions"), [new("payload", payload.ToJsonString())], DateTimeOffset.UtcNow, SigningSecret);
    }

    /// <summary>Dana opening the app's Home tab.</summary>
    public HttpRequestMessage HomeOpened(int sequence)
    {
        var opened = new JsonObject
        {
            ["type"] = "event_callback",
            ["event_id"] = $"EvHome{sequence}",
            ["event"] = new JsonObject { ["type"] = "app_home_opened", ["user"] = DanaSlackId, ["channel"] = "D0DANA", ["tab"] = "home" },
        };
        return SlackRequestSigner.CreateJsonRequest(new Uri(BaseAddress, "slack/events"), opened.ToJsonString(), DateTimeOffset.UtcNow, SigningSecret);
    }

    /// <summary>"@Inbox {text}" written by Dana as a new post in the team's General channel.</summary>
    public HttpRequestMessage TeamsCommand(string text) =>
        Activities!.Request(TeamsMessages, Activities.ChannelMessage(Dana!, Activities.TeamId, text));

    /// <summary>Dana pressing <paramref name="verb"/> on conversation <paramref name="id"/>'s card in its Teams thread.</summary>
    public HttpRequestMessage CardAction(string verb, long id, JsonObject? extra = null)
    {
        var data = new JsonObject { ["conversationId"] = id };
        foreach (var (key, value) in extra ?? []) data[key] = value?.DeepClone();
        var thread = $"{Activities!.TeamId};messageid={1_700_000_000_000 + id}";
        return Activities.Request(TeamsMessages, Activities.CardAction(Dana!, thread, (1_700_000_000_000 + id).ToString(CultureInfo.InvariantCulture), verb, data));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await InboxApp.StopAsync(App);
        await Slack.DisposeAsync();
        if (Teams is not null) await Teams.DisposeAsync();
    }
}
