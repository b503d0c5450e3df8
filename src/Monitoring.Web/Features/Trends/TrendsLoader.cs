using Microsoft.Extensions.Caching.Memory;
using Monitoring.Core.Search;

namespace Monitoring.Web.Features.Trends;

/// <summary>
/// Runs the searches behind the trends charts; the page and the CSV endpoints share it. A view's data is kept
/// for a minute while the index holds the same number of articles: the page draws the charts when it is
/// prerendered and again when its circuit starts, and a CSV export usually follows the view it exports.
/// </summary>
public sealed class TrendsLoader(IArticleSearch search) : IDisposable
{
    private const int MaxCountries = 8;

    private static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(1);

    private readonly MemoryCache _recent = new(new MemoryCacheOptions { SizeLimit = 32 });

    /// <exception cref="ArgumentException">A query does not parse, or the time zone is unknown.</exception>
    public async Task<TrendsData> LoadAsync(TrendState state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        // Newly indexed articles change the count, and with it the key: a view is never older than the index by more than a re-indexing.
        var key = state.ToQueryString() + "#" + await search.CountAsync(cancellationToken).ConfigureAwait(false);
        if (_recent.TryGetValue(key, out TrendsData? known) && known is not null)
        {
            return known;
        }

        var data = await SearchAsync(state, cancellationToken).ConfigureAwait(false);
        _recent.Set(key, data, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = KeepFor });
        return data;
    }

    public void Dispose() => _recent.Dispose();

    private async Task<TrendsData> SearchAsync(TrendState state, CancellationToken cancellationToken)
    {
        if (state.ComparingGroups)
        {
            return await CompareGroupsAsync(state, cancellationToken).ConfigureAwait(false);
        }

        var baseText = state.Comparing ? null : state.Text;
        CoverageTrend coverage;
        if (state.Interval is { } interval)
        {
            coverage = await search.GetCoverageAsync(new CoverageQuery(state.Filter(baseText), interval, MaxCountries), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // The interval is the data's to choose: the monthly coverage gives the span and the series' sizes.
            coverage = await search.GetCoverageAsync(new CoverageQuery(state.Filter(baseText), DateInterval.Month, MaxCountries), cancellationToken).ConfigureAwait(false);
            var chosen = IntervalChoice.For(coverage);
            if (chosen != DateInterval.Month)
            {
                coverage = await search.GetCoverageAsync(new CoverageQuery(state.Filter(baseText), chosen, MaxCountries), cancellationToken).ConfigureAwait(false);
            }

            state = state with { Interval = chosen };
        }

        if (coverage.Total.Count == 0)
        {
            return new TrendsData(state, coverage, [], []);
        }

        var compared = new List<ComparedQuery>();
        foreach (var text in state.Compare)
        {
            var trend = await search.GetCoverageAsync(new CoverageQuery(state.Filter(text), coverage.Interval, MaxCountries: 0), cancellationToken).ConfigureAwait(false);
            compared.Add(new ComparedQuery(text, Align(coverage, trend.Total)));
        }

        // One coverage query per topic: the engine contract has no topic split of the histogram, and with
        // about twenty topics this stays within a few milliseconds each (docs/trends.md).
        var facets = await search.SearchAsync(state.Filter(baseText), cancellationToken).ConfigureAwait(false);
        var topics = new List<TopicTrend>();
        foreach (var topic in facets.Facets.Topics)
        {
            var filter = state.Filter(baseText) with { Topics = [topic.Value] };
            var trend = await search.GetCoverageAsync(new CoverageQuery(filter, coverage.Interval, MaxCountries: 0), cancellationToken).ConfigureAwait(false);
            topics.Add(new TopicTrend(topic.Value, [.. Align(coverage, trend.Total).Select(bucket => bucket.Count)]));
        }

        return new TrendsData(state, coverage, compared, topics);
    }

    /// <summary>
    /// The outlet group comparison in two engine calls: the search's coverage split by the groups (matches, tense
    /// matches, topics per group) and, for the shares, the groups' whole output split the same way (no text). Both
    /// are filtered to the compared groups, so the engines count no other article. What stands out per group is
    /// looked up by the page, one call per group, after the charts are drawn.
    /// </summary>
    private async Task<TrendsData> CompareGroupsAsync(TrendState state, CancellationToken cancellationToken)
    {
        CoverageQuery Query(string? text, DateInterval interval) =>
            new(state.Filter(text), interval, MaxCountries: 0) { SplitByOutletGroups = state.CompareGroups };

        CoverageTrend coverage;
        if (state.Interval is { } interval)
        {
            coverage = await search.GetCoverageAsync(Query(state.Text, interval), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            coverage = await search.GetCoverageAsync(Query(state.Text, DateInterval.Month), cancellationToken).ConfigureAwait(false);
            var chosen = IntervalChoice.For(coverage);
            if (chosen != DateInterval.Month)
            {
                coverage = await search.GetCoverageAsync(Query(state.Text, chosen), cancellationToken).ConfigureAwait(false);
            }

            state = state with { Interval = chosen };
        }

        if (coverage.Total.Count == 0)
        {
            return new TrendsData(state, coverage, [], []);
        }

        var output = string.IsNullOrWhiteSpace(state.Text)
            ? coverage
            : await search.GetCoverageAsync(Query(null, coverage.Interval), cancellationToken).ConfigureAwait(false);
        var groups = coverage.OutletGroups.Select((group, i) => new GroupTrend(
            group.GroupId,
            group.Buckets,
            [.. Align(coverage, output.OutletGroups[i].Buckets).Select(bucket => bucket.Count)],
            group.Topics));
        return new TrendsData(state, coverage, [], []) { Groups = [.. groups] };
    }

    /// <summary><paramref name="buckets"/> on the view's buckets: missing ones count zero.</summary>
    private static List<DateBucket> Align(CoverageTrend view, IReadOnlyList<DateBucket> buckets)
    {
        var byStart = buckets.ToDictionary(bucket => bucket.Start);
        return [.. view.Total.Select(bucket => byStart.GetValueOrDefault(bucket.Start) ?? new DateBucket(bucket.Start, 0, null))];
    }
}
