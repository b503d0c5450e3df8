namespace Monitoring.Web.Features.Trends;

/// <summary>One series of a time chart.</summary>
/// <param name="Key">What a click on the series filters by (a country code, a compared query, a topic id); null for none.</param>
/// <param name="Values">One value per bucket, aligned with the chart's bucket starts; <see cref="double.NaN"/> where there is no value.</param>
public sealed record ChartSeriesData(string Name, string? Key, IReadOnlyList<double> Values, string Color);

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
