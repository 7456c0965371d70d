using System.Net;
using Inbox.Host.Tests.Api.Support;

namespace Inbox.Host.Tests.Api;

/// <summary>Conversation tags and visitor tags.</summary>
/// <remarks>Every test works on its own visitors' conversations, so they share one host and check views by conversation, not by totals.</remarks>
public sealed class OperatorTagTests(SharedInboxHost shared) : IClassFixture<SharedInboxHost>, IDisposable
{
    private readonly InboxHost _host = shared.Host;
    private readonly OperatorConsole _dana = OperatorConsole.Dana(shared.Host);

    [Fact]
    public async Task Conversation_and_visitor_tags_can_be_added_and_removed()
    {
        using var visitor = await WidgetVisitor.OpenSessionAsync(_host);
        var first = await visitor.StartConversationAsync("Order 1");
        var second = await visitor.StartConversationAsync("Order 2");

        var tagged = await _dana.RunAsync(first, "tags", new { tag = "#VIP" });
        Assert.Equal(["vip"], tagged["conversation"]!["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        await (await _dana.CommandAsync(first, "tags", new { tag = "vip" })).ShouldBeProblem(HttpStatusCode.Conflict);
        Assert.Empty((await _dana.DetailsAsync(second))["conversation"]!["tags"]!.AsArray());

        await _dana.RunAsync(first, "contact-tags", new { tag = "returning-customer" });
        // A visitor tag shows on every conversation of that visitor.
        Assert.Equal(["returning-customer"], (await _dana.DetailsAsync(second))["contact"]!["tags"]!.AsArray().Select(t => t!.GetValue<string>()));

        var untagged = await (await _dana.Client.DeleteAsync($"/api/operator/conversations/{first}/tags/vip")).ShouldBe(HttpStatusCode.OK);
        Assert.Empty(untagged["conversation"]!["tags"]!.AsArray());
        await (await _dana.Client.DeleteAsync($"/api/operator/conversations/{first}/tags/vip")).ShouldBeProblem(HttpStatusCode.Conflict);
        var contactUntagged = await (await _dana.Client.DeleteAsync($"/api/operator/conversations/{second}/contact-tags/returning-customer")).ShouldBe(HttpStatusCode.OK);
        Assert.Empty(contactUntagged["contact"]!["tags"]!.AsArray());
        Assert.Empty((await _dana.DetailsAsync(first))["contact"]!["tags"]!.AsArray());
    }

    [Theory]
    [InlineData("two words")]
    [InlineData("")]
    [InlineData("emoji-\U0001F600")]
    [InlineData("a-tag-that-is-far-too-long-to-be-useful-at-all")]
    public async Task Invalid_tag_is_a_400_problem_with_errors_tag(string tag)
    {
        var id = await WidgetVisitor.NewConversationAsync(_host, "Tag me");

        var onConversation = await (await _dana.CommandAsync(id, "tags", new { tag })).ShouldBeProblem(HttpStatusCode.BadRequest);
        var onContact = await (await _dana.CommandAsync(id, "contact-tags", new { tag })).ShouldBeProblem(HttpStatusCode.BadRequest);

        Assert.NotEmpty(onConversation.ErrorsFor("tag"));
        Assert.NotEmpty(onContact.ErrorsFor("tag"));
        var details = await _dana.DetailsAsync(id);
        Assert.Empty(details["conversation"]!["tags"]!.AsArray());
        Assert.Empty(details["contact"]!["tags"]!.AsArray());
    }

    public void Dispose() => _dana.Dispose();
}
