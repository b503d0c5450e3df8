using Monitoring.Core.Search;

namespace Monitoring.Web.Features.Trends;

/// <summary>What the trends charts are drawn from, for one <see cref="TrendState"/>.</summary>
/// <param name="Coverage">
/// The view's coverage: for <c>State.Text</c>, or all articles when comparing (the axis and the denominator
/// of the compared shares).
/// </param>
/// <param name="Compared">Each compared query on <paramref name="Coverage"/>'s buckets.</param>
/// <param name="Topics">Every topic that occurs in <paramref name="Coverage"/>, on its buckets, most articles first.</param>
public sealed record TrendsData(TrendState State, CoverageTrend Coverage, IReadOnlyList<ComparedQuery> Compared, IReadOnlyList<TopicTrend> Topics)
{
    /// <summary>Each compared outlet group (<c>State.CompareGroups</c>) on <see cref="Coverage"/>'s buckets; empty otherwise.</summary>
    public IReadOnlyList<GroupTrend> Groups { get; init; } = [];

    public IReadOnlyList<DateOnly> BucketStarts { get; } = [.. Coverage.Total.Select(bucket => bucket.Start)];

    /// <summary>The interval of the buckets: the state's, or the one chosen from the data's density.</summary>
    public DateInterval Interval => Coverage.Interval;

    public bool IsEmpty => Coverage.Total.Count == 0;
}

/// <param name="Buckets">Articles (and tense articles) per bucket, aligned with the view's buckets.</param>
public sealed record ComparedQuery(string Text, IReadOnlyList<DateBucket> Buckets)
{
    public long Total => Buckets.Sum(bucket => bucket.Count);
}

/// <param name="Counts">Articles with the topic per bucket, aligned with the view's buckets.</param>
public sealed record TopicTrend(string TopicId, IReadOnlyList<long> Counts);

/// <summary>One compared outlet group for the view's search.</summary>
/// <param name="Buckets">The group's matches (and tense matches) per bucket, on the view's buckets.</param>
/// <param name="Output">All the group's articles per bucket (the view's filters, no text): the denominator of its share.</param>
/// <param name="Topics">The group's matches per topic over the charted range, most first.</param>
public sealed record GroupTrend(string GroupId, IReadOnlyList<DateBucket> Buckets, IReadOnlyList<long> Output, IReadOnlyList<FacetCount> Topics)
{
    public long Total => Buckets.Sum(bucket => bucket.Count);

    public long OutputTotal => Output.Sum();
}
