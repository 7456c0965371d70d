using Inbox.Core.Model;
using Inbox.Core.Routing;

namespace Inbox.Core.Tests;

/// <summary>Each route chooses whose name customers see on replies: the operator's (with their picture) or a team alias; never "Bot".</summary>
public sealed class SenderIdentityTests
{
    private static RoutingOptions Routes(string customerSees, string? alias = null) => new()
    {
        Default = new RouteOptions { CustomerSees = customerSees, Alias = alias },
    };

    private static async Task<Message> ReplyAsync(InMemoryInbox inbox, string operatorName, string? avatar = null)
    {
        var op = await inbox.OperatorAsync(operatorName, "op@acme.test");
        op.SetAvatar(avatar);
        var received = await inbox.ReceiveAsync("visitor-a", "Hello");
        return ResultAssert.Succeeds(await inbox.Operators.ReplyAsync(received.Conversation.Id, op.Id, "Hi there")).Message!;
    }

    [Fact]
    public async Task On_an_alias_route_the_close_and_reopen_lines_the_customer_sees_name_the_alias()
    {
        var inbox = new InMemoryInbox(routing: Routes("alias", "Acme Support"));
        var dana = await inbox.OperatorAsync("Dana Scully", "dana@acme.test");
        var received = await inbox.ReceiveAsync("visitor-a", "Hello");
        ResultAssert.Succeeds(await inbox.Operators.CloseAsync(received.Conversation.Id, dana.Id));
        ResultAssert.Succeeds(await inbox.Operators.ReopenAsync(received.Conversation.Id, dana.Id));

        var seen = inbox.Store.CustomerHistory(received.Conversation.Id).Select(m => m.Text).ToList();
        Assert.Contains("Acme Support closed the conversation.", seen);
        Assert.Contains("Acme Support reopened the conversation.", seen);
        Assert.DoesNotContain(seen, text => text.Contains("Dana"));
    }

    [Fact]
    public async Task On_an_operator_route_the_customer_sees_the_operators_name_and_picture()
    {
        var reply = await ReplyAsync(new InMemoryInbox(routing: Routes("operator")), "Dana Scully", "https://avatars.example.test/dana.png");

        Assert.Equal("Dana Scully", reply.SenderName);
        Assert.Equal("https://avatars.example.test/dana.png", reply.SenderAvatarUrl);
    }

    [Fact]
    public async Task On_an_alias_route_the_customer_sees_the_alias_and_nothing_personal()
    {
        var reply = await ReplyAsync(new InMemoryInbox(routing: Routes("alias", "Acme Support")), "Dana Scully", "https://avatars.example.test/dana.png");

        Assert.Equal("Acme Support", reply.SenderName);
        Assert.Null(reply.SenderAvatarUrl);
        Assert.Equal("Dana Scully", reply.AuthorName); // operators still see who wrote it
    }

    [Fact]
    public async Task An_operator_called_Bot_is_shown_as_the_alias()
    {
        var reply = await ReplyAsync(new InMemoryInbox(routing: Routes("operator", "Acme Support")), "bot");

        Assert.Equal("Acme Support", reply.SenderName);
    }

    [Fact]
    public void Only_https_pictures_are_kept()
    {
        var op = new Operator(Guid.NewGuid(), "Dana", "dana@acme.test");

        op.SetAvatar("javascript:alert(1)");
        op.SetAvatar("http://avatars.example.test/dana.png");

        Assert.Null(op.AvatarUrl);
    }
}
