using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Inbox.Bench.Seeding;

/// <summary>
/// A prepared INSERT into one entity type's table, built from the EF model (table, columns, value converters, parameter
/// types), so seeded rows are stored exactly as the application would store them.
/// </summary>
/// <remarks>
/// Values are given per property name as functions of the row number, in model (CLR) types; the model's converters turn
/// them into what the column holds. A property the seeder gives no value gets null, or the column type's default when
/// the column is NOT NULL, so a column added later by a migration does not stop the seeder.
/// </remarks>
internal sealed class ModelTable : IDisposable
{
    private readonly SqliteCommand _command;
    private readonly Column[] _columns;

    public ModelTable(SqliteConnection connection, IEntityType type, IReadOnlyDictionary<string, Func<long, object?>> values)
    {
        var properties = type.GetProperties().ToArray();
        var unknown = values.Keys.Where(name => properties.All(p => p.Name != name)).ToList();
        if (unknown.Count > 0)
            throw new InvalidOperationException($"{type.DisplayName()} has no propert{(unknown.Count == 1 ? "y" : "ies")} {string.Join(", ", unknown)}; the seeder is out of date with the model.");

        Table = type.GetTableName() ?? throw new InvalidOperationException($"{type.DisplayName()} has no table.");
        _command = connection.CreateCommand();
        _command.CommandText = $"INSERT INTO \"{Table}\" ({string.Join(", ", properties.Select(p => $"\"{p.GetColumnName()}\""))}) "
            + $"VALUES ({string.Join(", ", properties.Select((_, i) => $"@p{i}"))})";
        _columns = new Column[properties.Length];
        for (var i = 0; i < properties.Length; i++)
        {
            var property = properties[i];
            var mapping = property.GetRelationalTypeMapping();
            // EF's own parameter set-up (type, size) once; each row only changes the value.
            var parameter = (SqliteParameter)mapping.CreateParameter(_command, $"@p{i}", null, property.IsNullable);
            _command.Parameters.Add(parameter);
            _columns[i] = new Column(parameter, mapping.Converter, values.GetValueOrDefault(property.Name), DefaultFor(property, mapping.Converter));
        }
    }

    public string Table { get; }

    public void Insert(long row)
    {
        foreach (var column in _columns)
        {
            object? value;
            if (column.Value is null) value = column.Default; // already in the column's type
            else if ((value = column.Value(row)) is not null && column.Converter is { } converter) value = converter.ConvertToProvider(value);
            column.Parameter.Value = value ?? DBNull.Value;
        }
        _command.ExecuteNonQuery();
    }

    public void Use(SqliteTransaction transaction) => _command.Transaction = transaction;

    public void Dispose() => _command.Dispose();

    private static object? DefaultFor(IProperty property, ValueConverter? converter)
    {
        if (property.IsNullable) return null;
        var stored = converter?.ProviderClrType ?? property.ClrType;
        return stored == typeof(string) ? "" : Activator.CreateInstance(Nullable.GetUnderlyingType(stored) ?? stored);
    }

    private sealed record Column(SqliteParameter Parameter, ValueConverter? Converter, Func<long, object?>? Value, object? Default);
}
