using Inbox.Core.Views;
using Inbox.Slack.BlockKit;
using Inbox.Slack.Inbound;
using Inbox.Slack.Rendering;
using Inbox.Slack.WebApi;

namespace Inbox.Slack.Commands;

/// <summary>Publishes a user's Home tab: the five views with their counts, newest activity first, each row linking to its thread.</summary>
public sealed class SlackHomeTab(SlackOperators operators, SlashCommandHandler texts, SlackWebApi slack)
{
    public async Task PublishAsync(string userId, CancellationToken ct)
    {
        var me = await operators.ResolveAsync(userId, ct);
        if (me is null) return;
        var blocks = new List<Block> { new HeaderBlock("Inbox") };
        foreach (var view in Enum.GetValues<InboxView>())
        {
            blocks.Add(new DividerBlock());
            blocks.AddRange(SlackText.Split(await texts.ViewTextAsync(view, me, ct)).Select(chunk => (Block)SectionBlock.Markdown(chunk)));
        }
        await slack.CallAsync("views.publish", new { user_id = userId, view = BlockKitJson.View(new HomeView(blocks)) }, ct);
    }
}
