namespace Monitoring.Core.Search;

/// <summary>
/// Coverage over time of the articles matching <see cref="Filter"/>: buckets of calendar dates in
/// <c>Filter.TimeZone</c> on <c>Filter.DateBasis</c>, each starting at local midnight of
/// <see cref="DateIntervalExtensions.BucketStart"/>. The buckets run without gaps (empty ones count zero)
/// from <c>Filter.From</c>, else the first match, to <c>Filter.To</c>, else the last match.
/// </summary>
/// <param name="Filter">Paging, cursor and sort are ignored.</param>
/// <param name="MaxCountries">The countries with most matching articles get a series each.</param>
public sealed record CoverageQuery(ArticleQuery Filter, DateInterval Interval, int MaxCountries = 8);

public enum DateInterval
{
    Day,
    Week,
    Month,
    Year,
}

/// <param name="Total">All matching articles per bucket, whatever their country.</param>
/// <param name="UndatedCount">
/// Matching articles without a publication date, charted by ingest date; not those with an impossible date
/// (<see cref="ImplausibleDateCount"/>), which are charted on no date.
/// </param>
/// <param name="Countries">
/// One series per country, largest first, on the same buckets as <paramref name="Total"/>; countries in
/// the sense of <c>Filter.CountryMode</c>, the country filter applying.
/// </param>
public sealed record CoverageTrend(
    DateInterval Interval,
    IReadOnlyList<DateBucket> Total,
    IReadOnlyList<CountrySeries> Countries,
    long UndatedCount)
{
    public static CoverageTrend Empty(DateInterval interval) => new(interval, [], [], 0);

    /// <summary>
    /// Matching articles whose source gave an impossible publication date (<c>Article.ImplausiblePublished</c>):
    /// in no bucket, in neither <see cref="Total"/> nor <see cref="Countries"/> nor <see cref="UndatedCount"/>.
    /// </summary>
    public long ImplausibleDateCount { get; init; }
}

public sealed record CountrySeries(string CountryCode, IReadOnlyList<DateBucket> Buckets);

/// <param name="Start">First day of the bucket (Monday for weeks, the 1st for months, 1 January for years).</param>
/// <param name="AverageTension">Mean tension of the bucket's articles, null when empty.</param>
public sealed record DateBucket(DateOnly Start, long Count, double? AverageTension)
{
    /// <summary>The tension index: the share of the bucket's articles that are tense, null when empty.</summary>
    public double? TensionIndex => Count == 0 ? null : (double)TenseCount / Count;

    /// <summary>How many of the bucket's articles are tense (<c>TensionScore.IsTense</c>): the tension index's numerator.</summary>
    public long TenseCount { get; init; }
}
