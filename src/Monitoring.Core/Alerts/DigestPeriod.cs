using System.Globalization;
using Monitoring.Core.Search;

namespace Monitoring.Core.Alerts;

/// <summary>
/// One hour or one day on the wall clock of a time zone, as the instants [<see cref="Start"/>,
/// <see cref="End"/>). Days begin at local midnight, so a day with a DST change lasts 23 or 25 hours.
/// </summary>
/// <param name="Key">Names the period uniquely for its alert: the local date ("2026-03-29") or the start instant in UTC for an hour.</param>
public sealed record DigestPeriod(DateTimeOffset Start, DateTimeOffset End, string Key)
{
    /// <summary>The hour or day that contains <paramref name="instant"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The mode is not a digest.</exception>
    public static DigestPeriod Containing(DeliveryMode mode, DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        switch (mode)
        {
            case DeliveryMode.Daily:
                var date = ZonedDates.LocalDate(instant, zone);
                return new DigestPeriod(
                    ZonedDates.StartOfDay(date, zone),
                    ZonedDates.StartOfDay(date.AddDays(1), zone),
                    date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            case DeliveryMode.Hourly:
                // Local hours begin where the local clock shows :00; offsets change on such boundaries, so
                // dropping the local minutes and seconds finds the start even across a DST change.
                var local = TimeZoneInfo.ConvertTime(instant, zone);
                var start = instant.ToUniversalTime() - (local.TimeOfDay - TimeSpan.FromHours(local.Hour));
                return new DigestPeriod(start, start.AddHours(1), start.ToString("yyyy-MM-dd'T'HH'Z'", CultureInfo.InvariantCulture));
            default:
                throw new ArgumentOutOfRangeException(nameof(mode), mode, "Only hourly and daily alerts have digest periods.");
        }
    }

    /// <summary>The latest hour or day that has ended at <paramref name="now"/>.</summary>
    public static DigestPeriod LastClosed(DeliveryMode mode, DateTimeOffset now, TimeZoneInfo zone) =>
        Containing(mode, Containing(mode, now, zone).Start.AddTicks(-1), zone);

    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;
}
