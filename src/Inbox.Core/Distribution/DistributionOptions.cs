namespace Inbox.Core.Distribution;

/// <summary>How new conversations reach operators, bound from the "Distribution" section.</summary>
public sealed class DistributionOptions
{
    public const string Section = "Distribution";

    public DistributionMode Mode { get; set; } = DistributionMode.Off;
    /// <summary>Most open conversations an operator takes automatically, unless their own capacity says otherwise.</summary>
    public int DefaultCapacity { get; set; } = 5;

    public IEnumerable<string> Validate()
    {
        if (!Enum.IsDefined(Mode)) yield return $"{Section}:Mode must be Off, RoundRobin or LeastBusy.";
        if (DefaultCapacity is < 1 or > 1000) yield return $"{Section}:DefaultCapacity must be between 1 and 1000.";
    }
}

/// <summary>Who takes a new conversation.</summary>
public enum DistributionMode
{
    /// <summary>Nobody automatically: operators assign themselves or each other.</summary>
    Off,
    /// <summary>Online operators under their capacity in turn: whoever was given one longest ago.</summary>
    RoundRobin,
    /// <summary>The online operator with the fewest open conversations, under their capacity.</summary>
    LeastBusy,
}
