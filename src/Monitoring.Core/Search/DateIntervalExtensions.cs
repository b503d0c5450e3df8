namespace Monitoring.Core.Search;

public static class DateIntervalExtensions
{
    /// <summary>The first day of the bucket that holds <paramref name="date"/>; engines must agree on it.</summary>
    public static DateOnly BucketStart(this DateInterval interval, DateOnly date) => interval switch
    {
        DateInterval.Day => date,
        DateInterval.Week => date.AddDays(-(((int)date.DayOfWeek + 6) % 7)),
        DateInterval.Month => new DateOnly(date.Year, date.Month, 1),
        DateInterval.Year => new DateOnly(date.Year, 1, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(interval), interval, null),
    };

    /// <summary>The first day of the bucket after the one that starts on <paramref name="start"/>.</summary>
    public static DateOnly NextBucket(this DateInterval interval, DateOnly start) => interval switch
    {
        DateInterval.Day => start.AddDays(1),
        DateInterval.Week => start.AddDays(7),
        DateInterval.Month => start.AddMonths(1),
        DateInterval.Year => start.AddYears(1),
        _ => throw new ArgumentOutOfRangeException(nameof(interval), interval, null),
    };
}
