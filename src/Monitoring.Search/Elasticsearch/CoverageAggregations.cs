using System.Globalization;
using Elastic.Clients.Elasticsearch.Aggregations;
using Elastic.Clients.Elasticsearch.QueryDsl;
using Monitoring.Core.Search;
using static Monitoring.Search.Elasticsearch.ArticleIndexDefinition;

namespace Monitoring.Search.Elasticsearch;

/// <summary>
/// Coverage as aggregations: a calendar date histogram in the query's time zone (so buckets start at
/// local midnight, DST included, and their keys are the local first days the Lucene engine computes),
/// with average tension and a tense-count filter per bucket; the same histogram under a terms
/// aggregation for the countries with most matches; a filter counting undated articles; when the query splits by
/// outlet groups, the histogram and the topic counts under a terms aggregation including exactly those groups. All sit
/// in a filter aggregation that leaves out articles with an impossible date, which a second filter
/// counts apart. The axis runs from <c>From</c> (else the first match) to <c>To</c> (else the last
/// match), empty buckets included.
/// </summary>
internal static class CoverageAggregations
{
    /// <summary>The articles a chart shows: all matches but those with an impossible date.</summary>
    public const string Charted = "charted";
    public const string ImplausibleDates = "implausible_dates";
    public const string OverTime = "over_time";
    public const string Countries = "countries";
    public const string Undated = "undated";
    public const string OutletGroups = "outlet_groups";
    public const string Topics = "topics";
    public const string AverageTension = "tension";
    public const string TenseArticles = "tense";

    private const string DayFormat = "yyyy-MM-dd";

    public static Dictionary<string, Aggregation> Request(CoverageQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);

        // Checked here so that an unknown zone is the caller's ArgumentException, not a cluster's 400.
        ZonedDates.Find(query.Filter.TimeZone);
        var charted = new Dictionary<string, Aggregation>(StringComparer.Ordinal)
        {
            [OverTime] = Histogram(query),
            [Undated] = new Aggregation { Filter = new TermQuery(ArticleIndexDefinition.Undated, true) },
        };

        // Elasticsearch refuses a terms aggregation of size 0.
        if (query.MaxCountries > 0)
        {
            charted[Countries] = new Aggregation
            {
                Terms = FacetAggregations.Terms(SearchQueryBuilder.CountryField(query.Filter.CountryMode), query.MaxCountries),
                Aggregations = new Dictionary<string, Aggregation>(StringComparer.Ordinal) { [OverTime] = Histogram(query) },
            };
        }

        var splits = query.OutletGroupSplits();
        if (splits.Count > 0)
        {
            // Exactly the groups asked for (include lists values, not patterns); every shard returns all of them, so the
            // counts are exact.
            var groups = FacetAggregations.Terms(OutletGroup, splits.Count);
            groups.Include = new TermsInclude(splits);
            charted[OutletGroups] = new Aggregation
            {
                Terms = groups,
                Aggregations = new Dictionary<string, Aggregation>(StringComparer.Ordinal)
                {
                    [OverTime] = Histogram(query),
                    [Topics] = new Aggregation { Terms = FacetAggregations.Terms(Topic, FacetAggregations.Limit) },
                },
            };
        }

        // must_not rather than a term on false: a document without the field is not flagged.
        var implausible = new TermQuery(ImplausibleDate, true);
        return new Dictionary<string, Aggregation>(StringComparer.Ordinal)
        {
            [Charted] = new Aggregation { Filter = new BoolQuery { MustNot = [implausible] }, Aggregations = charted },
            [ImplausibleDates] = new Aggregation { Filter = implausible },
        };
    }

    public static CoverageTrend Read(AggregateDictionary? aggregations, CoverageQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var interval = query.Interval;
        var implausible = aggregations?.GetFilter(ImplausibleDates)?.DocCount ?? 0;
        var charted = aggregations?.GetFilter(Charted)?.Aggregations;
        var undated = charted?.GetFilter(Undated)?.DocCount ?? 0;
        var total = Buckets(charted?.GetDateHistogram(OverTime), interval);
        var dated = total.Where(pair => pair.Value.Count > 0).Select(pair => pair.Key).ToList();
        DateOnly? first = query.Filter.From is { } from ? interval.BucketStart(from) : dated.Count > 0 ? dated.Min() : null;
        DateOnly? last = query.Filter.To is { } to ? interval.BucketStart(to) : dated.Count > 0 ? dated.Max() : null;
        var splits = query.OutletGroupSplits();
        if (first is null || last is null)
        {
            return CoverageTrend.Empty(interval) with
            {
                UndatedCount = undated,
                ImplausibleDateCount = implausible,
                OutletGroups = [.. splits.Select(group => new OutletGroupSeries(group, [], []))],
            };
        }

        var axis = new List<DateOnly>();
        for (var start = first.Value; start <= last.Value; start = interval.NextBucket(start))
        {
            axis.Add(start);
        }

        var countries = charted?.GetStringTerms(Countries)?.Buckets
            .Select(bucket => new CountrySeries(
                FacetAggregations.KeyOf(bucket),
                OnAxis(axis, Buckets(bucket.Aggregations?.GetDateHistogram(OverTime), interval))))
            .ToList() ?? [];

        var groupBuckets = charted?.GetStringTerms(OutletGroups)?.Buckets.ToDictionary(FacetAggregations.KeyOf, StringComparer.Ordinal) ?? [];
        var groups = splits.Select(group => groupBuckets.TryGetValue(group, out var bucket)
            ? new OutletGroupSeries(
                group,
                OnAxis(axis, Buckets(bucket.Aggregations?.GetDateHistogram(OverTime), interval)),
                FacetAggregations.Counts(bucket.Aggregations?.GetStringTerms(Topics)))
            : new OutletGroupSeries(group, OnAxis(axis, []), []));
        return new CoverageTrend(interval, OnAxis(axis, total), countries, undated) { ImplausibleDateCount = implausible, OutletGroups = [.. groups] };
    }

    private static Aggregation Histogram(CoverageQuery query) => new()
    {
        DateHistogram = new DateHistogramAggregation
        {
            Field = SearchQueryBuilder.DateField(query.Filter.DateBasis),
            CalendarInterval = query.Interval switch
            {
                DateInterval.Day => CalendarInterval.Day,
                DateInterval.Week => CalendarInterval.Week,
                DateInterval.Month => CalendarInterval.Month,
                DateInterval.Year => CalendarInterval.Year,
                _ => throw new ArgumentOutOfRangeException(nameof(query), query.Interval, null),
            },
            TimeZone = query.Filter.TimeZone,
            Format = DayFormat,
            MinDocCount = 0,
            ExtendedBounds = query.Filter.From is null && query.Filter.To is null
                ? null
                : new ExtendedBounds<FieldDateMath>
                {
                    // Instants (epoch milliseconds) of the first and last buckets' local midnights.
                    Min = query.Filter.From is { } from ? StartOf(query.Interval.BucketStart(from), query.Filter.TimeZone) : null,
                    Max = query.Filter.To is { } to ? StartOf(query.Interval.BucketStart(to), query.Filter.TimeZone) : null,
                },
        },
        Aggregations = new Dictionary<string, Aggregation>(StringComparer.Ordinal)
        {
            [AverageTension] = new Aggregation { Avg = new AverageAggregation { Field = Tension } },
            [TenseArticles] = new Aggregation { Filter = new TermQuery(Tense, true) },
        },
    };

    private static FieldDateMath StartOf(DateOnly day, string timeZone) =>
        ZonedDates.StartOfDay(day, ZonedDates.Find(timeZone)).ToUnixTimeMilliseconds();

    // The key as string is the bucket's first day on the query's wall clock (format yyyy-MM-dd).
    private static Dictionary<DateOnly, DateBucket> Buckets(DateHistogramAggregate? histogram, DateInterval interval)
    {
        var buckets = new Dictionary<DateOnly, DateBucket>();
        foreach (var bucket in histogram?.Buckets ?? [])
        {
            var day = bucket.KeyAsString is { } text
                ? DateOnly.ParseExact(text, DayFormat, CultureInfo.InvariantCulture)
                : DateOnly.FromDateTime(bucket.Key.UtcDateTime);
            var start = interval.BucketStart(day);
            buckets[start] = new DateBucket(
                start,
                bucket.DocCount,
                bucket.DocCount == 0 ? null : bucket.Aggregations?.GetAverage(AverageTension)?.Value)
            {
                TenseCount = bucket.Aggregations?.GetFilter(TenseArticles)?.DocCount ?? 0,
            };
        }

        return buckets;
    }

    private static List<DateBucket> OnAxis(List<DateOnly> axis, Dictionary<DateOnly, DateBucket> buckets) =>
        [.. axis.Select(start => buckets.TryGetValue(start, out var bucket) ? bucket : new DateBucket(start, 0, null))];
}
