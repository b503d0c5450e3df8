using Monitoring.Core.Search;

namespace Monitoring.Web.Features.Overview;

/// <summary>
/// A period the overview's tiles can show, with the baseline it is compared with: about a year of the periods
/// before it, so seasonal news cycles average out (five years for a year, which has nothing finer to average).
/// </summary>
/// <param name="Key">The value of <c>?period=</c>.</param>
/// <param name="Name">The period in a sentence ("week").</param>
/// <param name="BaselinePeriods">How many periods before it make the baseline.</param>
public sealed record OverviewPeriod(string Key, string Name, DateInterval Interval, int BaselinePeriods)
{
    public static OverviewPeriod Week { get; } = new("week", "week", DateInterval.Week, 52);

    public static OverviewPeriod Month { get; } = new("month", "month", DateInterval.Month, 12);

    public static OverviewPeriod Year { get; } = new("year", "year", DateInterval.Year, 5);

    public static IReadOnlyList<OverviewPeriod> All { get; } = [Week, Month, Year];

    /// <summary>The period named by <paramref name="key"/>, or the week when it names none.</summary>
    public static OverviewPeriod Parse(string? key) =>
        All.FirstOrDefault(period => string.Equals(period.Key, key, StringComparison.OrdinalIgnoreCase)) ?? Week;

    /// <summary>The first day of the period that holds <paramref name="day"/>.</summary>
    public DateOnly Start(DateOnly day) => Interval.BucketStart(day);

    /// <summary>The last day of the period that starts on <paramref name="start"/>.</summary>
    public DateOnly End(DateOnly start) => Interval.NextBucket(start).AddDays(-1);

    /// <summary>The first day of the baseline of the period that starts on <paramref name="start"/>.</summary>
    public DateOnly BaselineStart(DateOnly start) => Interval switch
    {
        DateInterval.Week => start.AddDays(-7 * BaselinePeriods),
        DateInterval.Month => start.AddMonths(-BaselinePeriods),
        DateInterval.Year => start.AddYears(-BaselinePeriods),
        _ => start.AddDays(-BaselinePeriods),
    };
}
