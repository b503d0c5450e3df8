using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Aggregations;
using Elastic.Clients.Elasticsearch.QueryDsl;
using Monitoring.Core.Search;
using static Monitoring.Search.Elasticsearch.ArticleIndexDefinition;

namespace Monitoring.Search.Elasticsearch;

/// <summary>
/// Coverage as aggregations: a date histogram (with average tension and a tense-count filter per bucket)
/// for all matches, the same histogram under a terms aggregation for the countries with most matches
/// overall, and a filter counting undated articles. Empty buckets between the first and last match are
/// filled here, so the axis never depends on min_doc_count behaviour.
/// </summary>
internal static class CoverageAggregations
{
    public const string OverTime = "over_time";
    public const string Countries = "countries";
    public const string Undated = "undated";
    public const string AverageTension = "tension";
    public const string TenseArticles = "tense";

    public static Dictionary<string, Aggregation> Request(CoverageQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var aggregations = new Dictionary<string, Aggregation>(StringComparer.Ordinal)
        {
            [OverTime] = Histogram(query.Interval),
            [Undated] = new Aggregation { Filter = new TermQuery { Field = ArticleIndexDefinition.Undated, Value = true } },
        };

        // Elasticsearch refuses a terms aggregation of size 0.
        if (query.MaxCountries > 0)
        {
            aggregations[Countries] = new Aggregation
            {
                Terms = FacetAggregations.Terms(Country, query.MaxCountries),
                Aggregations = new Dictionary<string, Aggregation>(StringComparer.Ordinal) { [OverTime] = Histogram(query.Interval) },
            };
        }

        return aggregations;
    }

    public static CoverageTrend Read(AggregateDictionary? aggregations, DateInterval interval)
    {
        var undated = aggregations?.GetFilter(Undated)?.DocCount ?? 0;
        var total = Buckets(aggregations?.GetDateHistogram(OverTime), interval);
        var dated = total.Where(pair => pair.Value.Count > 0).Select(pair => pair.Key).ToList();
        if (dated.Count == 0)
        {
            return CoverageTrend.Empty(interval) with { UndatedCount = undated };
        }

        var axis = new List<DateOnly>();
        for (var start = dated.Min(); start <= dated.Max(); start = interval.NextBucket(start))
        {
            axis.Add(start);
        }

        var countries = aggregations?.GetStringTerms(Countries)?.Buckets
            .Select(bucket => new CountrySeries(
                FacetAggregations.KeyOf(bucket),
                OnAxis(axis, Buckets(bucket.Aggregations?.GetDateHistogram(OverTime), interval))))
            .ToList() ?? [];

        return new CoverageTrend(interval, OnAxis(axis, total), countries, undated);
    }

    private static Aggregation Histogram(DateInterval interval) => new()
    {
        DateHistogram = new DateHistogramAggregation
        {
            Field = Date,
            CalendarInterval = interval switch
            {
                DateInterval.Day => CalendarInterval.Day,
                DateInterval.Week => CalendarInterval.Week,
                DateInterval.Month => CalendarInterval.Month,
                DateInterval.Year => CalendarInterval.Year,
                _ => throw new ArgumentOutOfRangeException(nameof(interval), interval, null),
            },
            Format = DayFormat,
            MinDocCount = 0,
        },
        Aggregations = new Dictionary<string, Aggregation>(StringComparer.Ordinal)
        {
            [AverageTension] = new Aggregation { Avg = new AverageAggregation { Field = Tension } },
            [TenseArticles] = new Aggregation { Filter = new TermQuery { Field = Tense, Value = true } },
        },
    };

    // Days are indexed as UTC midnights, so the bucket key's UTC date is the bucket's first day.
    private static Dictionary<DateOnly, DateBucket> Buckets(DateHistogramAggregate? histogram, DateInterval interval)
    {
        var buckets = new Dictionary<DateOnly, DateBucket>();
        foreach (var bucket in histogram?.Buckets ?? [])
        {
            var start = interval.BucketStart(DateOnly.FromDateTime(bucket.Key.UtcDateTime));
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
