using System.Net;
using System.Net.Http.Json;
using Inbox.Host.Tests.Api.Support;

namespace Inbox.Host.Tests.Api;

public sealed class ConversationDetailsTests(SharedInboxHost shared) : IClassFixture<SharedInboxHost>
{
    private readonly InboxHost _host = shared.Host;

    [Fact]
    public async Task Details_show_the_visitor_the_conversation_its_notes_and_the_visitors_past_conversations()
    {
        using var visitor = await WidgetVisitor.OpenSessionAsync(_host);
        using var dana = OperatorConsole.Dana(_host);
        await (await visitor.Client.PutAsJsonAsync("/widget/api/profile",
            new { name = "Ana Lima", email = "ana@example.com", phone = "+44 20 7946 0958" })).ShouldBe(HttpStatusCode.OK);
        var first = await visitor.StartConversationAsync("My first order never came");
        await dana.ReplyAsync(first, "Resent it today.");
        await dana.RunAsync(first, "close");
        var stillOpen = await visitor.StartConversationAsync("Also, a question about sizes");
        var current = await visitor.StartConversationAsync("The resent order came broken");
        await dana.RunAsync(current, "assign");
        await dana.RunAsync(current, "notes", new { text = "Second problem with this customer; offer a refund" });

        var details = await dana.DetailsAsync(current);

        var contact = details["contact"]!;
        Assert.Equal("Ana Lima", contact.String("name"));
        Assert.Equal("ana@example.com", contact.String("email"));
        Assert.Equal("+442079460958", contact.String("phone"));
        Assert.False(contact["isBlocked"]!.GetValue<bool>());
        Assert.NotNull(contact["channelIds"]!["Widget"]);

        var conversation = details["conversation"]!;
        Assert.Equal(current, conversation.Id());
        Assert.Equal($"#{current}", conversation.String("reference"));
        Assert.Equal("Widget", conversation.String("channel"));
        Assert.Equal("Open", conversation.String("status"));
        Assert.True(conversation["isActive"]!.GetValue<bool>());
        Assert.NotNull(conversation.String("startedAt"));
        Assert.Null(conversation["endedAt"]);
        Assert.Equal(InboxHost.OperatorName, details["assignee"].String("name"));

        var note = Assert.Single(details["notes"]!.AsArray());
        Assert.Equal("Second problem with this customer; offer a refund", note.String("text"));
        Assert.Equal(InboxHost.OperatorName, note.String("authorName"));
        Assert.Equal("The resent order came broken", details["messages"]![0].String("text"));

        var past = details["pastConversations"]!.AsArray();
        Assert.Equal([stillOpen, first], past.Ids());
        var closed = past[1]!;
        Assert.Equal("Closed", closed.String("status"));
        var firstDetails = (await dana.DetailsAsync(first))["conversation"]!;
        Assert.Equal(firstDetails.String("startedAt"), closed.String("startedAt"));
        Assert.Equal(firstDetails.String("endedAt"), closed.String("endedAt"));
        Assert.Equal(
            (long)(firstDetails["endedAt"]!.GetValue<DateTimeOffset>() - firstDetails["startedAt"]!.GetValue<DateTimeOffset>()).TotalSeconds,
            closed["durationSeconds"]!.GetValue<double>());
        Assert.Equal("Open", past[0].String("status"));
        Assert.Null(past[0]!["durationSeconds"]);
    }

    [Fact]
    public async Task Closed_conversation_details_show_when_it_ended()
    {
        using var visitor = await WidgetVisitor.OpenSessionAsync(_host);
        using var dana = OperatorConsole.Dana(_host);
        var id = await visitor.StartConversationAsync("Quick one");

        await dana.RunAsync(id, "close");

        var conversation = (await dana.DetailsAsync(id))["conversation"]!;
        Assert.Equal("Closed", conversation.String("status"));
        Assert.False(conversation["isActive"]!.GetValue<bool>());
        Assert.True(conversation["endedAt"]!.GetValue<DateTimeOffset>() >= conversation["startedAt"]!.GetValue<DateTimeOffset>());
        Assert.Empty((await dana.DetailsAsync(id))["pastConversations"]!.AsArray());
    }
}
