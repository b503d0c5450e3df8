using Monitoring.Core.Search;

namespace Monitoring.Web.Features.Trends;

/// <summary>Runs the searches behind the trends charts; the page and the CSV endpoints share it.</summary>
public sealed class TrendsLoader(IArticleSearch search)
{
    private const int MaxCountries = 8;

    /// <exception cref="ArgumentException">A query does not parse, or the time zone is unknown.</exception>
    public async Task<TrendsData> LoadAsync(TrendState state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        var baseText = state.Comparing ? null : state.Text;
        var coverage = await search.GetCoverageAsync(new CoverageQuery(state.Filter(baseText), state.Interval, MaxCountries), cancellationToken).ConfigureAwait(false);
        if (coverage.Total.Count == 0)
        {
            return new TrendsData(state, coverage, [], []);
        }

        var compared = new List<ComparedQuery>();
        foreach (var text in state.Compare)
        {
            var trend = await search.GetCoverageAsync(new CoverageQuery(state.Filter(text), state.Interval, MaxCountries: 0), cancellationToken).ConfigureAwait(false);
            compared.Add(new ComparedQuery(text, Align(coverage, trend.Total)));
        }

        // One coverage query per topic: the engine contract has no topic split of the histogram, and with
        // about twenty topics this stays within a few milliseconds each (docs/trends.md).
        var facets = await search.SearchAsync(state.Filter(baseText), cancellationToken).ConfigureAwait(false);
        var topics = new List<TopicTrend>();
        foreach (var topic in facets.Facets.Topics)
        {
            var filter = state.Filter(baseText) with { Topics = [topic.Value] };
            var trend = await search.GetCoverageAsync(new CoverageQuery(filter, state.Interval, MaxCountries: 0), cancellationToken).ConfigureAwait(false);
            topics.Add(new TopicTrend(topic.Value, [.. Align(coverage, trend.Total).Select(bucket => bucket.Count)]));
        }

        return new TrendsData(state, coverage, compared, topics);
    }

    /// <summary><paramref name="buckets"/> on the view's buckets: missing ones count zero.</summary>
    private static List<DateBucket> Align(CoverageTrend view, IReadOnlyList<DateBucket> buckets)
    {
        var byStart = buckets.ToDictionary(bucket => bucket.Start);
        return [.. view.Total.Select(bucket => byStart.GetValueOrDefault(bucket.Start) ?? new DateBucket(bucket.Start, 0, null))];
    }
}
