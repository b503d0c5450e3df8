using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Monitoring.Core.Enrichment;
using Monitoring.Core.Search;
using MudBlazor;

namespace Monitoring.Web.Features.Trends;

/// <summary>Articles per period and country for the current query; query and interval live in the URL.</summary>
public sealed partial class TrendsPage
{
    private const int MaxAxisLabels = 12;

    private string? _draft;
    private CoverageTrend? _trend;
    private List<ChartSeries<double>> _series = [];
    private string[] _labels = [];
    private LineChartOptions _options = new();
    private string? _error;
    private bool _loading;

    [Inject]
    private IArticleSearch Search { get; set; } = default!;

    [Inject]
    private EnrichmentModel Enrichment { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "q")]
    public string? Text { get; set; }

    [SupplyParameterFromQuery(Name = "interval")]
    public string? Interval { get; set; }

    private DateInterval SelectedInterval =>
        Enum.TryParse<DateInterval>(Interval, ignoreCase: true, out var parsed) ? parsed : DateInterval.Month;

    protected override async Task OnParametersSetAsync()
    {
        _draft = Text;
        _loading = true;
        _error = null;
        try
        {
            var query = new CoverageQuery(new ArticleQuery { Text = Text }, SelectedInterval);
            _trend = await Search.GetCoverageAsync(query);
            _series = BuildSeries(_trend);
            _labels = BuildLabels(_trend);
            _options = BuildOptions();
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

    private List<ChartSeries<double>> BuildSeries(CoverageTrend trend) =>
        [.. trend.Countries.Select(series => new ChartSeries<double>
        {
            Name = Enrichment.CountryName(series.CountryCode),
            Data = series.Buckets.Select(bucket => (double)bucket.Count).ToArray(),
        })];

    /// <summary>
    /// One label per bucket, but only as many shown as fit: a chart of 24 years of months shows the years.
    /// </summary>
    private static string[] BuildLabels(CoverageTrend trend)
    {
        var labels = trend.Total.Select(bucket => BucketLabel(bucket.Start, trend.Interval)).ToArray();
        var every = Math.Max(1, (int)Math.Ceiling(labels.Length / (double)MaxAxisLabels));
        if (trend.Interval == DateInterval.Month && every > 1)
        {
            // Whole years read better than every n-th month.
            return [.. trend.Total.Select((bucket, index) => bucket.Start.Month == 1 && bucket.Start.Year % Math.Max(1, every / 12) == 0
                ? bucket.Start.Year.ToString(CultureInfo.InvariantCulture)
                : string.Empty)];
        }

        return [.. labels.Select((label, index) => index % every == 0 ? label : string.Empty)];
    }

    private static LineChartOptions BuildOptions() => new()
    {
        LineStrokeWidth = 2,
        YAxisFormat = "0",
        ShowDataMarkers = false,
    };

    private static string IntervalName(DateInterval interval) => interval.ToString().ToLowerInvariant();

    private static string BucketLabel(DateOnly start, DateInterval interval) => interval switch
    {
        DateInterval.Year => start.ToString("yyyy", CultureInfo.InvariantCulture),
        DateInterval.Month => start.ToString("MMM yyyy", CultureInfo.InvariantCulture),
        DateInterval.Week => "week of " + start.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
        _ => start.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
    };

    private static string FirstAndLast(CoverageTrend trend) =>
        $"{BucketLabel(trend.Total[0].Start, trend.Interval)} – {BucketLabel(trend.Total[^1].Start, trend.Interval)}";

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

    private void Navigate(string parameter, string? value) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter(parameter, value));
}
