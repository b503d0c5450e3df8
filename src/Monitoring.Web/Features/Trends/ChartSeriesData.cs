namespace Monitoring.Web.Features.Trends;

/// <summary>One series of a time chart.</summary>
/// <param name="Key">What a click on the series filters by (a country code, a compared query, a topic id); null for none.</param>
/// <param name="Values">One value per bucket, aligned with the chart's bucket starts; <see cref="double.NaN"/> where there is no value.</param>
/// <param name="Support">
/// How many articles each value rests on, aligned with <paramref name="Values"/>, when the chart should show points
/// resting on too few as uncertain (<c>TimeChart.MinSupport</c>); null when every value can be read as it is.
/// </param>
public sealed record ChartSeriesData(string Name, string? Key, IReadOnlyList<double> Values, string Color, IReadOnlyList<long>? Support = null)
{
    /// <summary>Whether the value at <paramref name="index"/> rests on fewer than <paramref name="minSupport"/> articles.</summary>
    public bool IsUncertain(int index, int minSupport) => Support is { } support && index < support.Count && support[index] < minSupport;
}

/// <summary>A point the user clicked: the series and the bucket behind it.</summary>
public sealed record ChartPoint(string? SeriesKey, DateOnly BucketStart);

/// <summary>An event pinned on the timeline, marked on every time chart.</summary>
public sealed record ChartAnnotation(DateOnly Date, string Label, string? Link);

/// <summary>How a chart's values read.</summary>
public enum ChartValueFormat
{
    /// <summary>Whole numbers of articles.</summary>
    Count,

    /// <summary>Shares (0–1) shown as percentages.</summary>
    Percent,

    /// <summary>An index where 100 is the base period's average.</summary>
    Index,
}
