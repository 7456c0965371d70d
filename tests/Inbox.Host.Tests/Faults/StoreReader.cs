using Microsoft.Data.Sqlite;

namespace Inbox.Host.Tests.Faults;

/// <summary>Reads the host's SQLite file read-only while the host runs (WAL lets a reader in beside the writer).</summary>
internal sealed class StoreReader(string databasePath) : IAsyncDisposable
{
    private readonly SqliteConnection _connection = new(new SqliteConnectionStringBuilder
    {
        DataSource = databasePath,
        Mode = SqliteOpenMode.ReadOnly,
        Pooling = false,
    }.ToString());

    public async Task<long> CountAsync(string sql)
    {
        if (_connection.State != System.Data.ConnectionState.Open) await _connection.OpenAsync();
        await using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Rows of the first column as text.</summary>
    public async Task<List<string>> ListAsync(string sql)
    {
        if (_connection.State != System.Data.ConnectionState.Open) await _connection.OpenAsync();
        await using var command = _connection.CreateCommand();
        command.CommandText = sql;
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add(reader.IsDBNull(0) ? "" : Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        return rows;
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
