using System.Net;
using System.Net.Http.Json;
using Inbox.Fakes.Slack;
using Inbox.Host.Tests.Api.Support;
using Inbox.Host.Tests.Slack;
using Inbox.Host.Tests.Teams;
using Microsoft.Data.Sqlite;

namespace Inbox.Host.Tests.Distribution;

/// <summary>Operator status, auto-assignment, spam rules and the scheduled jobs through the real host.</summary>
public sealed class DistributionHostTests
{
    private const string Fox = "U0FOXMULDER";

    [Fact]
    public async Task An_operator_going_online_through_the_api_gets_new_conversations_round_robin()
    {
        using var host = new InboxHost(settings: new Dictionary<string, string?> { ["Distribution:Mode"] = "RoundRobin", ["Widget:SessionsPerMinute"] = "1000" });
        using var dana = OperatorConsole.Dana(host);
        var waiting = await WidgetVisitor.NewConversationAsync(host, "Before anyone is online");

        using var response = await dana.Client.PutAsJsonAsync("/api/operator/me/status", new { status = "online", capacity = 3 });
        var me = await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("Online", me.String("status"));
        Assert.Equal(3, me["capacity"]!.GetValue<int>());

        // The waiting one is taken at once; a new one follows through the distribution pass.
        Assert.Equal(InboxHost.OperatorEmail, (await dana.DetailsAsync(waiting))["assignee"].String("email"));
        var next = await WidgetVisitor.NewConversationAsync(host, "Hello");
        await SlackHost.EventuallyAsync(() => dana.DetailsAsync(next).Result["assignee"]?.String("email") == InboxHost.OperatorEmail, "the new conversation is assigned");

        using var bad = await dana.Client.PutAsJsonAsync("/api/operator/me/status", new { capacity = 3 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Slack_and_teams_set_and_show_the_operators_status()
    {
        await using var teams = await TeamsHost.StartAsync(withSlack: true);
        teams.Slack!.AddUser(Fox, "Fox Mulder", "fox@acme.test");
        await teams.InstallAsync();

        Assert.Contains("You are *away*", await SlashAsync(teams, "status away"));
        Assert.Contains("capacity 2", await SlashAsync(teams, "status online 2"));
        Assert.Contains("You are online", await teams.CommandAsync(teams.Lee, teams.Activities.TeamId, "status online 4"));
        Assert.Contains("capacity 4", await teams.CommandAsync(teams.Lee, teams.Activities.TeamId, "status"));
        Assert.Contains("Usage", await SlashAsync(teams, "status sleeping"));
    }

    [Fact]
    public async Task A_conversation_caught_by_a_spam_rule_reaches_nobody_until_an_operator_reopens_it()
    {
        await using var host = await SlackHost.StartAsync(new Dictionary<string, string?> { ["Spam:BlockedWords"] = "casino" });
        var spam = await WidgetVisitor.NewConversationAsync(host.Host, "Best casino bonus, click now");
        var real = await WidgetVisitor.NewConversationAsync(host.Host, "Where is my order?");
        await SlackHost.EventuallyAsync(() => host.Slack.Messages(SlackHost.Channel).Count(m => !m.IsThreadReply) == 1, "the real conversation is in Slack");
        using var console = OperatorConsole.Dana(host.Host);
        Assert.Equal("Spam", (await console.DetailsAsync(spam))["conversation"].String("status"));
        Assert.Contains(spam, await console.ViewIdsAsync("spam"));
        Assert.DoesNotContain(spam, await console.ViewIdsAsync("open"));

        await console.RunAsync(spam, "reopen");

        await SlackHost.EventuallyAsync(() => host.Slack.Messages(SlackHost.Channel).Count(m => !m.IsThreadReply) == 2, "the reopened conversation gets its thread");
        Assert.Contains(host.Slack.Messages(SlackHost.Channel), m => !m.IsThreadReply && m.Text?.Contains($"#{spam}") == true);
        Assert.NotEqual(spam, real);
    }

    [Fact]
    public async Task Scheduled_jobs_live_in_the_database_and_an_sla_reminder_reaches_the_thread()
    {
        await using var host = await SlackHost.StartAsync(new Dictionary<string, string?>
        {
            ["Jobs:SlaReminders"] = "00:00:01",
            ["Jobs:SlaCheckInterval"] = "00:00:01",
        });
        await WidgetVisitor.NewConversationAsync(host.Host, "Hello? Anyone?");

        await SlackHost.EventuallyAsync(() => host.Slack.Messages(SlackHost.Channel).Any(m => m.Text?.Contains("has waited more than 1 second") == true),
            "the reminder is in the Slack thread", seconds: 30);
        await using var db = new SqliteConnection($"Data Source={Path.Combine(host.Host.DataDirectory, "inbox.db")}");
        await db.OpenAsync();
        await using var query = db.CreateCommand();
        query.CommandText = "SELECT TRIGGER_NAME FROM QRTZ_TRIGGERS ORDER BY TRIGGER_NAME";
        var triggers = new List<string>();
        await using (var reader = await query.ExecuteReaderAsync())
            while (await reader.ReadAsync()) triggers.Add(reader.GetString(0));
        Assert.Equal(["auto-close", "distribution", "outbox-sweep", "sla-reminders"], triggers);
        // Once per threshold: however often the job runs, one reminder.
        await Task.Delay(2500);
        Assert.Single(host.Slack.Messages(SlackHost.Channel), m => m.Text?.Contains("has waited more than") == true);
    }

    [Fact]
    public async Task An_sla_reminder_pings_the_assignee_in_slack_and_reaches_the_teams_thread_too()
    {
        // The reminder must come after Fox took the conversation, however slow the machine: a reminder to nobody never
        // names him, and a conversation gets each reminder once.
        await using var host = await TeamsHost.StartAsync(withSlack: true, settings: new Dictionary<string, string?>
        {
            ["Jobs:SlaReminders"] = "00:00:08",
            ["Jobs:SlaCheckInterval"] = "00:00:01",
        });
        host.Slack!.AddUser(Fox, "Fox Mulder", "fox@acme.test");
        await host.InstallAsync();
        var id = await WidgetVisitor.NewConversationAsync(host.Host, "Is anyone there?");
        var thread = await host.ThreadOfAsync(id);
        // Fox takes it in Slack and answers nothing: Slack pings him; Teams, where he never was, names him.
        Assert.Contains("assigned", await SlashAsync(host, $"assign #{id}"));
        Assert.NotNull(thread);

        await SlackHost.EventuallyAsync(() => host.Slack.Messages(TeamsHost.SlackChannel).Any(m => m.Text?.Contains("has waited more than") == true),
            "the reminder is in Slack", seconds: 30);
        Assert.Contains(host.Slack.Messages(TeamsHost.SlackChannel), m => m.Text?.Contains($"<@{Fox}>") == true);
        await SlackHost.EventuallyAsync(() => host.ReplyTexts(id).Any(t => t.Contains("has waited more than")), "the reminder is in Teams", seconds: 30);
    }

    [Fact]
    public async Task A_teams_reminder_mentions_an_assignee_known_in_teams()
    {
        await using var host = await TeamsHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Jobs:SlaReminders"] = "00:00:02",
            ["Jobs:SlaCheckInterval"] = "00:00:01",
        });
        await host.InstallAsync();
        var id = await WidgetVisitor.NewConversationAsync(host.Host, "Hello?");
        var thread = await host.ThreadOfAsync(id);
        (await host.SendAsync(host.Activities.CardAction(host.Lee, thread.ConversationId, thread.RootActivityId, "inbox.assign_me",
            new System.Text.Json.Nodes.JsonObject { ["conversationId"] = id }))).Dispose();

        await SlackHost.EventuallyAsync(() => (host.Teams.Thread(thread.ConversationId)?.BotActivities ?? []).Any(a => a.Json.Contains("has waited more than")),
            "the reminder is in Teams", seconds: 30);
        var reminder = host.Teams.Thread(thread.ConversationId)!.BotActivities.Last(a => a.Json.Contains("has waited more than")).AdaptiveCard!;
        var entity = reminder["msteams"]!["entities"]![0]!;
        Assert.Equal("mention", (string?)entity["type"]);
        Assert.Equal(host.Lee.AadObjectId, (string?)entity["mentioned"]!["id"]);
        Assert.Contains($"<at>{host.Lee.Name}</at>", reminder.ToJsonString().Replace("\\u003C", "<").Replace("\\u003E", ">").Replace("\\u003c", "<").Replace("\\u003e", ">"));
    }

    [Fact]
    public async Task The_schedule_survives_a_restart_once_each_and_keeps_firing()
    {
        var settings = new Dictionary<string, string?> { ["Jobs:DistributionInterval"] = "00:00:01" };
        var host = new InboxHost(settings: settings);
        var folder = host.DataDirectory;
        await SlackHost.EventuallyAsync(() => Triggers(folder).Result.Count == 4, "the triggers are stored");
        await host.DisposeAsync();
        var stopped = DateTimeOffset.UtcNow;

        await using var again = new InboxHost(folder, settings);
        await SlackHost.EventuallyAsync(() => Triggers(folder).Result.TryGetValue("distribution", out var last) && last > stopped,
            "the distribution job fires again after the restart");
        Assert.Equal(["auto-close", "distribution", "outbox-sweep", "sla-reminders"], (await Triggers(folder)).Keys.Order());
        Assert.Equal(4, await CountAsync(folder, "SELECT COUNT(*) FROM QRTZ_TRIGGERS"));
        Assert.Equal(4, await CountAsync(folder, "SELECT COUNT(*) FROM QRTZ_JOB_DETAILS"));
    }

    private static async Task<long> CountAsync(string folder, string sql)
    {
        await using var db = new SqliteConnection($"Data Source={Path.Combine(folder, "inbox.db")};Mode=ReadOnly");
        await db.OpenAsync();
        await using var query = db.CreateCommand();
        query.CommandText = sql;
        return (long)(await query.ExecuteScalarAsync())!;
    }

    // Each stored trigger and when it last fired.
    private static async Task<Dictionary<string, DateTimeOffset?>> Triggers(string folder)
    {
        await using var db = new SqliteConnection($"Data Source={Path.Combine(folder, "inbox.db")};Mode=ReadOnly");
        await db.OpenAsync();
        await using var query = db.CreateCommand();
        query.CommandText = "SELECT TRIGGER_NAME, PREV_FIRE_TIME FROM QRTZ_TRIGGERS";
        var triggers = new Dictionary<string, DateTimeOffset?>();
        try
        {
            await using var reader = await query.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                triggers[reader.GetString(0)] = reader.IsDBNull(1) ? null : new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero);
        }
        catch (SqliteException) { } // the tables are created when the scheduler first starts
        return triggers;
    }

    private static async Task<string> SlashAsync(TeamsHost host, string text)
    {
        using var client = host.Host.Visitor();
        var request = SlackRequestSigner.CreateFormRequest(new Uri(host.Host.BaseAddress, "/slack/commands"),
        [
            new("team_id", "T0FAKE"), new("channel_id", TeamsHost.SlackChannel), new("user_id", Fox), new("command", "/inbox"),
            new("text", text), new("response_url", host.Slack!.ResponseUrl("unused").AbsoluteUri), new("trigger_id", "1.2.3"),
        ], DateTimeOffset.UtcNow, SlackHost.SigningSecret);
        using var response = await client.SendAsync(request);
        return (await response.ShouldBe(HttpStatusCode.OK)).String("text")!;
    }
}
