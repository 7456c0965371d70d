namespace Inbox.Storage;

/// <summary>Where and how the inbox is stored, bound from the "Storage" section.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    /// <summary>The writer cache SQLite gets when <see cref="WriterCacheSize"/> is not set.</summary>
    public const int DefaultSqliteWriterCacheSize = 20_000;

    /// <summary>"Sqlite" (the embedded default, one host) or "Postgres" (one database shared by several hosts).</summary>
    public string Provider { get; set; } = Sqlite;
    /// <summary>ADO.NET connection string: required for Postgres; for SQLite, empty means a file <c>inbox.db</c> in <see cref="DataDirectory"/>.</summary>
    public string? ConnectionString { get; set; }
    /// <summary>Folder for the SQLite file (created if missing).</summary>
    public string DataDirectory { get; set; } = "data";
    /// <summary>SQLite synchronous mode: FULL makes every commit durable against power loss; NORMAL only against crashes.</summary>
    public string Synchronous { get; set; } = "FULL";
    /// <summary>Most writes that share one transaction.</summary>
    public int MaxWriteBatch { get; set; } = 512;
    /// <summary>
    /// Entities the single writer keeps tracked between batches (a write-through cache); 0 turns it off, as several
    /// hosts on one database require. Unset: <see cref="DefaultSqliteWriterCacheSize"/> on SQLite, 0 on Postgres.
    /// </summary>
    public int? WriterCacheSize { get; set; }

    /// <summary>True when the store is PostgreSQL ("Postgres" or "PostgreSQL", any case).</summary>
    public bool IsPostgres =>
        string.Equals(Provider, Postgres, StringComparison.OrdinalIgnoreCase) || string.Equals(Provider, "PostgreSQL", StringComparison.OrdinalIgnoreCase);

    /// <summary>The writer cache in force: the configured size, else the provider's default.</summary>
    public int EffectiveWriterCacheSize => WriterCacheSize ?? (IsPostgres ? 0 : DefaultSqliteWriterCacheSize);

    public IEnumerable<string> Validate()
    {
        var isSqlite = string.Equals(Provider, Sqlite, StringComparison.OrdinalIgnoreCase);
        if (!isSqlite && !IsPostgres)
            yield return $"{Section}:Provider '{Provider}' is not supported; use Sqlite or Postgres.";
        if (IsPostgres && string.IsNullOrWhiteSpace(ConnectionString))
            yield return $"{Section}:ConnectionString must be set when {Section}:Provider is Postgres (e.g. Host=db;Username=inbox;Password=...;Database=inbox).";
        if (isSqlite && string.IsNullOrWhiteSpace(ConnectionString) && string.IsNullOrWhiteSpace(DataDirectory))
            yield return $"{Section}:DataDirectory or {Section}:ConnectionString must be set.";
        if (Synchronous.ToUpperInvariant() is not ("FULL" or "NORMAL" or "EXTRA"))
            yield return $"{Section}:Synchronous must be FULL, NORMAL or EXTRA.";
        if (MaxWriteBatch is < 1 or > 10_000)
            yield return $"{Section}:MaxWriteBatch must be between 1 and 10000.";
        if (WriterCacheSize is < 0 or > 1_000_000)
            yield return $"{Section}:WriterCacheSize must be between 0 and 1000000.";
        // A cached row may have been changed by another host since; only a writer that owns the database may cache.
        if (IsPostgres && WriterCacheSize is > 0)
            yield return $"{Section}:WriterCacheSize must be 0 (or unset) with Postgres: several hosts share the database, so no writer may keep rows cached.";
    }
}
