using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Inbox.Storage.Writing;

/// <summary>Writes the rows every ingested message produces (new messages, new outbox rows, changed conversations) with prepared statements.</summary>
/// <remarks>
/// EF Core's SaveChanges costs a new command per row; on a small machine that alone caps ingest far
/// below what SQLite can commit. These three row kinds are written here instead, from EF's own model
/// (table, columns, converters, parameter types), so the mapping stays defined in one place; every
/// other change still goes through SaveChanges. Statements are prepared once per writer connection.
/// </remarks>
internal sealed class HotRowWriter(InboxDbContext db)
{
    private readonly Dictionary<string, Statement> _statements = new(StringComparer.Ordinal);

    /// <summary>Inserts the entries' rows as they are (the caller has already marked them saved).</summary>
    public async Task InsertAsync(IReadOnlyList<EntityEntry> inserts, CancellationToken cancellationToken)
    {
        foreach (var entry in inserts)
        {
            var key = entry.Metadata.FindPrimaryKey()!.Properties;
            await ExecuteAsync(entry, InsertFor(entry.Metadata, key), cancellationToken);
        }
    }

    /// <summary>Writes the changed columns of the modified entries, then marks them saved.</summary>
    public async Task UpdateAsync(IReadOnlyList<EntityEntry> updates, CancellationToken cancellationToken)
    {
        foreach (var entry in updates)
        {
            var changed = entry.Properties.Where(p => p.IsModified).Select(p => p.Metadata).ToArray();
            if (changed.Length == 0) continue;
            await ExecuteAsync(entry, UpdateFor(entry.Metadata, changed), cancellationToken);
            // Accept just the written columns: the originals become the written values first (clearing the flag
            // alone would put the old value back), and once no column is modified EF sees the entry unchanged.
            // Much cheaper than a whole-entry state change on the writer's hot path.
            foreach (var property in changed)
            {
                var column = entry.Property(property.Name);
                column.OriginalValue = column.CurrentValue;
                column.IsModified = false;
            }
        }
    }

    private async Task ExecuteAsync(EntityEntry entry, Statement statement, CancellationToken cancellationToken)
    {
        statement.Command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Hot rows are written only inside the batch's transaction.");
        statement.Command.Parameters.Clear();
        for (var i = 0; i < statement.Columns.Length; i++)
        {
            var property = statement.Columns[i];
            statement.Command.Parameters.Add(property.GetRelationalTypeMapping()
                .CreateParameter(statement.Command, $"@p{i}", entry.Property(property.Name).CurrentValue, property.IsNullable));
        }
        var affected = await statement.Command.ExecuteNonQueryAsync(cancellationToken);
        if (affected != 1 && !(affected == 0 && statement.MayAffectNone))
            throw new DbUpdateConcurrencyException($"Writing {entry.Metadata.DisplayName()} affected {affected} rows instead of 1.");
    }

    private Statement InsertFor(IEntityType type, IReadOnlyList<IProperty> key)
    {
        var name = $"insert:{type.Name}";
        if (_statements.TryGetValue(name, out var ready)) return ready;
        var columns = key.Concat(type.GetProperties().Where(p => !key.Contains(p))).ToArray();
        var text = $"INSERT INTO \"{Table(type)}\" ({string.Join(", ", columns.Select(Column))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
        // An outbox message whose idempotency key is already there is the same intended effect again: it is not enqueued twice.
        var skipRepeats = type.ClrType == typeof(Outbox.OutboxRecord);
        if (skipRepeats) text += $" ON CONFLICT (\"{nameof(Outbox.OutboxRecord.IdempotencyKey)}\") DO NOTHING";
        return _statements[name] = Prepare(text, columns) with { MayAffectNone = skipRepeats };
    }

    // One prepared statement per set of changed columns: receiving a message always changes the same few.
    private Statement UpdateFor(IEntityType type, IProperty[] changed)
    {
        var name = $"update:{type.Name}:{string.Join(",", changed.Select(p => p.Name))}";
        if (_statements.TryGetValue(name, out var ready)) return ready;
        var key = type.FindPrimaryKey()!.Properties;
        var text = $"UPDATE \"{Table(type)}\" SET {string.Join(", ", changed.Select((p, i) => $"{Column(p)} = @p{i}"))} "
            + $"WHERE {string.Join(" AND ", key.Select((p, i) => $"{Column(p)} = @p{changed.Length + i}"))}";
        return _statements[name] = Prepare(text, [.. changed, .. key]);
    }

    private Statement Prepare(string text, IProperty[] columns)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = text;
        return new Statement(command, columns);
    }

    private static string Table(IEntityType type) => type.GetTableName() ?? throw new InvalidOperationException($"{type.DisplayName()} has no table.");

    private static string Column(IProperty property) => $"\"{property.GetColumnName()}\"";

    private sealed record Statement(DbCommand Command, IProperty[] Columns)
    {
        /// <summary>An insert that skips a row already there (by its unique key) rather than failing.</summary>
        public bool MayAffectNone { get; init; }
    }
}
