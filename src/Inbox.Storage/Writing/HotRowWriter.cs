using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Inbox.Storage.Writing;

/// <summary>Writes the rows every ingested message produces (new messages and outbox rows, new and changed conversations) with prepared statements.</summary>
/// <remarks>
/// EF Core's SaveChanges costs a new command and a change-tracker entry per row; on a small machine that alone caps
/// ingest far below what SQLite can commit. These rows are written here instead, straight from the entities, by their
/// <see cref="RowShape"/> (EF's own model: table, columns, converters, parameter types), so the mapping stays defined
/// in one place. Each statement and its parameters are made once per writer connection and only rebound afterwards;
/// on SQLite they are prepared on SQLite's own handle and bound by position (<see cref="SqliteRowStatement"/>).
/// </remarks>
internal sealed class HotRowWriter(InboxDbContext db) : IDisposable
{
    private readonly SqliteConnection? _sqlite = db.Database.GetDbConnection() as SqliteConnection;
    private readonly Dictionary<RowShape, Statement> _inserts = [];
    private readonly Dictionary<(RowShape Shape, ulong Columns), Statement> _updates = [];

    /// <summary>Inserts each entity's row as it is now.</summary>
    public async Task InsertAsync(RowShape shape, IEnumerable<object> rows, CancellationToken cancellationToken)
    {
        var statement = InsertFor(shape);
        foreach (var row in rows) await ExecuteAsync(statement, row, cancellationToken);
    }

    /// <summary>Writes the columns of <paramref name="changed"/> (bit i is column i of the shape) of the entity's row.</summary>
    public Task UpdateAsync(RowShape shape, object entity, ulong changed, CancellationToken cancellationToken) =>
        ExecuteAsync(UpdateFor(shape, changed), entity, cancellationToken);

    private async Task ExecuteAsync(Statement statement, object entity, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Hot rows are written only inside the batch's transaction.");
        int affected;
        if (statement.Direct is { } direct)
        {
            affected = direct.Execute(entity); // runs in the connection's transaction, which is this one
        }
        else
        {
            statement.Command!.Transaction = transaction;
            for (var i = 0; i < statement.Columns.Length; i++) statement.Columns[i].Bind(statement.Parameters[i], entity);
            affected = await statement.Command.ExecuteNonQueryAsync(cancellationToken);
        }
        if (affected != 1 && !(affected == 0 && statement.MayAffectNone))
            throw new DbUpdateConcurrencyException($"Writing {statement.Shape.Type.DisplayName()} affected {affected} rows instead of 1.");
    }

    private Statement InsertFor(RowShape shape)
    {
        if (_inserts.TryGetValue(shape, out var ready)) return ready;
        var columns = shape.Columns;
        var text = $"INSERT INTO \"{shape.Table}\" ({string.Join(", ", columns.Select(c => c.QuotedName))}) VALUES ({string.Join(", ", columns.Select((_, i) => Parameter(i)))})";
        // An outbox message whose idempotency key is already there is the same intended effect again: it is not enqueued twice.
        var skipRepeats = shape.Type.ClrType == typeof(Outbox.OutboxRecord);
        if (skipRepeats) text += $" ON CONFLICT (\"{nameof(Outbox.OutboxRecord.IdempotencyKey)}\") DO NOTHING";
        return _inserts[shape] = Prepare(shape, text, columns) with { MayAffectNone = skipRepeats };
    }

    // One statement per set of changed columns: receiving a message always changes the same few.
    private Statement UpdateFor(RowShape shape, ulong changed)
    {
        if (_updates.TryGetValue((shape, changed), out var ready)) return ready;
        var set = shape.Columns.Where((_, i) => (changed & (1UL << i)) != 0).ToArray();
        var key = shape.Columns[..shape.KeyCount];
        var text = $"UPDATE \"{shape.Table}\" SET {string.Join(", ", set.Select((c, i) => $"{c.QuotedName} = {Parameter(i)}"))} "
            + $"WHERE {string.Join(" AND ", key.Select((c, i) => $"{c.QuotedName} = {Parameter(set.Length + i)}"))}";
        return _updates[(shape, changed)] = Prepare(shape, text, [.. set, .. key]);
    }

    // SQLite's ?NNN is the parameter at position NNN, which is how its statements are bound.
    private string Parameter(int i) => _sqlite is not null ? $"?{i + 1}" : $"@p{i}";

    private Statement Prepare(RowShape shape, string text, RowColumn[] columns)
    {
        if (_sqlite is not null) return new Statement(shape, null, columns, []) { Direct = new SqliteRowStatement(_sqlite, text, columns) };
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = text;
        var parameters = columns.Select((c, i) => c.CreateParameter(command, $"@p{i}")).ToArray();
        command.Parameters.AddRange(parameters);
        return new Statement(shape, command, columns, parameters);
    }

    /// <summary>Lets go of the prepared statements; the session calls it before it closes the connection.</summary>
    public void Dispose()
    {
        foreach (var statement in _inserts.Values.Concat(_updates.Values))
        {
            statement.Direct?.Dispose();
            statement.Command?.Dispose();
        }
        _inserts.Clear();
        _updates.Clear();
    }

    private sealed record Statement(RowShape Shape, DbCommand? Command, RowColumn[] Columns, DbParameter[] Parameters)
    {
        /// <summary>SQLite: the statement on SQLite's own handle (no <see cref="Command"/> then).</summary>
        public SqliteRowStatement? Direct { get; init; }

        /// <summary>An insert that skips a row already there (by its unique key) rather than failing.</summary>
        public bool MayAffectNone { get; init; }
    }
}
