using Monitoring.Core.Enrichment.Tension;
using Monitoring.Core.Search;

namespace Monitoring.Web.Features.Trends;

/// <summary>Turns <see cref="TrendsData"/> into the series of each chart: coverage, tension index and topic mix.</summary>
public static class TrendCharts
{
    /// <summary>Topics drawn one by one in the topic mix; the rest are summed as "Other topics".</summary>
    public const int MixTopics = 6;

    public const string OtherTopicsName = "Other topics";

    public const string AllCoverageName = "All coverage";

    /// <summary>
    /// Articles a tension-index point must rest on to be drawn as a value: below it, one article more or less moves
    /// the share of tense articles by a tenth or more, so the point is drawn faded, off the line, with its count.
    /// </summary>
    public const int MinArticlesForIndex = 10;

    private static readonly string[] Palette =
    [
        "#594ae2", "#12a386", "#e08600", "#d81b60", "#1e88e5", "#6d9b2e", "#8e24aa", "#8d6e63", "#607d8b", "#e53935",
    ];

    /// <summary>Articles (or their share of all coverage) per bucket: one series per country, or per compared query.</summary>
    public static IReadOnlyList<ChartSeriesData> Coverage(TrendsData data, Func<string, string> countryName)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(countryName);
        var window = data.State.Rolling;
        var totals = Roll(data.Coverage.Total, window);
        var share = data.State.Measure == TrendMeasure.Share;
        IReadOnlyList<double> Values(IReadOnlyList<DateBucket> buckets) =>
            [.. Roll(buckets, window).Select((bucket, index) => share ? Share(bucket.Count, totals[index].Count) : bucket.Count / (double)Math.Min(window, index + 1))];

        return data.State.Comparing
            ? [.. data.Compared.Select((query, index) => new ChartSeriesData(query.Text, query.Text, Values(query.Buckets), Color(index)))]
            : [.. data.Coverage.Countries.Select((series, index) => new ChartSeriesData(
                countryName(series.CountryCode), series.CountryCode, Values(series.Buckets), Color(index)))];
    }

    /// <summary>
    /// The tension index (docs/tension.md) per bucket: for all coverage, then per country (or per compared
    /// query), each normalised to its own average share of tense articles over <see cref="BasePeriod"/>.
    /// </summary>
    public static IReadOnlyList<ChartSeriesData> Tension(TrendsData data, Func<string, string> countryName)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(countryName);
        var (baseFrom, baseTo) = BasePeriod(data);
        ChartSeriesData Index(string name, string? key, IReadOnlyList<DateBucket> buckets, string color)
        {
            var rolled = Roll(buckets, data.State.Rolling);
            return new ChartSeriesData(
                name, key, [.. TensionIndex.Compute(rolled, baseFrom, baseTo).Select(point => point.Index ?? double.NaN)], color, [.. rolled.Select(bucket => bucket.Count)]);
        }

        var series = new List<ChartSeriesData>();
        if (!data.State.Comparing)
        {
            series.Add(Index(AllCoverageName, null, data.Coverage.Total, "#455a64"));
            series.AddRange(data.Coverage.Countries.Select((country, index) => Index(countryName(country.CountryCode), country.CountryCode, country.Buckets, Color(index))));
        }
        else
        {
            series.AddRange(data.Compared.Select((query, index) => Index(query.Text, query.Text, query.Buckets, Color(index))));
        }

        return series;
    }

    /// <summary>The tension index's base period as charted: the state's, else the first to the last bucket.</summary>
    public static (DateOnly From, DateOnly To) BasePeriod(TrendsData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var starts = data.BucketStarts;
        return (data.State.BaseFrom ?? starts[0], data.State.BaseTo ?? TrendsFormat.BucketEnd(starts[^1], data.Interval));
    }

    /// <summary>
    /// The topic mix: per bucket, each topic's share of all topic tags of the bucket's articles (an article
    /// with two topics counts once for each), so the stack adds up to 100% wherever an article has a topic.
    /// The <see cref="MixTopics"/> largest topics overall each get a series; the others are summed.
    /// </summary>
    public static IReadOnlyList<ChartSeriesData> TopicMix(TrendsData data, Func<string, string> topicLabel)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(topicLabel);
        var buckets = data.BucketStarts.Count;
        var topics = data.Topics.Select(topic => topic with { Counts = Roll(topic.Counts, data.State.Rolling) }).ToList();
        var tags = Enumerable.Range(0, buckets).Select(i => topics.Sum(topic => topic.Counts[i])).ToArray();
        var ranked = topics.OrderByDescending(topic => topic.Counts.Sum()).ThenBy(topic => topic.TopicId, StringComparer.Ordinal).ToList();
        var series = ranked.Take(MixTopics)
            .Select((topic, index) => new ChartSeriesData(
                topicLabel(topic.TopicId), topic.TopicId, [.. topic.Counts.Select((count, i) => Share(count, tags[i]))], Color(index)))
            .ToList();
        var others = ranked.Skip(MixTopics).ToList();
        if (others.Count > 0)
        {
            series.Add(new ChartSeriesData(
                OtherTopicsName, null, [.. Enumerable.Range(0, buckets).Select(i => Share(others.Sum(topic => topic.Counts[i]), tags[i]))], "#9e9e9e"));
        }

        return series;
    }

    /// <summary>
    /// The top value of all the series (leaving out values resting on fewer than <paramref name="minSupport"/>
    /// articles, as the chart does): the one value axis of small multiples, so that their heights compare.
    /// </summary>
    public static double SharedMax(IReadOnlyList<ChartSeriesData> series, int minSupport = 0)
    {
        ArgumentNullException.ThrowIfNull(series);
        return series.SelectMany(one => one.Values.Where((value, index) => !double.IsNaN(value) && !one.IsUncertain(index, minSupport)))
            .DefaultIfEmpty(0).Max();
    }

    /// <summary>
    /// Each bucket with the articles (and tense articles) of the last <paramref name="window"/> buckets summed, itself
    /// included (fewer at the start): the window's shares and indexes are those of all its articles together, which
    /// weighs a busy period more than an average of the buckets' own shares would.
    /// </summary>
    public static IReadOnlyList<DateBucket> Roll(IReadOnlyList<DateBucket> buckets, int window)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        if (window <= 1)
        {
            return buckets;
        }

        var counts = Roll([.. buckets.Select(bucket => bucket.Count)], window);
        var tense = Roll([.. buckets.Select(bucket => bucket.TenseCount)], window);
        return [.. buckets.Select((bucket, i) => new DateBucket(bucket.Start, counts[i], null) { TenseCount = tense[i] })];
    }

    private static IReadOnlyList<long> Roll(IReadOnlyList<long> counts, int window)
    {
        if (window <= 1)
        {
            return counts;
        }

        var sums = new long[counts.Count];
        long sum = 0;
        for (var i = 0; i < counts.Count; i++)
        {
            sum += counts[i] - (i >= window ? counts[i - window] : 0);
            sums[i] = sum;
        }

        return sums;
    }

    private static string Color(int index) => Palette[index % Palette.Length];

    private static double Share(long part, long whole) => whole == 0 ? 0 : part / (double)whole;
}
