using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Monitoring.Alerts.Data;

/// <summary>
/// Instants stored as UTC ticks: SQLite cannot compare DateTimeOffset values in SQL, while ticks compare and
/// sort on every provider.
/// </summary>
public static class UtcTicksConverters
{
    public static ValueConverter<DateTimeOffset, long> Required { get; } =
        new(value => value.UtcTicks, ticks => new DateTimeOffset(ticks, TimeSpan.Zero));

    public static ValueConverter<DateTimeOffset?, long?> Optional { get; } =
        new(value => value.HasValue ? value.Value.UtcTicks : null, ticks => ticks.HasValue ? new DateTimeOffset(ticks.Value, TimeSpan.Zero) : null);
}
