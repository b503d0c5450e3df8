using Microsoft.AspNetCore.Components;
using Monitoring.Alerts;
using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;
using Monitoring.Core.Search;
using Monitoring.Core.Validation;
using Monitoring.Ingestion.Inbox;
using Monitoring.Ingestion.Outlets;
using Monitoring.Search;
using Monitoring.Web.Features.Account;
using Monitoring.Web.Features.Search;
using Monitoring.Web.Features.Trends;
using MudBlazor;

namespace Monitoring.Web.Features.Alerts;

/// <summary>
/// Creates an alert (at /alerts/new, from the search in its URL: the search page's parameters) or edits
/// one, with a preview of what it would have matched that follows every change.
/// </summary>
public sealed partial class AlertEditorPage : IDisposable
{
    private const string QuerySyntaxHelp = "The search page's syntax: Kosovo AND Serbia, \"exact phrase\", sanction*, NOT …";

    private readonly List<BreadcrumbItem> _breadcrumbs = [new("Alerts", "/alerts")];
    private AlertDraft? _draft;
    private bool _fromSearch;
    private IReadOnlyList<string> _notKept = [];
    private bool _notFound;
    private string? _loadError;
    private IReadOnlyList<FieldError> _errors = [];
    private InvalidQueryException? _saveInvalidQuery;
    private bool _saving;
    private AlertPreview? _preview;
    private bool _previewLoading;
    private InvalidQueryException? _previewInvalidQuery;
    private string? _previewError;
    private CancellationTokenSource? _previewRun;
    private SearchFacets _facets = SearchFacets.Empty;
    private bool _addingFilters;
    private OutletGroupNames _groupNames = OutletGroupNames.None;
    private IReadOnlyList<string> _outletCountries = [];

    /// <summary>The alert to edit; none for a new one.</summary>
    [Parameter]
    public Guid? Id { get; set; }

    [Inject]
    private AlertService Alerts { get; set; } = default!;

    [Inject]
    private AlertPreviewer Previewer { get; set; } = default!;

    [Inject]
    private CurrentUser User { get; set; } = default!;

    [Inject]
    private EnrichmentModel Enrichment { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private OutletCatalog Outlets { get; set; } = default!;

    private IReadOnlyList<(string Kind, string Value, string Label)> Filters =>
        _draft is null ? [] : AlertDescriptions.Filters(_draft.Query, Enrichment, _groupNames);

    /// <summary>The draft's filters as the search page's facet panel reads them.</summary>
    private SearchState FilterState => _draft is null ? SearchState.Default : AlertLinks.ToSearchState(_draft.Query);

    /// <summary>Every group, and a group the alert names that no longer exists (so that it shows, and can be taken out).</summary>
    private IEnumerable<(string Id, string Name)> GroupChoices =>
        _groupNames.Groups.Concat((_draft?.Query.OutletGroups ?? []).Where(id => !_groupNames.Knows(id)).Select(id => (id, _groupNames.Label(id))));

    /// <summary>The countries of the outlets in the sources store, and any the alert names besides, by name.</summary>
    private IEnumerable<string> CountryChoices =>
        _outletCountries.Union(_draft?.Query.OutletCountries ?? [], StringComparer.OrdinalIgnoreCase).OrderBy(Enrichment.CountryName, StringComparer.CurrentCulture);

    private int? MinTension => _draft?.Query.MinTension is { } min ? (int)Math.Floor(min) : null;

    private int? MaxTension => _draft?.Query.MaxTension is { } max ? (int)Math.Ceiling(max) : null;

    private IEnumerable<string> TimeZones =>
        _draft is null || TimeZoneChoices.Offered.Contains(_draft.TimeZone) ? TimeZoneChoices.Offered : [_draft.TimeZone, .. TimeZoneChoices.Offered];

    public void Dispose()
    {
        _previewRun?.Cancel();
        _previewRun?.Dispose();
    }

    protected override async Task OnParametersSetAsync()
    {
        _breadcrumbs.RemoveRange(1, _breadcrumbs.Count - 1);
        _breadcrumbs.Add(new(Id is null ? "New" : "Edit", null, disabled: true));
        await LoadOutletChoicesAsync();
        if (Id is { } id)
        {
            try
            {
                var alert = await Alerts.GetAsync(id, await User.GetNameAsync());
                _notFound = alert is null;
                _draft = alert is null ? null : AlertDraft.From(alert);
            }
            catch (Exception exception) when (exception is InvalidOperationException or System.Data.Common.DbException or System.Text.Json.JsonException)
            {
                _loadError = exception.Message;
            }
        }
        else
        {
            var search = SearchState.FromUri(Navigation.Uri);
            _draft = AlertDraft.FromSearch(search);
            _fromSearch = !search.Equals(SearchState.Default);
            _notKept = AlertDraft.NotKeptFrom(search);
        }

        if (_draft is not null)
        {
            await RefreshPreviewAsync();
        }
    }

    private bool HasError(string field) => _errors.Any(error => error.Field == field);

    private string? ErrorOf(string field) => _errors.FirstOrDefault(error => error.Field == field)?.Message;

    private Task ChangeQueryTextAsync(string? text)
    {
        _draft!.QueryText = text;
        _saveInvalidQuery = null;
        _errors = [.. _errors.Where(error => error.Field != AlertFields.Query)];
        return RefreshPreviewAsync();
    }

    private Task ChangeTimeZoneAsync(string zone)
    {
        _draft!.TimeZone = zone;
        return RefreshPreviewAsync();
    }

    private Task RemoveFilterAsync(string kind, string value)
    {
        _draft!.Query = AlertDescriptions.Without(_draft.Query, kind, value);
        return RefreshPreviewAsync();
    }

    private Task ToggleFilterAsync((string Field, string Value) facet)
    {
        var toggled = FilterState.Toggle(facet.Field, facet.Value);
        _draft!.Query = _draft.Query with
        {
            Countries = toggled.Countries,
            Topics = toggled.Topics,
            People = toggled.People,
            Sources = toggled.Sources,
            Languages = toggled.Languages,
            OutletCountries = toggled.OutletCountries,
            OutletKinds = toggled.OutletKinds,
            OutletGroups = toggled.OutletGroups,
        };
        return RefreshPreviewAsync();
    }

    private Task ChangeOutletGroupsAsync(IEnumerable<string?>? groups)
    {
        _draft!.Query = _draft.Query with { OutletGroups = Chosen(groups) };
        return RefreshPreviewAsync();
    }

    private Task ChangeOutletCountriesAsync(IEnumerable<string?>? countries)
    {
        _draft!.Query = _draft.Query with { OutletCountries = Chosen(countries) };
        return RefreshPreviewAsync();
    }

    private Task ChangeOutletKindsAsync(IEnumerable<string?>? kinds)
    {
        _draft!.Query = _draft.Query with { OutletKinds = Chosen(kinds) };
        return RefreshPreviewAsync();
    }

    private static string[] Chosen(IEnumerable<string?>? values) => [.. (values ?? []).OfType<string>().Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// The groups and outlet countries to choose from. When the sources store cannot be read the alert can still be
    /// edited: its groups then read "unknown group 3" and only the countries it names are offered.
    /// </summary>
    private async Task LoadOutletChoicesAsync()
    {
        try
        {
            _groupNames = await Outlets.GroupNamesAsync();
            _outletCountries = await Outlets.ListCountriesAsync();
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Data.Common.DbException or IOException)
        {
            (_groupNames, _outletCountries) = (OutletGroupNames.None, []);
        }
    }

    private Task ChangeCountryModeAsync(CountryMode mode)
    {
        _draft!.Query = _draft.Query with { CountryMode = mode };
        return RefreshPreviewAsync();
    }

    private Task ChangeMinTensionAsync(int? value)
    {
        _draft!.Query = _draft.Query with { MinTension = value };
        return RefreshPreviewAsync();
    }

    private Task ChangeMaxTensionAsync(int? value)
    {
        _draft!.Query = _draft.Query with { MaxTension = value };
        return RefreshPreviewAsync();
    }

    private async Task RefreshPreviewAsync()
    {
        if (_draft is null)
        {
            return;
        }

        // A newer change supersedes a preview still running.
        _previewRun?.Cancel();
        _previewRun?.Dispose();
        var run = _previewRun = new CancellationTokenSource();
        _previewLoading = true;
        _previewInvalidQuery = null;
        _previewError = null;
        try
        {
            _preview = await Previewer.PreviewAsync(_draft.Query, _draft.TimeZone, run.Token);
            _facets = _preview.Facets;
        }
        catch (InvalidQueryException invalid)
        {
            _preview = null;
            _previewInvalidQuery = invalid;
        }
        catch (ArgumentException invalid)
        {
            _preview = null;
            _previewError = invalid.Message;
        }
        catch (OperationCanceledException) when (run.IsCancellationRequested)
        {
            return;
        }

        _previewLoading = false;
    }

    private async Task SaveAsync()
    {
        _saving = true;
        try
        {
            var result = await Alerts.SaveAsync(_draft!, await User.GetNameAsync());
            _errors = result.Errors;
            _saveInvalidQuery = result.InvalidQuery;
            if (result.Succeeded)
            {
                Snackbar.Add(Id is null ? $"Alert “{result.Alert!.Name}” created." : $"Alert “{result.Alert!.Name}” saved.", Severity.Success);
                Navigation.NavigateTo("/alerts");
            }
        }
        finally
        {
            _saving = false;
        }
    }
}
