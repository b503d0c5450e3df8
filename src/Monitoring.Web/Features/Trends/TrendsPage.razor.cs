using System.Data.Common;
using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Monitoring.Core.Enrichment;
using Monitoring.Core.Search;
using Monitoring.Hosting.AppData;
using Monitoring.Ingestion.Outlets;

namespace Monitoring.Web.Features.Trends;

/// <summary>
/// Coverage, tension index and topic mix over time for the current query, or for up to four compared
/// queries. All state lives in the URL (<see cref="TrendState"/>); a click on a point opens the search for
/// that series and period; pinned events mark every chart.
/// </summary>
public sealed partial class TrendsPage
{
    private string? _draft;
    private TrendsData? _data;
    private IReadOnlyList<ChartSeriesData> _coverage = [];
    private IReadOnlyList<ChartSeriesData> _tension = [];
    private IReadOnlyList<ChartSeriesData> _topics = [];
    private IReadOnlyList<ChartAnnotation> _annotations = [];
    private string? _error;
    private bool _loading;
    private CancellationTokenSource? _loadCancellation;

    [Inject]
    private TrendsLoader Loader { get; set; } = default!;

    [Inject]
    private EnrichmentModel Enrichment { get; set; } = default!;

    [Inject]
    private IDbContextFactory<AppDbContext> AppData { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private OutletCatalog Outlets { get; set; } = default!;

    /// <summary>Every outlet group by name (null until loaded): the picker, and the names of the ids in the URL.</summary>
    private IReadOnlyList<OutletGroupView>? _groups;

    private string? _groupsError;

    /// <summary>The countries the sources store's outlets are based in (empty until loaded or when it cannot be read).</summary>
    private IReadOnlyList<string> _outletCountries = [];

    /// <summary>The outlets' countries, and any the URL names besides, by name.</summary>
    private IEnumerable<string> OutletCountryChoices =>
        _outletCountries.Union(State.OutletCountries, StringComparer.OrdinalIgnoreCase).OrderBy(Enrichment.CountryName, StringComparer.CurrentCulture);

    /// <summary>What the page shows, as read from its URL.</summary>
    internal TrendState State { get; private set; } = new();

    private IEnumerable<string> ZoneChoices =>
        TimeZoneChoices.Offered.Contains(State.TimeZone) ? TimeZoneChoices.Offered : [.. TimeZoneChoices.Offered, State.TimeZone];

    /// <summary>The view the charts show: the loaded one, until the data of the next arrives.</summary>
    private TrendState View => _data?.State ?? State;

    private static readonly int[] RollingChoices = [1, 3, 6, 12];

    /// <summary>The interval the charts are drawn in (chosen from the data when the URL does not say).</summary>
    private DateInterval DrawnInterval => _data?.Interval ?? State.IntervalOrDefault;

    private string IntervalName => TrendState.Lower(DrawnInterval);

    private (DateOnly From, DateOnly To) BasePeriod => TrendCharts.BasePeriod(_data!);

    private string TensionTitle => View.Comparing
        ? $"Tension index per {IntervalName}, compared"
        : $"Tension index per {IntervalName} and country";

    private string TopicsTitle => $"Topic mix per {IntervalName}";

    private string ZoneNote =>
        $"{(View.Basis == DateBasis.Published ? "publication" : "ingest")} dates in {View.TimeZone}";

    protected override async Task OnInitializedAsync()
    {
        Navigation.LocationChanged += OnLocationChanged;
        State = TrendState.FromUri(new Uri(Navigation.Uri));
        // Prerendered too, so that the charts show (and their points link) before the circuit is up; the loader
        // keeps the view's data, so the circuit's first render does not search again.
        await LoadAnnotationsAsync();
        await LoadGroupsAsync();
        await LoadAsync();
    }

    private async Task LoadGroupsAsync()
    {
        try
        {
            _groups = await Outlets.ListGroupsAsync();
            _outletCountries = await Outlets.ListCountriesAsync();
        }
        catch (DbException failed)
        {
            _groups = [];
            _groupsError = $"The outlet groups could not be read: {failed.Message}";
        }
    }

    /// <summary>A group's name from its id in the URL; a group since deleted (or not loaded) by its id.</summary>
    private string GroupName(string id) =>
        _groups?.FirstOrDefault(group => group.Id.ToString(CultureInfo.InvariantCulture) == id)?.Name ?? $"group {id}";

    private Task ToggleCompareGroupAsync(string id) =>
        NavigateAsync(State with
        {
            CompareGroups = State.CompareGroups.Contains(id)
                ? [.. State.CompareGroups.Where(other => other != id)]
                : [.. State.CompareGroups.Append(id).Take(TrendState.MaxCompared)],
        });

    public void Dispose()
    {
        Navigation.LocationChanged -= OnLocationChanged;
        _loadCancellation?.Cancel();
        _loadCancellation?.Dispose();
    }

    private void OnLocationChanged(object? sender, LocationChangedEventArgs args)
    {
        // Only a change of this page's own query string reloads; leaving the page does not.
        if (new Uri(args.Location).AbsolutePath == "/trends")
        {
            _ = InvokeAsync(async () =>
            {
                await LoadAsync();
                StateHasChanged();
            });
        }
    }

    private async Task LoadAnnotationsAsync()
    {
        await using var db = await AppData.CreateDbContextAsync();
        _annotations = await db.EventAnnotations.AsNoTracking()
            .OrderBy(annotation => annotation.Date)
            .Select(annotation => new ChartAnnotation(annotation.Date, annotation.Label, annotation.Link))
            .ToListAsync();
    }

    private async Task LoadAsync()
    {
        if (_loadCancellation is not null)
        {
            await _loadCancellation.CancelAsync();
            _loadCancellation.Dispose();
        }

        _loadCancellation = new CancellationTokenSource();
        var cancellation = _loadCancellation.Token;
        State = TrendState.FromUri(new Uri(Navigation.Uri));
        _draft = State.Comparing ? null : State.Text;
        _loading = true;
        _error = null;
        try
        {
            var data = await Loader.LoadAsync(State, cancellation);
            if (cancellation.IsCancellationRequested)
            {
                return;
            }

            _data = data;
            _coverage = data.IsEmpty ? [] : TrendCharts.Coverage(data, Enrichment.CountryName);
            _tension = data.IsEmpty ? [] : TrendCharts.Tension(data, Enrichment.CountryName);
            _topics = data.IsEmpty ? [] : TrendCharts.TopicMix(data, Enrichment.TopicLabel);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // A newer view replaced this one.
        }
        catch (ArgumentException invalid)
        {
            _data = null;
            _error = $"The search could not be understood: {invalid.Message}";
        }
        finally
        {
            _loading = false;
        }
    }

    private string CoverageTitle(TrendsData data) => data.State.Comparing
        ? (data.State.Measure == TrendMeasure.Share ? "Share of all coverage per " : "Articles per ") + IntervalName + ", compared"
        : data.State.Measure == TrendMeasure.Share
        ? $"Share of coverage per {IntervalName} and country"
        : $"Articles per {IntervalName} and country";

    private static string FirstAndLast(TrendsData data) =>
        $"{TrendsFormat.BucketLabel(data.BucketStarts[0], data.Interval)} – {TrendsFormat.BucketLabel(data.BucketStarts[^1], data.Interval)}";

    /// <summary>Small multiples when asked for and there is more than one series to set side by side.</summary>
    private bool ShowMultiples(IReadOnlyList<ChartSeriesData> series) => View.Multiples && series.Count > 1;

    private Task NavigateAsync(TrendState next)
    {
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters("/trends", next.ToQueryParameters()));
        return Task.CompletedTask;
    }

    private Task AddToComparisonAsync()
    {
        var text = string.IsNullOrWhiteSpace(_draft) ? State.Text : _draft.Trim();
        if (string.IsNullOrWhiteSpace(text))
        {
            return Task.CompletedTask;
        }

        string[] next = [.. State.Compare.Append(text).Distinct(StringComparer.Ordinal).TakeLast(TrendState.MaxCompared)];
        return NavigateAsync(State with { Compare = next, Text = null });
    }

    private Task RemoveFromComparisonAsync(string text) =>
        NavigateAsync(State with { Compare = [.. State.Compare.Where(existing => existing != text)] });

    private Task OnQueryKeyDown(KeyboardEventArgs args) =>
        args.Key == "Enter" ? NavigateAsync(State with { Text = string.IsNullOrWhiteSpace(_draft) ? null : _draft.Trim() }) : Task.CompletedTask;

    private Task ClearTextAsync() => NavigateAsync(State with { Text = null });
}
