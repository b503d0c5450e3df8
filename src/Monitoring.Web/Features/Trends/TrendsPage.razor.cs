using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;
using Monitoring.Core.Enrichment;
using Monitoring.Core.Search;

namespace Monitoring.Web.Features.Trends;

public enum TrendMeasure
{
    /// <summary>Articles per bucket.</summary>
    Count,

    /// <summary>A country's articles as a share of all matching articles in the bucket.</summary>
    Share,
}

/// <summary>
/// Articles per period and country for the current query. Query, interval and measure live in the URL;
/// a click on a point opens the search for that country and period.
/// </summary>
public sealed partial class TrendsPage
{
    private static readonly string[] Palette =
    [
        "#594ae2", "#1ec8a5", "#ff9800", "#e91e63", "#2196f3", "#8bc34a", "#9c27b0", "#795548", "#607d8b", "#f44336",
    ];

    private const int MaxCompared = 4;

    private string? _draft;
    private List<ComparedQuery> _compared = [];
    private CoverageTrend? _trend;
    private List<ChartSeriesData> _series = [];
    private List<DateOnly> _bucketStarts = [];
    private string? _error;
    private bool _loading;

    [Inject]
    private IArticleSearch Search { get; set; } = default!;

    [Inject]
    private EnrichmentModel Enrichment { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "q")]
    public string? Text { get; set; }

    [SupplyParameterFromQuery(Name = "interval")]
    public string? Interval { get; set; }

    [SupplyParameterFromQuery(Name = "measure")]
    public string? Measure { get; set; }

    /// <summary>Saved queries compared side by side (up to <see cref="MaxCompared"/>), one line each.</summary>
    [SupplyParameterFromQuery(Name = "cmp")]
    public string[]? Compare { get; set; }

    private bool Comparing => Compare is { Length: > 0 };

    private DateInterval SelectedInterval =>
        Enum.TryParse<DateInterval>(Interval, ignoreCase: true, out var parsed) ? parsed : DateInterval.Month;

    private TrendMeasure SelectedMeasure =>
        Enum.TryParse<TrendMeasure>(Measure, ignoreCase: true, out var parsed) ? parsed : TrendMeasure.Count;

    private string CsvHref => TrendsEndpoints.CsvPath(Text, SelectedInterval);

    protected override async Task OnParametersSetAsync()
    {
        _draft = Text;
        _loading = true;
        _error = null;
        try
        {
            _trend = await Search.GetCoverageAsync(new CoverageQuery(new ArticleQuery { Text = Comparing ? null : Text }, SelectedInterval));
            _bucketStarts = [.. _trend.Total.Select(bucket => bucket.Start)];
            if (Comparing)
            {
                _compared = await LoadComparisonAsync(_trend);
                _series = BuildComparisonSeries(_trend, _compared, SelectedMeasure);
            }
            else
            {
                _compared = [];
                _series = BuildSeries(_trend, SelectedMeasure);
            }
        }
        catch (ArgumentException invalid)
        {
            _trend = null;
            _error = $"The search could not be understood: {invalid.Message}";
        }
        finally
        {
            _loading = false;
        }
    }

    private List<ChartSeriesData> BuildSeries(CoverageTrend trend, TrendMeasure measure)
    {
        var totals = trend.Total.ToDictionary(bucket => bucket.Start, bucket => bucket.Count);
        return
        [
            .. trend.Countries.Select((series, index) => new ChartSeriesData(
                Enrichment.CountryName(series.CountryCode),
                series.CountryCode,
                [.. series.Buckets.Select(bucket => measure == TrendMeasure.Share
                    ? Share(bucket.Count, totals.GetValueOrDefault(bucket.Start))
                    : bucket.Count)],
                Palette[index % Palette.Length])),
        ];
    }

    /// <summary>Each compared query counted on the axis of all coverage, so their lines share buckets.</summary>
    private async Task<List<ComparedQuery>> LoadComparisonAsync(CoverageTrend all)
    {
        var compared = new List<ComparedQuery>();
        foreach (var text in Compare!.Distinct(StringComparer.Ordinal).Take(MaxCompared))
        {
            var trend = await Search.GetCoverageAsync(new CoverageQuery(new ArticleQuery { Text = text }, SelectedInterval, MaxCountries: 0));
            var counts = trend.Total.ToDictionary(bucket => bucket.Start, bucket => bucket.Count);
            compared.Add(new ComparedQuery(text, [.. all.Total.Select(bucket => counts.GetValueOrDefault(bucket.Start))]));
        }

        return compared;
    }

    private static List<ChartSeriesData> BuildComparisonSeries(CoverageTrend all, List<ComparedQuery> compared, TrendMeasure measure) =>
    [
        .. compared.Select((query, index) => new ChartSeriesData(
            query.Text,
            query.Text,
            [.. query.Counts.Select((count, bucket) => measure == TrendMeasure.Share ? Share(count, all.Total[bucket].Count) : count)],
            Palette[index % Palette.Length])),
    ];

    private static double Share(long part, long whole) => whole == 0 ? 0 : part / (double)whole;

    private string ChartTitle(CoverageTrend trend) => Comparing
        ? (SelectedMeasure == TrendMeasure.Share ? "Share of all coverage per " : "Articles per ") + IntervalName(trend.Interval) + ", compared"
        : SelectedMeasure == TrendMeasure.Share
        ? $"Share of coverage per {IntervalName(trend.Interval)} and country"
        : $"Articles per {IntervalName(trend.Interval)} and country";

    private static string IntervalName(DateInterval interval) => interval.ToString().ToLowerInvariant();

    private static string FirstAndLast(CoverageTrend trend) =>
        $"{TrendsFormat.BucketLabel(trend.Total[0].Start, trend.Interval)} – {TrendsFormat.BucketLabel(trend.Total[^1].Start, trend.Interval)}";

    /// <summary>The search page filtered to a country and, when given, to one bucket of the chart.</summary>
    private string SearchHref(string? countryCode, DateOnly? bucketStart)
    {
        var parameters = new Dictionary<string, object?>
        {
            ["q"] = string.IsNullOrWhiteSpace(Text) ? null : Text,
            ["country"] = countryCode,
            ["from"] = bucketStart?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = bucketStart is { } start
                ? TrendsFormat.BucketEnd(start, SelectedInterval).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : null,
        };
        return Navigation.GetUriWithQueryParameters("/search", parameters);
    }

    private Task DrillDownAsync(ChartPoint point)
    {
        Navigation.NavigateTo(Comparing ? QuerySearchHref(point.SeriesKey, point.BucketStart) : SearchHref(point.SeriesKey, point.BucketStart));
        return Task.CompletedTask;
    }

    /// <summary>The search page for one compared query, optionally within one bucket.</summary>
    private string QuerySearchHref(string? text, DateOnly? bucketStart) =>
        Navigation.GetUriWithQueryParameters("/search", new Dictionary<string, object?>
        {
            ["q"] = text,
            ["from"] = bucketStart?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = bucketStart is { } start
                ? TrendsFormat.BucketEnd(start, SelectedInterval).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : null,
        });

    private Task AddToComparisonAsync()
    {
        var text = string.IsNullOrWhiteSpace(_draft) ? Text : _draft.Trim();
        if (string.IsNullOrWhiteSpace(text))
        {
            return Task.CompletedTask;
        }

        string[] next = [.. (Compare ?? []).Append(text).Distinct(StringComparer.Ordinal).TakeLast(MaxCompared)];
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?> { ["cmp"] = next, ["q"] = null }));
        return Task.CompletedTask;
    }

    private Task RemoveFromComparisonAsync(string text)
    {
        string[] next = [.. (Compare ?? []).Where(existing => existing != text)];
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?> { ["cmp"] = next.Length == 0 ? null : next }));
        return Task.CompletedTask;
    }

    private async Task DownloadSvgAsync() =>
        await JS.InvokeVoidAsync("monitoring.downloadSvg", "coverage-svg", $"coverage-{IntervalName(SelectedInterval)}.svg");

    private async Task OnQueryKeyDown(KeyboardEventArgs args)
    {
        if (args.Key == "Enter")
        {
            Navigate("q", string.IsNullOrWhiteSpace(_draft) ? null : _draft.Trim());
        }

        await Task.CompletedTask;
    }

    private Task ClearTextAsync()
    {
        Navigate("q", null);
        return Task.CompletedTask;
    }

    private Task ChangeIntervalAsync(DateInterval interval)
    {
        Navigate("interval", interval.ToString().ToLowerInvariant());
        return Task.CompletedTask;
    }

    private Task ChangeMeasureAsync(TrendMeasure measure)
    {
        Navigate("measure", measure == TrendMeasure.Count ? null : measure.ToString().ToLowerInvariant());
        return Task.CompletedTask;
    }

    private void Navigate(string parameter, string? value) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter(parameter, value));
}

/// <param name="Counts">Articles per bucket, aligned with the chart's buckets.</param>
public sealed record ComparedQuery(string Text, IReadOnlyList<long> Counts);
