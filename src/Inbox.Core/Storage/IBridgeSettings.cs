namespace Inbox.Core.Storage;

/// <summary>Small durable settings a bridge learns at run time (where Teams installed the bot, ...), as text per bridge and key.</summary>
public interface IBridgeSettings
{
    Task<string?> GetAsync(string bridge, string key, CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="value"/>, replacing what the key held.</summary>
    Task SetAsync(string bridge, string key, string value, CancellationToken cancellationToken);

    Task RemoveAsync(string bridge, string key, CancellationToken cancellationToken);
}
