namespace Inbox.Host.Tests.Api.Support;

/// <summary>One host for a test class whose tests each use their own visitors and conversations.</summary>
/// <remarks>All tests open sessions from 127.0.0.1, so the per-address session limit is raised out of their way.</remarks>
public sealed class SharedInboxHost : IDisposable
{
    public InboxHost Host { get; } = new(settings: new Dictionary<string, string?> { ["Widget:SessionsPerMinute"] = "100000" });

    public void Dispose() => Host.Dispose();
}
