using System.Net;
using System.Net.Http.Headers;
using Inbox.Host.Tests.Api.Support;

namespace Inbox.Host.Tests.Api;

public sealed class OperatorApiRequestTests(SharedInboxHost shared) : IClassFixture<SharedInboxHost>
{
    private readonly InboxHost _host = shared.Host;

    [Fact]
    public async Task Operator_API_without_a_valid_key_answers_401_problem()
    {
        using var anonymous = _host.Visitor();
        using var wrongKey = _host.Visitor();
        wrongKey.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-real-operator-key-123");
        using var basic = _host.Visitor();
        basic.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", "ZGFuYTpzZWNyZXQ=");
        using var visitor = await WidgetVisitor.OpenSessionAsync(_host);
        var id = await visitor.StartConversationAsync("hello");

        foreach (var client in new[] { anonymous, wrongKey, basic, visitor.Client })
        {
            foreach (var response in new[]
            {
                await client.GetAsync("/api/operator/views/all"),
                await client.GetAsync($"/api/operator/conversations/{id}"),
                await client.PostAsync($"/api/operator/conversations/{id}/close", null),
            })
            {
                await response.ShouldBeProblem(HttpStatusCode.Unauthorized);
                Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
            }
        }
        Assert.Equal("Open", Assert.Single(await visitor.ConversationsAsync()).String("status"));
    }

    [Theory]
    [InlineData("inbox")]
    [InlineData("1")]
    [InlineData("Closedd")]
    public async Task Unknown_view_is_a_400_problem_naming_the_views(string view)
    {
        using var dana = OperatorConsole.Dana(_host);

        var problem = await (await dana.Client.GetAsync($"/api/operator/views/{view}")).ShouldBeProblem(HttpStatusCode.BadRequest);

        Assert.Contains("you, open, all, closed or spam", Assert.Single(problem.ErrorsFor("view")));
    }

    [Theory]
    [InlineData("after=garbage")]
    [InlineData("after=MTIzOmFiYw")]
    [InlineData("after=%F0%9F%98%80")]
    public async Task Garbage_cursor_is_a_400_problem(string query)
    {
        using var dana = OperatorConsole.Dana(_host);

        var problem = await (await dana.Client.GetAsync($"/api/operator/views/all?{query}")).ShouldBeProblem(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.ErrorsFor("after"));
    }

    [Theory]
    [InlineData("pageSize=0")]
    [InlineData("pageSize=101")]
    public async Task Page_size_out_of_range_is_a_400_problem(string query)
    {
        using var dana = OperatorConsole.Dana(_host);

        var problem = await (await dana.Client.GetAsync($"/api/operator/views/all?{query}")).ShouldBeProblem(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.ErrorsFor("pageSize"));
    }
}
