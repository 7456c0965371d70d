using Inbox.Core.Views;
using Inbox.Slack.BlockKit;
using Inbox.Slack.Inbound;
using Inbox.Slack.Rendering;
using Inbox.Slack.Routing;
using Inbox.Slack.WebApi;

namespace Inbox.Slack.Commands;

/// <summary>Publishes a user's Home tab: the five views with their counts, newest activity first, each row linking to its thread.</summary>
/// <remarks>
/// A route picker at the top narrows the views to one route's conversations; the choice holds until the tab is opened again
/// (Slack sends app_home_opened each time), which shows every route.
/// </remarks>
public sealed class SlackHomeTab(SlackOperators operators, SlashCommandHandler texts, SlackWebApi slack, SlackRoutes routes)
{
    private const string AllRoutes = "*";

    /// <param name="routeName">The route to narrow to; null or "*": every conversation.</param>
    public async Task PublishAsync(string userId, CancellationToken ct, string? routeName = null)
    {
        var me = await operators.ResolveAsync(userId, ct);
        if (me is null) return;
        var route = routeName is null or AllRoutes ? null : routes.Book.All.FirstOrDefault(r => r.Name == routeName);
        var blocks = new List<Block> { new HeaderBlock("Inbox") };
        if (routes.Book.Rules.Count > 0) blocks.Add(RoutePicker(route?.Name));
        // The five views are independent reads; on the pool they run side by side (SQLite's calls finish synchronously).
        var views = await Task.WhenAll(Enum.GetValues<InboxView>().Select(view => Task.Run(() => texts.ViewTextAsync(view, me, ct, route), ct)));
        foreach (var text in views)
        {
            blocks.Add(new DividerBlock());
            blocks.AddRange(SlackText.Split(text).Select(chunk => (Block)SectionBlock.Markdown(chunk)));
        }
        await slack.CallAsync("views.publish", new { user_id = userId, view = BlockKitJson.View(new HomeView(blocks)) }, ct);
    }

    private ActionsBlock RoutePicker(string? chosen)
    {
        var options = new List<Option> { new("Every route", AllRoutes) };
        options.AddRange(routes.Book.All.Select(r => new Option($"Route: {r.Name}", r.Name)));
        var initial = options.FirstOrDefault(o => o.Value == (chosen ?? AllRoutes));
        return new ActionsBlock([new StaticSelectElement(SlackActions.HomeRoute, "Route", options, initial)]);
    }
}
