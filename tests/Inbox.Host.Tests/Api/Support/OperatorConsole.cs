using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Inbox.Host.Tests.Api.Support;

/// <summary>An operator working through the operator REST API with their key.</summary>
internal sealed class OperatorConsole(HttpClient client) : IDisposable
{
    public HttpClient Client => client;

    public static OperatorConsole Dana(InboxHost host) => new(host.Operator());

    public static OperatorConsole Lee(InboxHost host) => new(host.Operator(second: true));

    /// <summary>POSTs a command (close, reply, assign...) without checking the answer.</summary>
    public Task<HttpResponseMessage> CommandAsync(long conversationId, string command, object? body = null, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/operator/conversations/{conversationId}/{command}")
        {
            Content = body is null ? null : JsonContent.Create(body),
        };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return client.SendAsync(request);
    }

    /// <summary>Runs a command that must succeed and returns its answer.</summary>
    public async Task<JsonNode> RunAsync(long conversationId, string command, object? body = null) =>
        await (await CommandAsync(conversationId, command, body)).ShouldBe(HttpStatusCode.OK);

    public async Task<JsonNode> ReplyAsync(long conversationId, string text) => await RunAsync(conversationId, "reply", new { text });

    public async Task<JsonNode> DetailsAsync(long conversationId) =>
        await (await client.GetAsync($"/api/operator/conversations/{conversationId}")).ShouldBe(HttpStatusCode.OK);

    public async Task<JsonNode> ViewAsync(string view, string query = "") =>
        await (await client.GetAsync($"/api/operator/views/{view}{(query.Length == 0 ? "" : "?" + query)}")).ShouldBe(HttpStatusCode.OK);

    /// <summary>The conversation ids a view shows on its first page, in order.</summary>
    public async Task<long[]> ViewIdsAsync(string view, string query = "") => (await ViewAsync(view, query)).Items().Ids();

    public void Dispose() => client.Dispose();
}
