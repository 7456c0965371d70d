using System.Net.Http.Headers;
using Inbox.Host.Tests.Api.Support;

namespace Inbox.Host.Tests.Api;

public sealed class VisitorFactsTests
{
    private const string ChromeOnWindows =
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";
    private const string LondonAddress = "81.2.69.142";

    [Fact]
    public async Task Chrome_on_Windows_11_shows_in_the_operators_conversation_details()
    {
        await using var host = new InboxHost();
        // What Chrome sends on every request: the frozen UA string and the low-entropy hints;
        // the widget script adds the high-entropy ones (platform version) to the session body only.
        using var visitor = await WidgetVisitor.OpenSessionAsync(host,
            body: new
            {
                site = "shop",
                clientHints = new { platform = "\"Windows\"", platformVersion = "\"15.0.0\"", mobile = "?0" },
            },
            browser: ChromeHeaders);
        using var dana = OperatorConsole.Dana(host);

        var conversationId = await visitor.StartConversationAsync("Hello from my laptop");

        var contact = (await dana.DetailsAsync(conversationId))["contact"];
        Assert.Equal("Windows 11", contact.String("operatingSystem"));
        Assert.Equal("Chrome 124", contact.String("browser"));
        Assert.Equal("Desktop", contact.String("device"));
    }

    [Fact]
    public async Task City_and_country_come_from_X_Forwarded_For_sent_by_a_trusted_proxy()
    {
        await using var host = new InboxHost(settings: new Dictionary<string, string?>
        {
            ["Visitors:GeoIpDatabasePath"] = GeoIpDatabase,
            ["Visitors:TrustedProxies:0"] = "127.0.0.1",
        });
        using var visitor = await WidgetVisitor.OpenSessionAsync(host, browser: h => h.Add("X-Forwarded-For", LondonAddress));
        using var dana = OperatorConsole.Dana(host);

        var conversationId = await visitor.StartConversationAsync("Hi from London");

        var contact = (await dana.DetailsAsync(conversationId))["contact"];
        Assert.Equal("London", contact.String("city"));
        Assert.Equal("GB", contact.String("country"));
    }

    [Fact]
    public async Task X_Forwarded_For_is_ignored_when_no_proxy_is_trusted()
    {
        await using var host = new InboxHost(settings: new Dictionary<string, string?> { ["Visitors:GeoIpDatabasePath"] = GeoIpDatabase });
        using var visitor = await WidgetVisitor.OpenSessionAsync(host, browser: h => h.Add("X-Forwarded-For", LondonAddress));
        using var dana = OperatorConsole.Dana(host);

        var conversationId = await visitor.StartConversationAsync("Pretending to be in London");

        var contact = (await dana.DetailsAsync(conversationId))["contact"];
        Assert.Null(contact.String("city"));
        Assert.Null(contact.String("country"));
    }

    private static string GeoIpDatabase => RepositoryFiles.Path("tests/Inbox.Channels.Widget.Tests/Fixtures/geoip/GeoLite2-City-Test.mmdb");

    private static void ChromeHeaders(HttpRequestHeaders headers)
    {
        headers.UserAgent.ParseAdd(ChromeOnWindows);
        headers.TryAddWithoutValidation("Sec-CH-UA", "\"Chromium\";v=\"124\", \"Google Chrome\";v=\"124\", \"Not-A.Brand\";v=\"99\"");
        headers.TryAddWithoutValidation("Sec-CH-UA-Mobile", "?0");
        headers.TryAddWithoutValidation("Sec-CH-UA-Platform", "\"Windows\"");
    }
}
