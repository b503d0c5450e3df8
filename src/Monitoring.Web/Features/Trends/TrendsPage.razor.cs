using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Monitoring.Core.Enrichment;
using Monitoring.Core.Search;
using MudBlazor;
using MudBlazor.Charts;

namespace Monitoring.Web.Features.Trends;

/// <summary>Articles per period and country for the current query; query and interval live in the URL.</summary>
public sealed partial class TrendsPage
{
    private string? _draft;
    private CoverageTrend? _trend;
    private List<ChartSeries<double>> _series = [];
    private TimeSeriesChartOptions _options = new();
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
            _options = BuildOptions(_trend.Interval);
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
            Data = series.Buckets
                .Select(bucket => new TimeValue<double>(bucket.Start.ToDateTime(TimeOnly.MinValue), bucket.Count))
                .ToList(),
        })];

    private static TimeSeriesChartOptions BuildOptions(DateInterval interval) => new()
    {
        TimeLabelFormat = interval switch
        {
            DateInterval.Year => "yyyy",
            DateInterval.Month => "MMM yyyy",
            _ => "d MMM yyyy",
        },
        TooltipTimeLabelFormat = interval == DateInterval.Year ? "yyyy" : interval == DateInterval.Month ? "MMM yyyy" : "d MMM yyyy",
        TimeLabelSpacing = interval switch
        {
            DateInterval.Year => TimeSpan.FromDays(365 * 2),
            DateInterval.Month => TimeSpan.FromDays(365),
            DateInterval.Week => TimeSpan.FromDays(90),
            _ => TimeSpan.FromDays(30),
        },
        LineStrokeWidth = 2,
        YAxisFormat = "0",
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
