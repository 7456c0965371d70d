using System.Net;
using System.Net.Http.Json;
using System.Text;
using Inbox.Host.Tests.Api.Support;

namespace Inbox.Host.Tests.Api;

public sealed class WidgetInputLimitsTests(SharedInboxHost shared) : IClassFixture<SharedInboxHost>
{
    private readonly InboxHost _host = shared.Host;

    [Fact]
    public async Task Message_longer_than_the_limit_is_a_413_problem_naming_the_limit_and_nothing_is_stored()
    {
        await using var host = new InboxHost(settings: new Dictionary<string, string?> { ["Widget:MaxMessageLength"] = "120" });
        using var visitor = await WidgetVisitor.OpenSessionAsync(host);
        var id = await visitor.StartConversationAsync("Short start");

        var problem = await (await visitor.SendAsync(id, new string('a', 121))).ShouldBeProblem(HttpStatusCode.RequestEntityTooLarge);
        var newChat = await (await visitor.StartChatAsync(new string('b', 500))).ShouldBeProblem(HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains("120", problem.Detail());
        Assert.Contains("120", newChat.Detail());
        Assert.NotEmpty(problem.ErrorsFor("text"));
        Assert.Equal(201, (int)(await visitor.SendAsync(id, new string('c', 120))).StatusCode);
        Assert.Equal(2, (await visitor.MessagesAsync(id)).Count);
        Assert.Single(await visitor.ConversationsAsync());
    }

    [Fact]
    public async Task Visitor_sending_too_fast_gets_a_429_problem_with_Retry_After()
    {
        await using var host = new InboxHost(settings: new Dictionary<string, string?> { ["Widget:MessagesPerMinute"] = "3" });
        using var visitor = await WidgetVisitor.OpenSessionAsync(host);
        using var patient = await WidgetVisitor.OpenSessionAsync(host);
        var id = await visitor.StartConversationAsync("one");
        Assert.Equal(201, (int)(await visitor.SendAsync(id, "two")).StatusCode);
        Assert.Equal(201, (int)(await visitor.SendAsync(id, "three")).StatusCode);

        var response = await visitor.SendAsync(id, "four");

        var problem = await response.ShouldBeProblem(HttpStatusCode.TooManyRequests);
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 60);
        Assert.Contains($"{(int)retryAfter.Value.TotalSeconds} seconds", problem.Detail());
        Assert.Equal(["one", "two", "three"], (await visitor.MessagesAsync(id)).Select(m => m.String("text")));
        // The limit is per visitor: someone else on the same address can still write.
        Assert.Equal(201, (int)(await patient.StartChatAsync("hello")).StatusCode);
    }

    [Fact]
    public async Task Malformed_JSON_is_a_400_problem_not_a_500()
    {
        using var visitor = await WidgetVisitor.OpenSessionAsync(_host);
        using var dana = OperatorConsole.Dana(_host);
        var id = await visitor.StartConversationAsync("hello");
        var broken = () => new StringContent("{\"text\": \"unterminated", Encoding.UTF8, "application/json");

        await (await visitor.Client.PostAsync("/widget/api/conversations", broken())).ShouldBeProblem(HttpStatusCode.BadRequest);
        await (await visitor.Client.PostAsync($"/widget/api/conversations/{id}/messages", broken())).ShouldBeProblem(HttpStatusCode.BadRequest);
        await (await visitor.Client.PutAsync("/widget/api/profile", broken())).ShouldBeProblem(HttpStatusCode.BadRequest);
        await (await visitor.Client.PostAsync("/widget/api/session", broken())).ShouldBeProblem(HttpStatusCode.BadRequest);
        await (await dana.Client.PostAsync($"/api/operator/conversations/{id}/reply", broken())).ShouldBeProblem(HttpStatusCode.BadRequest);
        await (await visitor.Client.PostAsync("/widget/api/conversations", new StringContent("[1,2]", Encoding.UTF8, "application/json")))
            .ShouldBeProblem(HttpStatusCode.BadRequest);

        Assert.Single(await visitor.MessagesAsync(id));
    }

    [Fact]
    public async Task Empty_message_is_refused_with_errors_text()
    {
        using var visitor = await WidgetVisitor.OpenSessionAsync(_host);
        var id = await visitor.StartConversationAsync("hello");

        foreach (var text in new[] { "", "   \n ", null })
        {
            Assert.NotEmpty((await (await visitor.SendAsync(id, text)).ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("text"));
            Assert.NotEmpty((await (await visitor.StartChatAsync(text)).ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorsFor("text"));
        }

        Assert.Single(await visitor.MessagesAsync(id));
        Assert.Single(await visitor.ConversationsAsync());
    }
}
