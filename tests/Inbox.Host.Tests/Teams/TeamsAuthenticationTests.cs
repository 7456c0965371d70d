using System.Net;
using System.Text;
using Inbox.Fakes.BotFramework;
using Inbox.Host.Tests.Api.Support;

namespace Inbox.Host.Tests.Teams;

public sealed class TeamsAuthenticationTests
{
    public static TheoryData<string> BadTokens() => new()
    {
        nameof(ChannelTokenOptions.Expired), nameof(ChannelTokenOptions.NotYetValid), nameof(ChannelTokenOptions.WrongAudience),
        nameof(ChannelTokenOptions.WrongIssuer), nameof(ChannelTokenOptions.SignedWithUnknownKey), nameof(ChannelTokenOptions.AlgNone),
        nameof(ChannelTokenOptions.WrongServiceUrl),
    };

    private static ChannelTokenOptions Flaw(string flaw) => flaw switch
    {
        nameof(ChannelTokenOptions.Expired) => new() { Expired = true },
        nameof(ChannelTokenOptions.NotYetValid) => new() { NotYetValid = true },
        nameof(ChannelTokenOptions.WrongAudience) => new() { WrongAudience = true },
        nameof(ChannelTokenOptions.WrongIssuer) => new() { WrongIssuer = true },
        nameof(ChannelTokenOptions.SignedWithUnknownKey) => new() { SignedWithUnknownKey = true },
        nameof(ChannelTokenOptions.AlgNone) => new() { AlgNone = true },
        nameof(ChannelTokenOptions.WrongServiceUrl) => new() { WrongServiceUrl = true },
        _ => throw new ArgumentOutOfRangeException(nameof(flaw)),
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_bad_token_is_refused_with_401_and_neither_an_install_nor_a_reply_is_stored(string flaw)
    {
        await using var host = await TeamsHost.StartAsync();
        await host.InstallAsync();
        var id = await WidgetVisitor.NewConversationAsync(host.Host, "Hi there");
        var thread = await host.ThreadOfAsync(id);

        using var reply = await host.SendAsync(host.Activities.ChannelMessage(host.Dana, thread.ConversationId, "Forged answer", mentionBot: false), Flaw(flaw));
        using var takeover = await host.SendAsync(host.Activities.ChannelMessage(host.Dana, "19:other-channel@thread.tacv2", "use this channel"), Flaw(flaw));
        using var press = await host.SendAsync(host.Activities.CardAction(host.Dana, thread.ConversationId, thread.RootActivityId, "inbox.close",
            new System.Text.Json.Nodes.JsonObject { ["conversationId"] = id }), Flaw(flaw));

        Assert.Equal(HttpStatusCode.Unauthorized, reply.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, takeover.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, press.StatusCode);
        using var console = OperatorConsole.Dana(host.Host);
        var details = await console.DetailsAsync(id);
        Assert.DoesNotContain(details["messages"]!.AsArray(), m => m.String("text") == "Forged answer");
        Assert.Equal("Open", details["conversation"].String("status"));
        // The thread of the next conversation still starts in the installed channel, not the one named by the forged message.
        var next = await WidgetVisitor.NewConversationAsync(host.Host, "Second chat");
        Assert.StartsWith(host.Activities.TeamId, (await host.ThreadOfAsync(next)).ConversationId);
    }

    [Fact]
    public async Task An_activity_without_a_token_is_refused_before_it_is_read()
    {
        await using var host = await TeamsHost.StartAsync();
        using var client = new HttpClient();
        var activity = host.Activities.BotAddedToTeam(host.Dana);
        using var response = await client.PostAsync(host.MessagesEndpoint, new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await WidgetVisitor.NewConversationAsync(host.Host, "Nobody installed Inbox");
        await Task.Delay(300);
        Assert.Empty(host.Teams.CallsTo(BotOperation.CreateConversation));
    }

    [Fact]
    public async Task A_token_signed_with_a_rotated_key_is_taken_after_the_keys_are_read_again()
    {
        await using var host = await TeamsHost.StartAsync();
        await host.InstallAsync();
        host.Teams.RotateSigningKey();
        using var response = await host.SendAsync(host.Activities.ChannelMessage(host.Dana, host.Activities.TeamId, "help"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Without_app_id_and_password_the_bridge_is_off_and_the_endpoint_does_not_exist()
    {
        await using var host = await TeamsHost.StartAsync(settings: new Dictionary<string, string?> { ["Teams:AppId"] = "", ["Teams:AppPassword"] = "" });
        using var response = await host.SendAsync(host.Activities.BotAddedToTeam(host.Dana));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
