using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Inbox.Storage.Mapping;

/// <summary>Keeps a small list of values in one JSON text column (message attachments).</summary>
internal sealed class JsonColumnConverter<T>() : ValueConverter<IReadOnlyList<T>, string>(
    v => JsonSerializer.Serialize(v, JsonOptions),
    v => JsonSerializer.Deserialize<List<T>>(v, JsonOptions) ?? new List<T>())
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>Compares by content, so change tracking sees a replaced list with other items.</summary>
    public static ValueComparer<IReadOnlyList<T>> Comparer { get; } = new(
        (a, b) => ReferenceEquals(a, b) || (a != null && b != null && a.SequenceEqual(b)),
        v => v.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
        v => v.ToList());
}
