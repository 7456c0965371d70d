namespace Inbox.Storage;

/// <summary>Where and how the inbox is stored, bound from the "Storage" section.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Only "Sqlite" for now.</summary>
    public string Provider { get; set; } = "Sqlite";
    /// <summary>ADO.NET connection string; empty means a SQLite file <c>inbox.db</c> in <see cref="DataDirectory"/>.</summary>
    public string? ConnectionString { get; set; }
    /// <summary>Folder for the SQLite file (created if missing).</summary>
    public string DataDirectory { get; set; } = "data";
    /// <summary>SQLite synchronous mode: FULL makes every commit durable against power loss; NORMAL only against crashes.</summary>
    public string Synchronous { get; set; } = "FULL";
    /// <summary>Most writes that share one transaction.</summary>
    public int MaxWriteBatch { get; set; } = 512;
    /// <summary>Entities the single writer keeps tracked between batches (a write-through cache); 0 turns it off, as several hosts on one database require.</summary>
    public int WriterCacheSize { get; set; } = 20_000;

    public IEnumerable<string> Validate()
    {
        if (!string.Equals(Provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
            yield return $"{Section}:Provider '{Provider}' is not supported; use Sqlite.";
        if (string.IsNullOrWhiteSpace(ConnectionString) && string.IsNullOrWhiteSpace(DataDirectory))
            yield return $"{Section}:DataDirectory or {Section}:ConnectionString must be set.";
        if (Synchronous.ToUpperInvariant() is not ("FULL" or "NORMAL" or "EXTRA"))
            yield return $"{Section}:Synchronous must be FULL, NORMAL or EXTRA.";
        if (MaxWriteBatch is < 1 or > 10_000)
            yield return $"{Section}:MaxWriteBatch must be between 1 and 10000.";
        if (WriterCacheSize is < 0 or > 1_000_000)
            yield return $"{Section}:WriterCacheSize must be between 0 and 1000000.";
    }
}
