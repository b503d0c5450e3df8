using System.Globalization;
using Monitoring.Core.Search;

namespace Monitoring.Web.Features.Trends;

internal static class TrendsFormat
{
    public static string BucketLabel(DateOnly start, DateInterval interval) => interval switch
    {
        DateInterval.Year => start.ToString("yyyy", CultureInfo.InvariantCulture),
        DateInterval.Month => start.ToString("MMM yyyy", CultureInfo.InvariantCulture),
        DateInterval.Week => "week of " + start.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
        _ => start.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
    };

    /// <summary>"1 article", "1,234 articles".</summary>
    public static string Articles(long count) =>
        count == 1 ? "1 article" : count.ToString("N0", CultureInfo.InvariantCulture) + " articles";

    public static string DayLabel(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>The last day of the bucket that starts on <paramref name="start"/>.</summary>
    public static DateOnly BucketEnd(DateOnly start, DateInterval interval) => interval.NextBucket(start).AddDays(-1);
}
