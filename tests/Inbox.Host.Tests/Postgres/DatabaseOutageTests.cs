using System.Net;
using System.Security.Cryptography;
using Inbox.Fakes.Postgres;
using Inbox.Host.Tests.Api.Support;

namespace Inbox.Host.Tests.Postgres;

/// <summary>The host's PostgreSQL database going away and coming back, without stopping the server other tests share.</summary>
/// <remarks>The whole server is restarted under a host in <c>Faults/PostgresRestartTests</c>.</remarks>
public sealed class DatabaseOutageTests
{
    [Fact]
    public async Task Health_reports_a_database_that_went_away_even_with_idle_pooled_connections_and_recovers_when_it_is_back()
    {
        await using var database = await TestPostgresDatabase.CreateAsync();
        await using var host = new InboxHost(settings: Settings(database));
        using var client = host.Visitor();
        // Every request of this burst leaves a connection idle in the pool; an open alone would still hand one out.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => WidgetVisitor.NewConversationAsync(host, "hello")));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

        await database.GoAwayAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health")).StatusCode);

        await database.ReopenAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task A_widget_message_while_the_database_is_away_gets_503_with_retry_after_and_is_stored_once_when_sent_again()
    {
        await using var database = await TestPostgresDatabase.CreateAsync();
        await using var host = new InboxHost(settings: Settings(database));
        using var visitor = await WidgetVisitor.OpenSessionAsync(host);
        var id = await visitor.StartConversationAsync("first");

        await database.GoAwayAsync();
        using (var refused = await visitor.SendAsync(id, "second", clientMessageId: "m2"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(2), refused.Headers.RetryAfter?.Delta);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Contains("database", await refused.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        }

        await database.ReopenAsync();
        using (var stored = await visitor.SendAsync(id, "second", clientMessageId: "m2")) Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
        using (var again = await visitor.SendAsync(id, "second", clientMessageId: "m2")) Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(["first", "second"], (await visitor.MessagesAsync(id)).Select(m => m!["text"]!.GetValue<string>()));
    }

    private static Dictionary<string, string?> Settings(TestPostgresDatabase database) => new()
    {
        ["Storage:Provider"] = "Postgres",
        ["Storage:ConnectionString"] = database.ConnectionString,
        ["Widget:TokenSigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ["Widget:SessionsPerMinute"] = "1000",
        ["Widget:MessagesPerMinute"] = "1000",
    };
}
