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

    /// <summary>Each compared outlet group's matches per bucket (the rolling mean's average when one is set).</summary>
    public static IReadOnlyList<ChartSeriesData> GroupCoverage(TrendsData data, Func<string, string> groupName)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(groupName);
        var window = data.State.Rolling;
        return [.. data.Groups.Select((group, index) => new ChartSeriesData(
            groupName(group.GroupId), group.GroupId,
            [.. Roll(group.Buckets, window).Select((bucket, i) => bucket.Count / (double)Math.Min(window, i + 1))], Color(index)))];
    }

    /// <summary>
    /// Each compared outlet group's matches as a share of all its articles in the bucket (the window's, with a rolling
    /// mean): how much of its output the search is, which compares a small outlet group with a large one. No value
    /// where the group published nothing; the support is the group's output, so a share of a handful is drawn faded.
    /// </summary>
    public static IReadOnlyList<ChartSeriesData> GroupShare(TrendsData data, Func<string, string> groupName)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(groupName);
        var window = data.State.Rolling;
        return [.. data.Groups.Select((group, index) =>
        {
            var matches = Roll([.. group.Buckets.Select(bucket => bucket.Count)], window);
            var output = Roll(group.Output, window);
            return new ChartSeriesData(
                groupName(group.GroupId), group.GroupId,
                [.. matches.Select((count, i) => output[i] == 0 ? double.NaN : count / (double)output[i])], Color(index), output);
        })];
    }

    /// <summary>The tension index of each compared outlet group's matches, each against its own base (docs/tension.md).</summary>
    public static IReadOnlyList<ChartSeriesData> GroupTension(TrendsData data, Func<string, string> groupName)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(groupName);
        var (baseFrom, baseTo) = BasePeriod(data);
        return [.. data.Groups.Select((group, index) =>
        {
            var rolled = Roll(group.Buckets, data.State.Rolling);
            return new ChartSeriesData(
                groupName(group.GroupId), group.GroupId,
                [.. TensionIndex.Compute(rolled, baseFrom, baseTo).Select(point => point.Index ?? double.NaN)], Color(index), [.. rolled.Select(bucket => bucket.Count)]);
        })];
    }

    /// <summary>
    /// Each compared outlet group's topic mix over the charted range: the <see cref="MixTopics"/> topics largest over
    /// all the groups together (the same colours in every group's bar), the rest as "Other topics"; each a share of the
    /// group's topic tags (an article with two topics counts for both), so a bar adds up to 100%.
    /// </summary>
    public static IReadOnlyList<GroupTopicMix> GroupTopics(TrendsData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var ranked = data.Groups.SelectMany(group => group.Topics)
            .GroupBy(topic => topic.Value, StringComparer.Ordinal)
            .Select(topic => (Id: topic.Key, Count: topic.Sum(one => one.Count)))
            .OrderByDescending(topic => topic.Count).ThenBy(topic => topic.Id, StringComparer.Ordinal)
            .Take(MixTopics)
            .Select((topic, index) => (topic.Id, Color: Color(index)))
            .ToList();
        return [.. data.Groups.Select(group =>
        {
            var tags = group.Topics.Sum(topic => topic.Count);
            var counts = group.Topics.ToDictionary(topic => topic.Value, topic => topic.Count, StringComparer.Ordinal);
            var slices = ranked
                .Select(topic => new TopicSlice(topic.Id, counts.GetValueOrDefault(topic.Id), Share(counts.GetValueOrDefault(topic.Id), tags), topic.Color))
                .ToList();
            var other = tags - slices.Sum(slice => slice.Count);
            if (other > 0)
            {
                slices.Add(new TopicSlice(null, other, Share(other, tags), "#9e9e9e"));
            }

            return new GroupTopicMix(group.GroupId, tags, [.. slices.Where(slice => slice.Count > 0)]);
        })];
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

/// <summary>One outlet group's bar of the topic mix.</summary>
/// <param name="Tags">Topic tags of the group's matches: the bar's 100%.</param>
public sealed record GroupTopicMix(string GroupId, long Tags, IReadOnlyList<TopicSlice> Slices);

/// <param name="TopicId">The topic, or null for the other topics together.</param>
/// <param name="Share">Of the group's topic tags, 0–1.</param>
public sealed record TopicSlice(string? TopicId, long Count, double Share, string Color);
