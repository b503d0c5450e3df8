namespace Monitoring.Core.Search;

/// <summary>
/// Calendar dates in a time zone, the one definition every engine uses to turn instants into days
/// (date filters and histogram buckets).
/// </summary>
public static class ZonedDates
{
    /// <summary>The zone with this IANA id.</summary>
    /// <exception cref="ArgumentException">No such time zone on this machine.</exception>
    public static TimeZoneInfo Find(string timeZoneId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(timeZoneId);
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        }
        catch (TimeZoneNotFoundException exception)
        {
            throw new ArgumentException($"Unknown time zone '{timeZoneId}'; use an IANA id such as {ArticleQuery.DefaultTimeZone}.", nameof(timeZoneId), exception);
        }
    }

    /// <summary>The calendar date of <paramref name="instant"/> on a wall clock in <paramref name="zone"/>.</summary>
    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>
    /// The instant <paramref name="date"/> begins in <paramref name="zone"/>: local midnight, or the first
    /// valid local time after it where a DST change skips midnight.
    /// </summary>
    public static DateTimeOffset StartOfDay(DateOnly date, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        // An ambiguous midnight (clocks turned back across it) begins at its first occurrence.
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
