using Inbox.Core.Model;

namespace Inbox.Core.Distribution;

/// <summary>Picks who takes the next conversation: online operators under their capacity, chosen by the configured mode.</summary>
public static class AssigneePicker
{
    public static Operator? Pick(DistributionMode mode, IEnumerable<Operator> operators, IReadOnlyDictionary<Guid, int> openCounts, int defaultCapacity)
    {
        var candidates = operators
            .Where(o => o.Status == OperatorStatus.Online && Load(o, openCounts) < (o.Capacity ?? defaultCapacity))
            .ToList();
        if (candidates.Count == 0) return null;
        // Ties go to whoever was given a conversation longest ago (never first), then by id so the choice is stable.
        var fairest = candidates.OrderBy(o => o.LastAssignedAt ?? DateTimeOffset.MinValue).ThenBy(o => o.Id);
        return mode switch
        {
            DistributionMode.RoundRobin => fairest.First(),
            DistributionMode.LeastBusy => fairest.OrderBy(o => Load(o, openCounts)).First(),
            _ => null,
        };
    }

    private static int Load(Operator o, IReadOnlyDictionary<Guid, int> openCounts) => openCounts.GetValueOrDefault(o.Id);
}
