using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;
using Inbox.Fakes.Slack;
using Inbox.Host.Tests.Api.Support;

namespace Inbox.Host.Tests.Slack;

public sealed class SlackInteractionTests
{
    private const string Fox = "U0FOXMULDER";
    private const string Lee = "U0LEEADAMA";

    [Fact]
    public async Task Root_buttons_act_for_the_presser_and_the_root_redraws_itself()
    {
        await using var host = await StartAsync();
        var (id, rootTs) = await ThreadAsync(host);

        await PressAsync(host, "inbox.assign_me", id, rootTs);
        await SlackHost.EventuallyAsync(() => host.Slack.Message(SlackHost.Channel, rootTs)!.BlocksJson!.Contains("Fox Mulder"), "the root shows Fox as assignee");

        await PressAsync(host, "inbox.close", id, rootTs);
        await PressAsync(host, "inbox.close", id, rootTs);
        await SlackHost.EventuallyAsync(() => host.Slack.Message(SlackHost.Channel, rootTs)!.BlocksJson!.Contains("inbox.reopen"), "the root offers Reopen");
        var refusal = Assert.Single(host.Slack.CallsTo("chat.postEphemeral"));
        Assert.Equal(Fox, refusal.Argument("user"));
        Assert.Contains("already closed", refusal.Argument("text"));
    }

    [Fact]
    public async Task Transfer_opens_a_modal_listing_operators_and_its_submission_transfers()
    {
        await using var host = await StartAsync();
        var (id, rootTs) = await ThreadAsync(host);
        using var console = OperatorConsole.Dana(host.Host);
        var lee = (await console.Client.GetFromJsonAsync<JsonArray>("/api/operator/operators"))!.Single(o => o.String("email") == InboxHost.SecondOperatorEmail);

        await PressAsync(host, "inbox.transfer", id, rootTs);
        var modal = Assert.Single(host.Slack.Views);
        Assert.Equal("views.open", modal.Method);
        Assert.Contains("Lee Adama", modal.View.ToJsonString());

        var submission = new JsonObject
        {
            ["type"] = "view_submission",
            ["user"] = new JsonObject { ["id"] = Fox },
            ["view"] = new JsonObject
            {
                ["callback_id"] = "inbox.transfer",
                ["private_metadata"] = id.ToString(),
                ["state"] = new JsonObject { ["values"] = new JsonObject { ["transfer_to"] = new JsonObject { ["operator"] = new JsonObject
                {
                    ["type"] = "static_select", ["selected_option"] = new JsonObject { ["value"] = lee.String("id") },
                } } } },
            },
        };
        var answer = await (await SendAsync(host, submission)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("clear", answer.String("response_action"));
        Assert.Equal("Lee Adama", (await console.DetailsAsync(id))["assignee"].String("name"));
    }

    [Fact]
    public async Task Details_and_history_buttons_open_modals_with_the_facts()
    {
        await using var host = await StartAsync();
        var (id, rootTs) = await ThreadAsync(host);

        await PressAsync(host, "inbox.details", id, rootTs);
        await PressAsync(host, "inbox.history", id, rootTs);

        Assert.Equal(2, host.Slack.Views.Count);
        Assert.Contains("*Visitor*", host.Slack.Views[0].View.ToJsonString());
        Assert.Contains("no other conversations", host.Slack.Views[1].View.ToJsonString());
    }

    [Fact]
    public async Task Opening_the_home_tab_is_answered_first_then_publishes_the_five_views_with_counts()
    {
        await using var host = await StartAsync();
        await ThreadAsync(host);
        var opened = new JsonObject
        {
            ["type"] = "event_callback", ["event_id"] = "EvHome",
            ["event"] = new JsonObject { ["type"] = "app_home_opened", ["user"] = Fox, ["channel"] = "D0FOX", ["tab"] = "home" },
        };
        using var client = host.Host.Visitor();
        using var request = SlackRequestSigner.CreateJsonRequest(new Uri(host.Host.BaseAddress, "/slack/events"), opened.ToJsonString(), DateTimeOffset.UtcNow, SlackHost.SigningSecret);
        // Slack takes its time over views.publish: the event's answer must not wait for it (Slack retries after 3 s).
        host.Slack.FailNext("views.publish", 1, FakeFault.Timeout(TimeSpan.FromSeconds(3)));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"app_home_opened was answered after {clock.Elapsed.TotalMilliseconds:F0} ms");
        Assert.Empty(host.Slack.Views);

        await SlackHost.EventuallyAsync(() => host.Slack.Views.Count > 0, "the Home tab is published");
        var home = Assert.Single(host.Slack.Views);
        Assert.Equal("views.publish", home.Method);
        Assert.Equal(Fox, home.Target);
        var texts = string.Join("\n", home.View["blocks"]!.AsArray().Select(b => b!["text"]?["text"]?.GetValue<string>()));
        foreach (var view in new[] { "*You*", "*Open* — 1 conversation", "*All*", "*Closed*", "*Spam*" })
            Assert.Contains(view, texts);
    }

    private static async Task<SlackHost> StartAsync()
    {
        var host = await SlackHost.StartAsync();
        host.Slack.AddUser(Fox, "Fox Mulder", "fox@acme.test");
        host.Slack.AddUser(Lee, "Lee Adama", InboxHost.SecondOperatorEmail);
        return host;
    }

    private static async Task<(long Id, string RootTs)> ThreadAsync(SlackHost host)
    {
        var id = await WidgetVisitor.NewConversationAsync(host.Host, "I need a hand");
        await SlackHost.EventuallyAsync(() => host.Slack.Messages(SlackHost.Channel).Count == 2, "the thread exists");
        return (id, host.Slack.Messages(SlackHost.Channel).Single(m => !m.IsThreadReply).Ts);
    }

    private static async Task PressAsync(SlackHost host, string actionId, long id, string rootTs)
    {
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = Fox },
            ["trigger_id"] = $"trigger-{Guid.NewGuid():N}",
            ["channel"] = new JsonObject { ["id"] = SlackHost.Channel },
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = rootTs, ["channel_id"] = SlackHost.Channel },
            ["actions"] = new JsonArray(new JsonObject { ["action_id"] = actionId, ["value"] = id.ToString(), ["type"] = "button" }),
        };
        using var response = await SendAsync(host, payload);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<HttpResponseMessage> SendAsync(SlackHost host, JsonObject payload)
    {
        using var client = host.Host.Visitor();
        var request = SlackRequestSigner.CreateFormRequest(new Uri(host.Host.BaseAddress, "/slack/interactions"),
            [new("payload", payload.ToJsonString())], DateTimeOffset.UtcNow, SlackHost.SigningSecret);
        return await client.SendAsync(request);
    }
}
