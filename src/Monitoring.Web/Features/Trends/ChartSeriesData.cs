namespace Monitoring.Web.Features.Trends;

/// <summary>One line of the coverage chart.</summary>
/// <param name="Key">What a click on the line filters by, e.g. a country code; null for the total.</param>
/// <param name="Values">One value per bucket, aligned with the chart's bucket starts.</param>
public sealed record ChartSeriesData(string Name, string? Key, IReadOnlyList<double> Values, string Color);

/// <summary>A point the user clicked: the series and the bucket behind it.</summary>
public sealed record ChartPoint(string? SeriesKey, DateOnly BucketStart);
