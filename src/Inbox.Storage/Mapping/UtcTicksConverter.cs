using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Inbox.Storage.Mapping;

/// <summary>Stores instants as UTC ticks so SQLite can compare, order and subtract them.</summary>
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));
