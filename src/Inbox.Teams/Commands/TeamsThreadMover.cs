using Inbox.Core.Model;
using Inbox.Core.Routing;
using Inbox.Core.Views;
using Inbox.Teams.Install;
using Inbox.Teams.Mirroring;

namespace Inbox.Teams.Commands;

/// <summary>
/// <c>@Inbox move #123</c> written in a channel: moves the conversation's Teams thread into that channel.
/// Teams mentions of channels do not reach bots as ids, so the channel is the one the command is written in.
/// </summary>
public sealed class TeamsThreadMover(ThreadMoves moves, IInboxQueries queries, TeamsTargets targets)
{
    /// <param name="channelId">The channel the command was written in; null in a personal chat.</param>
    /// <param name="teamId">The team of that channel, as Teams said it.</param>
    /// <returns>What to tell the operator: done, or why not (plain text).</returns>
    public async Task<(bool Moved, string Message)> MoveAsync(long id, string? channelId, string? teamId, Operator me, CancellationToken ct)
    {
        if (channelId is null) return (false, $"Write `@Inbox move #{id}` in the channel that should take the conversation.");
        if (targets.Current is not { } installed) return (false, "Inbox is not installed in a team yet, so there is no Teams thread to move.");
        // A group chat is no channel: Teams names a team only for messages written in one of its channels.
        if (teamId is null) return (false, $"Write `@Inbox move #{id}` in a channel of the team Inbox posts to; a chat cannot take a conversation's thread.");
        if (installed.TeamId is not null && installed.TeamId != teamId)
            return (false, "This channel is in another team than the one Inbox posts to; threads move only within that team.");
        if (await queries.FindConversationAsync(id, ct) is null) return (false, $"Conversation #{id} does not exist.");
        if (await queries.FindThreadAsync(id, TeamsOutboxRouter.Destination, ct) is not { } thread)
            return (false, $"#{id} has no Teams thread to move: its route keeps it out of Teams, or its thread is not started yet.");
        if (TeamsThreadId.ChannelOf(thread.ExternalId) == channelId) return (false, $"#{id} is already in this channel; nothing to move.");

        var result = await moves.MoveAsync(id, TeamsOutboxRouter.Destination, channelId, "another Teams channel", me.Id, ct);
        return result.Succeeded
            ? (true, $"#{id} moves to this channel: a new thread starts here and the old one links to it.")
            : (false, result.Error.Message);
    }
}
