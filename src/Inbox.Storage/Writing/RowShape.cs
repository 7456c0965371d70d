using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Inbox.Storage.Writing;

/// <summary>One entity type's rows as EF's model maps them: the table, the key, and how to read, compare and bind each column.</summary>
/// <remarks>
/// The writer uses it to write the rows every message produces without EF's change tracker, while the mapping
/// (names, converters, comparers, parameter types) stays defined once, in the model. Key columns come first.
/// </remarks>
internal sealed class RowShape
{
    public RowShape(IEntityType type)
    {
        Type = type;
        Table = type.GetTableName() ?? throw new InvalidOperationException($"{type.DisplayName()} has no table.");
        var key = type.FindPrimaryKey()?.Properties ?? throw new InvalidOperationException($"{type.DisplayName()} has no key.");
        var properties = key.Concat(type.GetProperties().Where(p => !key.Contains(p))).ToArray();
        if (properties.FirstOrDefault(p => p.IsShadowProperty()) is { } shadow)
            throw new InvalidOperationException($"{type.DisplayName()}.{shadow.Name} lives only in EF's change tracker; its rows cannot be written without it.");
        Columns = [.. properties.Select(p => new RowColumn(p))];
        KeyCount = key.Count;
    }

    public IEntityType Type { get; }

    public string Table { get; }

    /// <summary>Every mapped column, the key's first.</summary>
    public RowColumn[] Columns { get; }

    public int KeyCount { get; }

    /// <summary>The non-key columns whose value in the entity differs from <paramref name="stored"/> (a <see cref="Snapshot"/>): bit i is column i.</summary>
    public ulong ChangedColumns(object entity, object?[] stored)
    {
        if (Columns.Length > 64) throw new InvalidOperationException($"{Type.DisplayName()} has more columns than a change mask holds.");
        var changed = 0UL;
        for (var i = KeyCount; i < Columns.Length; i++)
            if (Columns[i].Differs(entity, stored[i])) changed |= 1UL << i;
        return changed;
    }

    /// <summary>The values of every column as they are now, copied so that later changes to the entity do not reach them.</summary>
    public object?[] Snapshot(object entity)
    {
        var values = new object?[Columns.Length];
        for (var i = 0; i < values.Length; i++) values[i] = Columns[i].Snapshot(entity);
        return values;
    }
}

/// <summary>One column of a <see cref="RowShape"/>.</summary>
internal sealed class RowColumn(IProperty property)
{
    private readonly IClrPropertyGetter _getter = property.GetGetter();
    private readonly ValueComparer _comparer = property.GetValueComparer();
    private readonly RelationalTypeMapping _mapping = property.GetRelationalTypeMapping();

    public IProperty Property { get; } = property;

    public string QuotedName { get; } = $"\"{property.GetColumnName()}\"";

    public object? Read(object entity) => _getter.GetClrValueUsingContainingEntity(entity);

    public object? Snapshot(object entity) => _comparer.Snapshot(Read(entity));

    // EF's comparer of a primitive collection (tags, participants) builds a delegate at every call of its compiled
    // Equals; by far the writer's most expensive comparison, for lists that nearly never change. Their elements are
    // primitives, whose comparer is plain equality, so comparing item by item gives the same answer.
    private readonly bool _isPrimitiveCollection = property.IsPrimitiveCollection;

    /// <summary>True when the entity's value differs from <paramref name="stored"/> by the property's own comparer (item by item for a primitive collection).</summary>
    public bool Differs(object entity, object? stored) =>
        _isPrimitiveCollection ? !SameItems(Read(entity) as System.Collections.IEnumerable, stored as System.Collections.IEnumerable) : !_comparer.Equals(Read(entity), stored);

    private static bool SameItems(System.Collections.IEnumerable? a, System.Collections.IEnumerable? b)
    {
        if (ReferenceEquals(a, b)) return true;
        if (a is null || b is null) return false;
        var left = a.GetEnumerator();
        var right = b.GetEnumerator();
        while (true)
        {
            var (more, moreOnRight) = (left.MoveNext(), right.MoveNext());
            if (more != moreOnRight) return false;
            if (!more) return true;
            if (!Equals(left.Current, right.Current)) return false;
        }
    }

    /// <summary>A parameter typed as EF would type it, for this column's values (see <see cref="Bind"/>).</summary>
    public System.Data.Common.DbParameter CreateParameter(System.Data.Common.DbCommand command, string name) =>
        _mapping.CreateParameter(command, name, null, Property.IsNullable);

    /// <summary>True when the column's store type is text (how SQLite keeps a GUID).</summary>
    public bool StoredAsText { get; } = string.Equals(property.GetRelationalTypeMapping().StoreTypeNameBase, "TEXT", StringComparison.OrdinalIgnoreCase);

    /// <summary>The entity's value as the database receives it, converted as EF converts it (null for none).</summary>
    public object? ProviderValue(object entity)
    {
        var value = Read(entity);
        if (value is not null)
        {
            if (_mapping.Converter is { } converter) value = converter.ConvertToProvider(value);
            else if (value is Enum) value = Convert.ChangeType(value, Enum.GetUnderlyingType(value.GetType()), System.Globalization.CultureInfo.InvariantCulture);
        }
        return value;
    }

    /// <summary>Puts the entity's value into a parameter made by <see cref="CreateParameter"/>, converted as EF converts it.</summary>
    public void Bind(System.Data.Common.DbParameter parameter, object entity) => parameter.Value = ProviderValue(entity) ?? DBNull.Value;
}
