using Inbox.Fakes.Postgres;

namespace Inbox.Storage.Tests;

/// <summary>The database one test works on: a SQLite file in a temp folder, or a PostgreSQL database of its own.</summary>
/// <remarks>It outlives the inboxes opened on it, so a test can stop one and open another on the same data (a restart).</remarks>
public sealed class TestStore : IAsyncDisposable
{
    private readonly TestPostgresDatabase? _postgres;
    private readonly string? _folder;

    private TestStore(string provider, TestPostgresDatabase? postgres, string? folder)
    {
        Provider = provider;
        _postgres = postgres;
        _folder = folder;
    }

    /// <summary><see cref="StorageOptions.Sqlite"/> or <see cref="StorageOptions.Postgres"/>.</summary>
    public string Provider { get; }

    public bool IsPostgres => _postgres is not null;

    /// <summary>The Storage:* settings that point an inbox at this database.</summary>
    public Dictionary<string, string?> Settings => _postgres is not null
        ? new() { ["Storage:Provider"] = StorageOptions.Postgres, ["Storage:ConnectionString"] = _postgres.ConnectionString }
        : new() { ["Storage:Provider"] = StorageOptions.Sqlite, ["Storage:DataDirectory"] = _folder };

    public static async Task<TestStore> CreateAsync(string provider) => provider switch
    {
        StorageOptions.Postgres => new TestStore(provider, await TestPostgresDatabase.CreateAsync(), null),
        StorageOptions.Sqlite => new TestStore(provider, null, Directory.CreateTempSubdirectory("inbox-test-").FullName),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Sqlite or Postgres."),
    };

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null) await _postgres.DisposeAsync();
        if (_folder is not null)
        {
            // Pooled SQLite connections keep the file open until their pool is cleared.
            using (var pooled = new Microsoft.Data.Sqlite.SqliteConnection(StorageServiceCollectionExtensions.ConnectionString(new StorageOptions { DataDirectory = _folder })))
                Microsoft.Data.Sqlite.SqliteConnection.ClearPool(pooled);
            try { Directory.Delete(_folder, recursive: true); }
            catch (IOException) { }
        }
    }
}
