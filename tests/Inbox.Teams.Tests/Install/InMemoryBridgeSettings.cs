using System.Collections.Concurrent;
using Inbox.Core.Storage;

namespace Inbox.Teams.Tests.Install;

/// <summary>An <see cref="IBridgeSettings"/> over a dictionary, so tests can see what a bridge stored and preload what it finds.</summary>
internal sealed class InMemoryBridgeSettings : IBridgeSettings
{
    private readonly ConcurrentDictionary<(string Bridge, string Key), string> _values = new();

    public string? this[string bridge, string key] => _values.TryGetValue((bridge, key), out var value) ? value : null;

    public IReadOnlyCollection<(string Bridge, string Key)> Keys => _values.Keys.ToList();

    public Task<string?> GetAsync(string bridge, string key, CancellationToken cancellationToken) =>
        Task.FromResult(this[bridge, key]);

    public Task SetAsync(string bridge, string key, string value, CancellationToken cancellationToken)
    {
        _values[(bridge, key)] = value;
        return Task.CompletedTask;
    }

    public Task RemoveAsync(string bridge, string key, CancellationToken cancellationToken)
    {
        _values.TryRemove((bridge, key), out _);
        return Task.CompletedTask;
    }
}
