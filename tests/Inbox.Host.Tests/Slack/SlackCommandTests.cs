using System.Net;
using System.Text.Json.Nodes;
using Inbox.Fakes.Slack;
using Inbox.Host.Tests.Api.Support;

namespace Inbox.Host.Tests.Slack;

public sealed class SlackCommandTests
{
    private const string Fox = "U0FOXMULDER";
    private const string Lee = "U0LEEADAMA";

    [Fact]
    public async Task Help_and_bad_arguments_answer_with_usage_never_an_error()
    {
        await using var host = await StartAsync();
        Assert.Contains("assign #123", await CommandAsync(host, ""));
        Assert.Contains("Usage: `close #123`", await CommandAsync(host, "close"));
        Assert.Contains("I don't know `dance`", await CommandAsync(host, "dance #1"));
        Assert.Contains("Conversation #999 does not exist", await CommandAsync(host, "close #999"));
    }

    [Fact]
    public async Task Commands_act_as_the_slack_user_who_typed_them()
    {
        await using var host = await StartAsync();
        var id = await WidgetVisitor.NewConversationAsync(host.Host, "Please help");
        using var console = OperatorConsole.Dana(host.Host);

        Assert.Contains("assigned to Fox Mulder", await CommandAsync(host, $"assign #{id}"));
        Assert.Contains("assigned to Lee Adama", await CommandAsync(host, $"transfer #{id} <@{Lee}|lee>"));
        Assert.Contains("Note added", await CommandAsync(host, $"note #{id} called the customer back"));
        Assert.Contains("Tagged", await CommandAsync(host, $"tag #{id} vip"));
        Assert.Contains("closed", await CommandAsync(host, $"close #{id}"));
        Assert.Contains("already closed", await CommandAsync(host, $"close #{id}"));

        var details = await console.DetailsAsync(id);
        Assert.Equal("Lee Adama", details["assignee"].String("name"));
        Assert.Equal("Closed", details["conversation"].String("status"));
        Assert.Equal("called the customer back", details["notes"]![0].String("text"));
        Assert.Equal("Fox Mulder", details["notes"]![0].String("authorName"));
    }

    [Fact]
    public async Task Views_list_conversations_with_counts_and_links_to_their_threads()
    {
        await using var host = await StartAsync();
        var first = await WidgetVisitor.NewConversationAsync(host.Host, "first question");
        var second = await WidgetVisitor.NewConversationAsync(host.Host, "second question");
        await SlackHost.EventuallyAsync(() => host.Slack.Messages(SlackHost.Channel).Count == 4, "both threads exist");

        var open = await CommandAsync(host, "open");
        Assert.Contains("*Open* — 2 conversations", open);
        Assert.Contains("Open 2", open);
        Assert.Contains($"|#{first}>", open);
        Assert.Contains($"/archives/{SlackHost.Channel}/p", open);
        Assert.True(open.IndexOf($"#{second}>", StringComparison.Ordinal) < open.IndexOf($"#{first}>", StringComparison.Ordinal), "newest activity first");

        await CommandAsync(host, $"tag #{first} vip");
        await CommandAsync(host, $"close #{first}");
        await CommandAsync(host, $"close #{second}");
        var closed = await CommandAsync(host, "closed tag:vip");
        Assert.Contains("*Closed* — 1 conversation", closed);
        Assert.Contains("average duration", closed);
        Assert.Contains("is not a date", await CommandAsync(host, "closed since:yesterday-ish"));
    }

    [Fact]
    public async Task Details_history_and_search_show_what_operators_need()
    {
        await using var host = await StartAsync();
        using var visitor = await WidgetVisitor.OpenSessionAsync(host.Host);
        var first = await visitor.StartConversationAsync("My invoice 7781 is wrong");
        await CommandAsync(host, $"close #{first}");
        var second = await visitor.StartConversationAsync("Still about that invoice");

        var details = await CommandAsync(host, $"details #{second}");
        Assert.Contains("*Visitor*", details);
        Assert.Contains("*Conversation*", details);
        Assert.Contains("Past conversations* 1", details);
        Assert.Contains($"#{first}", await CommandAsync(host, $"history #{second}"));
        var search = await CommandAsync(host, "search invoice 7781");
        Assert.Contains($"#{first}", search);
        Assert.DoesNotContain($"#{second}>", search);
    }

    [Fact]
    public async Task Slow_work_answers_working_on_it_at_once_and_the_result_through_the_response_url()
    {
        await using var host = await SlackHost.StartAsync(new Dictionary<string, string?> { ["Slack:CommandAnswerBudget"] = "00:00:00.300" });
        host.Slack.AddUser(Fox, "Fox Mulder", "fox@acme.test");
        // Slack's users.info is slow today: looking up who typed the command takes longer than the budget.
        host.Slack.FailNext("users.info", 1, FakeFault.Timeout(TimeSpan.FromSeconds(1)));
        var id = await WidgetVisitor.NewConversationAsync(host.Host, "Please help");

        var started = DateTime.UtcNow;
        var first = await CommandAsync(host, $"close #{id}", host.Slack.ResponseUrl("late-1"));
        Assert.Equal("Working on it…", first);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(3), "Slack must get its answer within 3 s");

        await SlackHost.EventuallyAsync(() => host.Slack.Responses.Any(r => r.Id == "late-1"), "the late answer is posted to the response_url");
        var late = JsonNode.Parse(host.Slack.Responses.Single(r => r.Id == "late-1").Body)!;
        Assert.Equal("ephemeral", late.String("response_type"));
        Assert.Contains("closed", late.String("text"));
    }

    [Fact]
    public async Task A_forged_command_is_refused()
    {
        await using var host = await StartAsync();
        var id = await WidgetVisitor.NewConversationAsync(host.Host, "Please help");
        using var response = await SendAsync(host, $"close #{id}", secret: "forged-secret");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var console = OperatorConsole.Dana(host.Host);
        Assert.Equal("Open", (await console.DetailsAsync(id))["conversation"].String("status"));
    }

    private static async Task<SlackHost> StartAsync()
    {
        var host = await SlackHost.StartAsync();
        host.Slack.AddUser(Fox, "Fox Mulder", "fox@acme.test");
        host.Slack.AddUser(Lee, "Lee Adama", InboxHost.SecondOperatorEmail);
        return host;
    }

    private static async Task<string> CommandAsync(SlackHost host, string text, Uri? responseUrl = null)
    {
        using var response = await SendAsync(host, text, responseUrl: responseUrl);
        var body = await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("ephemeral", body.String("response_type"));
        return body.String("text")!;
    }

    private static async Task<HttpResponseMessage> SendAsync(SlackHost host, string text, string secret = SlackHost.SigningSecret, Uri? responseUrl = null)
    {
        using var client = host.Host.Visitor();
        var request = SlackRequestSigner.CreateFormRequest(new Uri(host.Host.BaseAddress, "/slack/commands"),
        [
            new("token", "legacy"), new("team_id", "T0FAKE"), new("channel_id", SlackHost.Channel), new("user_id", Fox),
            new("command", "/inbox"), new("text", text), new("response_url", (responseUrl ?? host.Slack.ResponseUrl("unused")).AbsoluteUri),
            new("trigger_id", "1337.42.abcd"),
        ], DateTimeOffset.UtcNow, secret);
        return await client.SendAsync(request);
    }
}
