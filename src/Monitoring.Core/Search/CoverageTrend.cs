namespace Monitoring.Core.Search;

/// <summary>
/// Coverage over time of the articles matching <see cref="Filter"/>: buckets of calendar dates in
/// <c>Filter.TimeZone</c> on <c>Filter.DateBasis</c>, each starting at local midnight of
/// <see cref="DateIntervalExtensions.BucketStart"/>. The buckets run without gaps (empty ones count zero)
/// from <c>Filter.From</c>, else the first match, to <c>Filter.To</c>, else the last match.
/// </summary>
/// <param name="Filter">Paging, cursor and sort are ignored.</param>
/// <param name="MaxCountries">The countries with most matching articles get a series each.</param>
public sealed record CoverageQuery(ArticleQuery Filter, DateInterval Interval, int MaxCountries = 8)
{
    /// <summary>Most outlet groups one query splits by: the trends page compares up to four.</summary>
    public const int MaxOutletGroupSplits = 8;

    /// <summary>
    /// Outlet group ids (<c>ArticleOutlet.Groups</c>) to split the matches by: one <see cref="OutletGroupSeries"/>
    /// each in <see cref="CoverageTrend.OutletGroups"/>, in this order (each id once), with their topic counts. An article whose
    /// outlet is in two of them counts in both. Empty (the default) splits by none. This is the side-by-side view of
    /// one search in one engine call, instead of one coverage and one facet query per group.
    /// </summary>
    public IReadOnlyList<string> SplitByOutletGroups { get; init; } = [];

    /// <summary>The split's ids as the engines read them: trimmed, blanks and repeats left out, in order.</summary>
    /// <exception cref="ArgumentOutOfRangeException">More than <see cref="MaxOutletGroupSplits"/> groups.</exception>
    public IReadOnlyList<string> OutletGroupSplits()
    {
        var groups = SplitByOutletGroups.Select(group => group.Trim()).Where(group => group.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (groups.Count > MaxOutletGroupSplits)
        {
            throw new ArgumentOutOfRangeException(nameof(SplitByOutletGroups), groups.Count, $"A coverage query splits by at most {MaxOutletGroupSplits} outlet groups.");
        }

        return groups;
    }
}

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

    /// <summary>
    /// One series per id of <c>CoverageQuery.SplitByOutletGroups</c>, in its order (a group without matches too, all
    /// zero), on the same buckets as <see cref="Total"/>; empty when the query splits by none.
    /// </summary>
    public IReadOnlyList<OutletGroupSeries> OutletGroups { get; init; } = [];
}

public sealed record CountrySeries(string CountryCode, IReadOnlyList<DateBucket> Buckets);

/// <summary>The matches whose outlet is in one outlet group.</summary>
/// <param name="GroupId">The group's id, as the query gave it (trimmed).</param>
/// <param name="Buckets">Its matches (and tense matches) per bucket, on the trend's buckets.</param>
/// <param name="Topics">
/// Its charted matches per topic over the whole range, most first (ties by value, ordinal); an article with two
/// topics counts for both; at most 50 topics, as a facet lists.
/// </param>
public sealed record OutletGroupSeries(string GroupId, IReadOnlyList<DateBucket> Buckets, IReadOnlyList<FacetCount> Topics)
{
    public long Total => Buckets.Sum(bucket => bucket.Count);
}

/// <param name="Start">First day of the bucket (Monday for weeks, the 1st for months, 1 January for years).</param>
/// <param name="AverageTension">Mean tension of the bucket's articles, null when empty.</param>
public sealed record DateBucket(DateOnly Start, long Count, double? AverageTension)
{
    /// <summary>The tension index: the share of the bucket's articles that are tense, null when empty.</summary>
    public double? TensionIndex => Count == 0 ? null : (double)TenseCount / Count;

    /// <summary>How many of the bucket's articles are tense (<c>TensionScore.IsTense</c>): the tension index's numerator.</summary>
    public long TenseCount { get; init; }
}
