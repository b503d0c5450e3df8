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

    private static readonly string[] Palette =
    [
        "#594ae2", "#12a386", "#e08600", "#d81b60", "#1e88e5", "#6d9b2e", "#8e24aa", "#8d6e63", "#607d8b", "#e53935",
    ];

    /// <summary>Articles (or their share of all coverage) per bucket: one series per country, or per compared query.</summary>
    public static IReadOnlyList<ChartSeriesData> Coverage(TrendsData data, Func<string, string> countryName)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(countryName);
        var totals = data.Coverage.Total;
        var share = data.State.Measure == TrendMeasure.Share;
        double Value(DateBucket bucket, int index) => share ? Share(bucket.Count, totals[index].Count) : bucket.Count;

        return data.State.Comparing
            ? [.. data.Compared.Select((query, index) => new ChartSeriesData(query.Text, query.Text, [.. query.Buckets.Select(Value)], Color(index)))]
            : [.. data.Coverage.Countries.Select((series, index) => new ChartSeriesData(
                countryName(series.CountryCode), series.CountryCode, [.. series.Buckets.Select(Value)], Color(index)))];
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
        IReadOnlyList<double> Index(IReadOnlyList<DateBucket> buckets) =>
            [.. TensionIndex.Compute(buckets, baseFrom, baseTo).Select(point => point.Index ?? double.NaN)];

        var series = new List<ChartSeriesData>();
        if (!data.State.Comparing)
        {
            series.Add(new ChartSeriesData(AllCoverageName, null, Index(data.Coverage.Total), "#455a64"));
            series.AddRange(data.Coverage.Countries.Select((country, index) => new ChartSeriesData(
                countryName(country.CountryCode), country.CountryCode, Index(country.Buckets), Color(index))));
        }
        else
        {
            series.AddRange(data.Compared.Select((query, index) => new ChartSeriesData(query.Text, query.Text, Index(query.Buckets), Color(index))));
        }

        return series;
    }

    /// <summary>The tension index's base period as charted: the state's, else the first to the last bucket.</summary>
    public static (DateOnly From, DateOnly To) BasePeriod(TrendsData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var starts = data.BucketStarts;
        return (data.State.BaseFrom ?? starts[0], data.State.BaseTo ?? TrendsFormat.BucketEnd(starts[^1], data.State.Interval));
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
        var tags = Enumerable.Range(0, buckets).Select(i => data.Topics.Sum(topic => topic.Counts[i])).ToArray();
        var ranked = data.Topics.OrderByDescending(topic => topic.Counts.Sum()).ThenBy(topic => topic.TopicId, StringComparer.Ordinal).ToList();
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

    private static string Color(int index) => Palette[index % Palette.Length];

    private static double Share(long part, long whole) => whole == 0 ? 0 : part / (double)whole;
}
