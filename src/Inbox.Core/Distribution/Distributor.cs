using Inbox.Core.Commands;
using Inbox.Core.Views;

namespace Inbox.Core.Distribution;

/// <summary>
/// Hands waiting conversations (open, unassigned) to online operators under their capacity, oldest first, as the
/// configured mode says. A conversation nobody can take stays in Open and is handed out when someone frees up.
/// </summary>
/// <remarks>
/// Runs one pass at a time and commits each assignment before deciding the next, so counts never go stale; a
/// conversation assigned by hand in between is simply refused and skipped.
/// </remarks>
public sealed class Distributor(IInboxQueries queries, OperatorCommands commands, DistributionOptions options)
{
    private const int Batch = 100;
    private readonly SemaphoreSlim _pass = new(1, 1);

    /// <summary>
    /// A pass for a caller that has already done its own work (an operator came online): a failure here is left to the
    /// next pass (the scheduled one at the latest) instead of failing that work.
    /// </summary>
    public async Task TryAssignWaitingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await AssignWaitingAsync(cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // Nothing is lost: waiting conversations stay in Open until a pass succeeds.
        }
    }

    /// <summary>Assigns what can be assigned now; returns how many conversations were handed out.</summary>
    public async Task<int> AssignWaitingAsync(CancellationToken cancellationToken)
    {
        if (options.Mode == DistributionMode.Off) return 0;
        await _pass.WaitAsync(cancellationToken);
        try
        {
            var assigned = 0;
            var operators = (await queries.GetOperatorsAsync(cancellationToken)).ToList();
            var counts = new Dictionary<Guid, int>(await queries.GetOpenAssignmentCountsAsync(cancellationToken));
            foreach (var conversationId in await queries.GetUnassignedOpenAsync(Batch, cancellationToken))
            {
                var pick = AssigneePicker.Pick(options.Mode, operators, counts, options.DefaultCapacity);
                if (pick is null) break;
                var result = await commands.AutoAssignAsync(conversationId, pick.Id, cancellationToken);
                if (!result.Succeeded) continue;
                counts[pick.Id] = counts.GetValueOrDefault(pick.Id) + 1;
                // The picker's fairness reads LastAssignedAt: take the committed operator back.
                var index = operators.FindIndex(o => o.Id == pick.Id);
                if (await queries.FindOperatorAsync(pick.Id, cancellationToken) is { } fresh) operators[index] = fresh;
                assigned++;
            }
            return assigned;
        }
        finally
        {
            _pass.Release();
        }
    }
}
