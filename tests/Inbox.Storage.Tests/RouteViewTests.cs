using Inbox.Core.Commands;
using Inbox.Core.Model;
using Inbox.Core.Routing;
using Inbox.Core.Views;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Storage.Tests;

public abstract class RouteViewTests(string provider) : StoreTests(provider)
{
    public sealed class Sqlite() : RouteViewTests(StorageOptions.Sqlite);

    public sealed class Postgres() : RouteViewTests(StorageOptions.Postgres);

    private static readonly RoutingOptions Rules = new()
    {
        Rules =
        [
            new RouteOptions { Name = "shop", Match = new RouteMatchOptions { Site = "shop" }, SlackChannel = "CSHOP00001" },
            new RouteOptions { Name = "blog", Match = new RouteMatchOptions { Site = "blog" }, SlackChannel = "CBLOG00001" },
        ],
    };

    [Fact]
    public async Task A_view_narrowed_to_routes_holds_only_the_conversations_those_routes_took()
    {
        await using var inbox = await OpenAsync(services => services.AddSingleton(new RouteBook(Rules)));
        async Task<long> Start(string visitor, string? site) =>
            (await inbox.Customers.ReceiveAsync(new IncomingMessage(new ContactIdentity(ChannelKind.Widget, visitor), "Hello", Site: site), CancellationToken.None)).Value!.Conversation.Id;
        var shop = await Start("a", "shop");
        var blog = await Start("b", "blog");
        var other = await Start("c", null);
        var book = new RouteBook(Rules);

        async Task<long[]> View(params string[] routes) =>
            (await inbox.Queries.GetViewAsync(new ViewQuery(InboxView.All, Filter: RouteBook.FilterFor(routes.Select(book.Named).ToList())), CancellationToken.None))
                .Items.Select(c => c.Id).Order().ToArray();

        Assert.Equal([shop], await View("shop"));
        Assert.Equal([shop, blog], await View("shop", "blog"));
        Assert.Equal([other], await View("default"));
        Assert.Equal("shop", (await inbox.Queries.FindConversationAsync(shop, CancellationToken.None))!.RouteName);
    }
}
