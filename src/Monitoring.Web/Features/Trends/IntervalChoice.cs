using Monitoring.Core.Search;

namespace Monitoring.Web.Features.Trends;

/// <summary>
/// The interval a trends view opens on when its URL does not name one: the finest whose points rest on enough
/// articles to read. A line of four articles a point is noise, and a tension index (a share of tense articles) from
/// a handful of articles jumps by hundreds when one more article is tense.
/// </summary>
public static class IntervalChoice
{
    /// <summary>
    /// Articles a point of the typical series should rest on, on average. At 30 a share read off one point moves by
    /// about a sixth when one article changes side, and a coverage line's week-to-week noise (about √n) is a fifth
    /// of its height: enough to read, not so many that a few months of data are drawn as one point.
    /// </summary>
    public const int ArticlesPerPoint = 30;

    private static readonly DateInterval[] FinestFirst = [DateInterval.Day, DateInterval.Week, DateInterval.Month, DateInterval.Year];

    /// <summary>
    /// The finest interval at which the typical charted series — the median of the compared outlet groups, else of the
    /// country series (or of all coverage when there is none) — has at least <see cref="ArticlesPerPoint"/> articles per bucket over the
    /// charted span; years when even they do not.
    /// </summary>
    /// <param name="monthly">The view's coverage by month: its span and its series' totals.</param>
    public static DateInterval For(CoverageTrend monthly)
    {
        ArgumentNullException.ThrowIfNull(monthly);
        if (monthly.Total.Count == 0)
        {
            return DateInterval.Month;
        }

        var totals = monthly.OutletGroups.Count > 0
            ? monthly.OutletGroups.Select(series => series.Total).Order().ToList()
            : monthly.Countries.Count > 0
            ? monthly.Countries.Select(series => series.Buckets.Sum(bucket => bucket.Count)).Order().ToList()
            : [monthly.Total.Sum(bucket => bucket.Count)];
        var typical = totals[(totals.Count - 1) / 2];
        var first = monthly.Total[0].Start;
        var end = DateInterval.Month.NextBucket(monthly.Total[^1].Start);
        return FinestFirst.FirstOrDefault(interval => typical / (double)Buckets(interval, first, end) >= ArticlesPerPoint, DateInterval.Year);
    }

    private static int Buckets(DateInterval interval, DateOnly first, DateOnly end)
    {
        var count = 0;
        for (var start = interval.BucketStart(first); start < end; start = interval.NextBucket(start))
        {
            count++;
        }

        return Math.Max(1, count);
    }
}
