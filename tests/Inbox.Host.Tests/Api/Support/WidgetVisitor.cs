using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Inbox.Host.Tests.Api.Support;

/// <summary>A website visitor calling the widget API the way widget.js does: one session, then its token on every call.</summary>
internal sealed class WidgetVisitor : IDisposable
{
    private readonly InboxHost _host;

    private WidgetVisitor(InboxHost host, HttpClient client, string token)
    {
        _host = host;
        Client = client;
        Token = token;
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public HttpClient Client { get; }
    public string Token { get; }

    /// <summary>Opens a session; <paramref name="browser"/> sets the headers the browser sends on every request.</summary>
    public static async Task<WidgetVisitor> OpenSessionAsync(InboxHost host, object? body = null, Action<HttpRequestHeaders>? browser = null)
    {
        var client = host.Visitor();
        browser?.Invoke(client.DefaultRequestHeaders);
        var session = await (await client.PostAsJsonAsync("/widget/api/session", body ?? new { site = "shop" })).ShouldBe(HttpStatusCode.OK);
        return new WidgetVisitor(host, client, session.String("visitorToken")!);
    }

    /// <summary>A new visitor opens a chat and leaves; returns the conversation id.</summary>
    public static async Task<long> NewConversationAsync(InboxHost host, string text)
    {
        using var visitor = await OpenSessionAsync(host);
        return await visitor.StartConversationAsync(text);
    }

    /// <summary>The same visitor after a page reload: a new client carrying the token kept in localStorage.</summary>
    public WidgetVisitor Reload() => new(_host, _host.Visitor(), Token);

    public Task<HttpResponseMessage> StartChatAsync(string? text, string? clientMessageId = null) =>
        Client.PostAsJsonAsync("/widget/api/conversations", new { text, clientMessageId });

    /// <summary>Starts a new chat and returns its conversation id.</summary>
    public async Task<long> StartConversationAsync(string text) =>
        (await (await StartChatAsync(text)).ShouldBe(HttpStatusCode.Created))["conversation"].Id();

    public Task<HttpResponseMessage> SendAsync(long conversationId, string? text, string? clientMessageId = null) =>
        Client.PostAsJsonAsync($"/widget/api/conversations/{conversationId}/messages", new { text, clientMessageId });

    public async Task<JsonArray> MessagesAsync(long conversationId) =>
        (await (await Client.GetAsync($"/widget/api/conversations/{conversationId}/messages")).ShouldBe(HttpStatusCode.OK)).Items();

    public async Task<JsonArray> ConversationsAsync() =>
        (await (await Client.GetAsync("/widget/api/conversations")).ShouldBe(HttpStatusCode.OK)).Items();

    public void Dispose() => Client.Dispose();
}
