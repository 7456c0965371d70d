namespace Inbox.Host.Tests.Faults;

/// <summary>The fault tests run one at a time and alone: they load a 2-core machine fully and measure how long recovery takes.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultsCollection
{
    public const string Name = "Faults";
}
