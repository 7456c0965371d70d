using Inbox.Fakes.Slack;
using Inbox.Host.Tests.Api.Support;

using static Inbox.Host.Tests.Replies.SlackReplies;

namespace Inbox.Host.Tests.Replies;

/// <summary>Whose name and picture the widget visitor sees on a reply written in Slack: the route decides.</summary>
public sealed class SlackSenderTests
{
    [Fact]
    public async Task On_an_operator_route_the_widget_shows_the_operators_name_and_slack_picture()
    {
        await using var host = await StartAsync();
        using var visitor = await WidgetVisitor.OpenSessionAsync(host.Host);
        var (id, rootTs) = await StartThreadAsync(host, visitor, "Hi");

        await ReplyAsync(host, rootTs, "1800000002.000100", "Hello from Fox");

        var reply = (await visitor.MessagesAsync(id)).Single(m => m.String("direction") == "operator");
        Assert.Equal("Fox Mulder", reply.String("authorName"));
        Assert.Equal(FakeSlack.ProfileImageUrl(Fox, 192), reply.String("authorAvatarUrl"));
    }

    [Fact]
    public async Task On_an_alias_route_the_widget_shows_the_alias_and_nothing_of_the_operator()
    {
        await using var host = await StartAsync(new Dictionary<string, string?>
        {
            ["Routing:Default:CustomerSees"] = "alias",
            ["Routing:Default:Alias"] = "Acme Support",
        });
        using var visitor = await WidgetVisitor.OpenSessionAsync(host.Host);
        var (id, rootTs) = await StartThreadAsync(host, visitor, "Hi");

        await ReplyAsync(host, rootTs, "1800000002.000200", "Hello from the team");

        var reply = (await visitor.MessagesAsync(id)).Single(m => m.String("direction") == "operator");
        Assert.Equal("Acme Support", reply.String("authorName"));
        Assert.Null(reply!["authorAvatarUrl"]);
        Assert.DoesNotContain("Fox", reply!.ToJsonString());
        Assert.DoesNotContain("Bot", reply.ToJsonString());
    }
}
