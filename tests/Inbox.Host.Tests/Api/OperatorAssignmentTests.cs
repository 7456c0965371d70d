using System.Net;
using Inbox.Host.Tests.Api.Support;

namespace Inbox.Host.Tests.Api;

/// <summary>Who handles a conversation: assign, transfer and join.</summary>
/// <remarks>Every test works on its own visitors' conversations, so they share one host and check views by conversation, not by totals.</remarks>
public sealed class OperatorAssignmentTests(SharedInboxHost shared) : IClassFixture<SharedInboxHost>, IDisposable
{
    private readonly InboxHost _host = shared.Host;
    private readonly OperatorConsole _dana = OperatorConsole.Dana(shared.Host);
    private readonly OperatorConsole _lee = OperatorConsole.Lee(shared.Host);

    [Fact]
    public async Task Assign_without_a_body_assigns_to_me_and_with_an_email_to_that_operator()
    {
        var id = await WidgetVisitor.NewConversationAsync(_host, "Need help");

        var mine = await _dana.RunAsync(id, "assign");
        Assert.Equal(await MyIdAsync(_dana), mine["conversation"].String("assigneeId"));
        Assert.Equal(InboxHost.OperatorEmail, (await _dana.DetailsAsync(id))["assignee"].String("email"));
        Assert.Contains(id, await _dana.ViewIdsAsync("you", "pageSize=100"));

        await _dana.RunAsync(id, "assign", new { operatorEmail = InboxHost.SecondOperatorEmail });
        Assert.Equal(InboxHost.SecondOperatorName, (await _dana.DetailsAsync(id))["assignee"].String("name"));
        Assert.Contains(id, await _lee.ViewIdsAsync("you", "pageSize=100"));
        Assert.DoesNotContain(id, await _dana.ViewIdsAsync("you", "pageSize=100"));

        var again = await (await _dana.CommandAsync(id, "assign", new { operatorEmail = InboxHost.SecondOperatorEmail })).ShouldBeProblem(HttpStatusCode.Conflict);
        Assert.Contains(InboxHost.SecondOperatorName, again.Detail());
    }

    [Fact]
    public async Task Transfer_hands_the_conversation_to_the_second_operator()
    {
        var id = await WidgetVisitor.NewConversationAsync(_host, "Technical question");
        await _dana.RunAsync(id, "assign");

        var transferred = await _dana.RunAsync(id, "transfer", new { operatorEmail = InboxHost.SecondOperatorEmail });

        Assert.Contains(InboxHost.SecondOperatorName, transferred.String("summary"));
        var details = await _lee.DetailsAsync(id);
        Assert.Equal(InboxHost.SecondOperatorEmail, details["assignee"].String("email"));
        Assert.Contains(details["messages"]!.AsArray(), m =>
            m.String("text") == $"{InboxHost.OperatorName} transferred the conversation to {InboxHost.SecondOperatorName}."
            && m!["isInternal"]!.GetValue<bool>());
        Assert.Contains(id, await _lee.ViewIdsAsync("you", "pageSize=100"));
        Assert.DoesNotContain(id, await _dana.ViewIdsAsync("you", "pageSize=100"));
    }

    [Fact]
    public async Task Transfer_to_an_unknown_or_missing_operator_is_refused_and_keeps_the_assignee()
    {
        var id = await WidgetVisitor.NewConversationAsync(_host, "Hello");
        await _dana.RunAsync(id, "assign");
        var before = await _dana.DetailsAsync(id);

        var unknown = await (await _dana.CommandAsync(id, "transfer", new { operatorEmail = "ghost@example.test" })).ShouldBeProblem(HttpStatusCode.NotFound);
        var missing = await (await _dana.CommandAsync(id, "transfer", new { operatorEmail = "" })).ShouldBeProblem(HttpStatusCode.BadRequest);
        var assignUnknown = await (await _dana.CommandAsync(id, "assign", new { operatorEmail = "ghost@example.test" })).ShouldBeProblem(HttpStatusCode.NotFound);

        Assert.Contains("ghost@example.test", unknown.Detail());
        Assert.Contains("ghost@example.test", assignUnknown.Detail());
        Assert.NotEmpty(missing.ErrorsFor("operatorEmail"));
        Assert.Equal(before.ToJsonString(), (await _dana.DetailsAsync(id)).ToJsonString());
    }

    [Fact]
    public async Task Join_adds_the_operator_beside_the_assignee_once()
    {
        var id = await WidgetVisitor.NewConversationAsync(_host, "Complicated case");
        await _dana.RunAsync(id, "assign");

        await _lee.RunAsync(id, "join");

        var details = await _dana.DetailsAsync(id);
        Assert.Equal(InboxHost.OperatorEmail, details["assignee"].String("email"));
        Assert.Equal([InboxHost.SecondOperatorEmail], details["participants"]!.AsArray().Select(p => p.String("email")));
        Assert.Contains(id, await _lee.ViewIdsAsync("all", "pageSize=100"));
        await (await _lee.CommandAsync(id, "join")).ShouldBeProblem(HttpStatusCode.Conflict);
        await (await _dana.CommandAsync(id, "join")).ShouldBeProblem(HttpStatusCode.Conflict);
    }

    private static async Task<string?> MyIdAsync(OperatorConsole console) =>
        (await (await console.Client.GetAsync("/api/operator/me")).ShouldBe(HttpStatusCode.OK)).String("id");

    public void Dispose()
    {
        _dana.Dispose();
        _lee.Dispose();
    }
}
