using Monitoring.Core.Alerts;
using Monitoring.Core.Search;

namespace Monitoring.Web.Features.Alerts;

/// <summary>
/// What an alert would have reported had it existed: its matches per day over the last
/// <see cref="Days"/> days in the alert's time zone, and its latest matches, so an editor sees a noisy
/// alert before saving it.
/// </summary>
public sealed class AlertPreviewer(IArticleSearch search, TimeProvider clock)
{
    public const int Days = 30;

    public const int SampleCount = 5;

    /// <exception cref="ArgumentException">
    /// The query text does not parse (an <c>InvalidQueryException</c>) or the time zone is unknown.
    /// </exception>
    public async Task<AlertPreview> PreviewAsync(SavedQuery query, string timeZone, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var zone = ZonedDates.Find(timeZone);
        var today = ZonedDates.LocalDate(clock.GetUtcNow(), zone);
        var first = today.AddDays(1 - Days);
        var filter = query.ToArticleQuery() with { From = first, To = today, TimeZone = timeZone };
        var coverage = await search.GetCoverageAsync(new CoverageQuery(filter, DateInterval.Day, MaxCountries: 0), cancellationToken);
        var latest = await search.SearchAsync(query.ToArticleQuery() with { TimeZone = timeZone, Take = SampleCount }, cancellationToken);

        var counted = coverage.Total.ToDictionary(bucket => bucket.Start, bucket => bucket.Count);
        var days = Enumerable.Range(0, Days)
            .Select(offset => first.AddDays(offset))
            .Select(day => new DayCount(day, counted.GetValueOrDefault(day)))
            .ToList();
        return new AlertPreview(days, latest.Total, latest.Hits) { Facets = latest.Facets };
    }
}

/// <param name="Days">Every day of the window, oldest first, with the articles published that day.</param>
/// <param name="ArchiveTotal">Matching articles in the whole index, whatever their date.</param>
/// <param name="Samples">The latest matching articles, newest first.</param>
public sealed record AlertPreview(IReadOnlyList<DayCount> Days, long ArchiveTotal, IReadOnlyList<SearchHit> Samples)
{
    /// <summary>The values of the archive's matches per filter, as the search page's facets count them: what the editor can add.</summary>
    public SearchFacets Facets { get; init; } = SearchFacets.Empty;

    public long WindowTotal => Days.Sum(day => day.Count);

    public double AveragePerDay => Days.Count == 0 ? 0 : (double)WindowTotal / Days.Count;

    public long BusiestDay => Days.Count == 0 ? 0 : Days.Max(day => day.Count);
}

public readonly record struct DayCount(DateOnly Day, long Count);
