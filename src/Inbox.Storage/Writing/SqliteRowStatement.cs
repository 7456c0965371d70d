using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Inbox.Storage.Writing;

/// <summary>SQLite only: one of the writer's hot statements, prepared on SQLite's own handle and bound by position.</summary>
/// <remarks>
/// Microsoft.Data.Sqlite binds every parameter by name (a search through the statement's names, a UTF-8 copy of the
/// name, a handle reference) and wraps each run in a data reader; for the few statements every message runs, that
/// cost the writer more than SQLite's own work on the row. Values are bound here exactly as Microsoft.Data.Sqlite
/// binds them (integers, booleans as 0/1, text, reals, blobs, a GUID stored as TEXT as its upper-case string); a
/// value of any other type fails loudly instead of being stored in another form. Errors come as the same
/// <see cref="SqliteException"/> a command would throw, so a unique-key conflict is handled as before.
/// </remarks>
internal sealed class SqliteRowStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly RowColumn[] _columns;

    public SqliteRowStatement(SqliteConnection connection, string sql, RowColumn[] columns)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The writer's SQLite connection is not open.");
        var rc = raw.sqlite3_prepare_v2(_db, sql, out _statement);
        SqliteException.ThrowExceptionForRC(rc, _db);
        if (raw.sqlite3_bind_parameter_count(_statement) != columns.Length)
            throw new InvalidOperationException($"The statement has {raw.sqlite3_bind_parameter_count(_statement)} parameters for {columns.Length} columns: {sql}");
        _columns = columns;
    }

    /// <summary>Binds the entity's values and runs the statement once; returns the rows it changed.</summary>
    public int Execute(object entity)
    {
        try
        {
            for (var i = 0; i < _columns.Length; i++) Bind(i + 1, _columns[i], _columns[i].ProviderValue(entity));
            var rc = raw.sqlite3_step(_statement);
            if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, _db);
            return raw.sqlite3_changes(_db);
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    private void Bind(int index, RowColumn column, object? value)
    {
        var rc = value switch
        {
            null => raw.sqlite3_bind_null(_statement, index),
            string text => raw.sqlite3_bind_text(_statement, index, text),
            long number => raw.sqlite3_bind_int64(_statement, index, number),
            int number => raw.sqlite3_bind_int64(_statement, index, number),
            short number => raw.sqlite3_bind_int64(_statement, index, number),
            byte number => raw.sqlite3_bind_int64(_statement, index, number),
            bool flag => raw.sqlite3_bind_int64(_statement, index, flag ? 1 : 0),
            double real => raw.sqlite3_bind_double(_statement, index, real),
            byte[] bytes => raw.sqlite3_bind_blob(_statement, index, bytes),
            Guid id when column.StoredAsText => raw.sqlite3_bind_text(_statement, index, id.ToString().ToUpperInvariant()),
            _ => throw new NotSupportedException($"{column.QuotedName} holds a {value.GetType().Name}, which the writer's SQLite statements do not bind; write it through EF instead."),
        };
        SqliteException.ThrowExceptionForRC(rc, _db);
    }

    public void Dispose() => _statement.Dispose();
}
