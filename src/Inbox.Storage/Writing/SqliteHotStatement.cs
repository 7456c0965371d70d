using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Inbox.Storage.Writing;

/// <summary>One of <see cref="HotRowWriter"/>'s statements prepared on SQLite's own handle and bound by position.</summary>
/// <remarks>
/// Microsoft.Data.Sqlite looks every parameter up by name again at each execution (a UTF-8 copy of the name and a
/// search per parameter) and wraps each step in a data reader; for the rows every message writes that was a sixth
/// of the writer's time, measured on the ingest bench. Here the statement is prepared once and its values are bound
/// straight by position. It covers the values SQLite stores natively (integers, reals, text, blobs, null); any other
/// value (a <see cref="Guid"/>, a date) leaves the row to the ADO.NET command, which binds it as EF would.
/// The statement belongs to its connection and must be disposed before the connection closes.
/// </remarks>
internal sealed class SqliteHotStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    private SqliteHotStatement(sqlite3 db, sqlite3_stmt statement) => (_db, _statement) = (db, statement);

    /// <summary>Prepares <paramref name="sql"/>, whose parameters must be named @p0, @p1... in the order they first appear.</summary>
    public static SqliteHotStatement Prepare(SqliteConnection connection, string sql, int parameters)
    {
        var db = connection.Handle ?? throw new InvalidOperationException("The writer's connection is not open.");
        var rc = raw.sqlite3_prepare_v2(db, sql, out var statement);
        if (rc != raw.SQLITE_OK) throw Error(db, rc);
        if (raw.sqlite3_bind_parameter_count(statement) != parameters)
        {
            statement.Dispose();
            throw new InvalidOperationException($"Expected {parameters} parameters in: {sql}");
        }
        for (var i = 0; i < parameters; i++)
            if (raw.sqlite3_bind_parameter_index(statement, $"@p{i}") != i + 1)
            {
                statement.Dispose();
                throw new InvalidOperationException($"@p{i} is not parameter {i + 1} in: {sql}");
            }
        return new SqliteHotStatement(db, statement);
    }

    /// <summary>True when SQLite stores <paramref name="value"/> as it is (see <see cref="Bind"/>).</summary>
    public static bool Binds(object? value) =>
        value is null or DBNull or long or int or short or byte or sbyte or ushort or uint or bool or double or float or string or byte[];

    /// <summary>Binds the values (each one <see cref="Binds"/> accepts) to @p0, @p1..., runs the statement and returns the rows it changed.</summary>
    public int Execute(ReadOnlySpan<object?> values)
    {
        try
        {
            for (var i = 0; i < values.Length; i++)
            {
                var rc = Bind(i + 1, values[i]);
                if (rc != raw.SQLITE_OK) throw Error(_db, rc);
            }
            var step = raw.sqlite3_step(_statement);
            if (step != raw.SQLITE_DONE) throw Error(_db, step);
            return raw.sqlite3_changes(_db);
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    public void Dispose() => _statement.Dispose();

    // As Microsoft.Data.Sqlite binds the same values: integers and booleans as INTEGER, floats as REAL.
    private int Bind(int index, object? value) => value switch
    {
        null or DBNull => raw.sqlite3_bind_null(_statement, index),
        long v => raw.sqlite3_bind_int64(_statement, index, v),
        int v => raw.sqlite3_bind_int64(_statement, index, v),
        short v => raw.sqlite3_bind_int64(_statement, index, v),
        byte v => raw.sqlite3_bind_int64(_statement, index, v),
        sbyte v => raw.sqlite3_bind_int64(_statement, index, v),
        ushort v => raw.sqlite3_bind_int64(_statement, index, v),
        uint v => raw.sqlite3_bind_int64(_statement, index, v),
        bool v => raw.sqlite3_bind_int64(_statement, index, v ? 1 : 0),
        double v => raw.sqlite3_bind_double(_statement, index, v),
        float v => raw.sqlite3_bind_double(_statement, index, v),
        string v => raw.sqlite3_bind_text(_statement, index, v),
        byte[] v => raw.sqlite3_bind_blob(_statement, index, v),
        _ => throw new ArgumentException($"{value.GetType()} is not bound here.", nameof(value)),
    };

    private static SqliteException Error(sqlite3 db, int rc) =>
        new(raw.sqlite3_errmsg(db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(db));
}
