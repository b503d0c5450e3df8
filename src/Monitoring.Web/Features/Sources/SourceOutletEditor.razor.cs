using Microsoft.AspNetCore.Components;
using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;
using Monitoring.Core.Validation;
using Monitoring.Ingestion.Outlets;
using Monitoring.Ingestion.Sources;
using MudBlazor;

namespace Monitoring.Web.Features.Sources;

/// <summary>
/// Sets a source's country, kind and languages through <see cref="OutletCatalog.SetOutletAsync"/>, keeping its
/// outlet groups (the groups editor sets those). A new country or kind re-tags the source's articles.
/// </summary>
public sealed partial class SourceOutletEditor
{
    private int? _editing;
    private string? _country;
    private OutletKind? _kind;
    private string? _languages;
    private IReadOnlyList<FieldError> _errors = [];
    private bool _busy;

    [Parameter, EditorRequired]
    public FeedSource Source { get; set; } = null!;

    /// <summary>Raised with true once saved, false on cancel.</summary>
    [Parameter]
    public EventCallback<bool> OnDone { get; set; }

    [Inject]
    private OutletCatalog Outlets { get; set; } = null!;

    [Inject]
    private EnrichmentModel Enrichment { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    protected override void OnParametersSet()
    {
        if (_editing != Source.Id)
        {
            (_editing, _country, _kind, _languages, _errors) = (Source.Id, Source.Country, Source.Kind, string.Join(", ", Source.Languages), []);
        }
    }

    private string? ErrorOf(string field) => _errors.FirstOrDefault(error => error.Field == field)?.Message;

    private async Task SaveAsync()
    {
        _busy = true;
        try
        {
            var country = string.IsNullOrWhiteSpace(_country) ? null : _country.Trim();
            // Two letters are not yet a country: the gazetteer knows the codes (XK for Kosovo included).
            if (country is { Length: 2 } && country.All(char.IsAsciiLetter) && !Enrichment.CountryNames.ContainsKey(country.ToUpperInvariant()))
            {
                _errors = [new FieldError("country", $"'{country.ToUpperInvariant()}' is not a country code the gazetteer knows; use ISO 3166 alpha-2 such as \"RS\", or \"XK\" for Kosovo")];
                return;
            }

            var groups = (await Outlets.ListGroupsAsync()).Where(group => group.SourceIds.Contains(Source.Id)).Select(group => group.Id).ToList();
            var languages = (_languages ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            _errors = await Outlets.SetOutletAsync(Source.Id, new OutletEdit { Country = country, Kind = _kind, Languages = languages, GroupIds = groups });
            if (_errors.Count > 0)
            {
                return;
            }

            var retagged = country?.ToUpperInvariant() != Source.Country || _kind != Source.Kind;
            Snackbar.Add(
                retagged
                    ? $"Saved {Source.Name}. Its articles already indexed keep their old outlet data until the re-tag now queued has run on the worker; new articles get the new data."
                    : $"Saved {Source.Name}.",
                Severity.Success);
            await OnDone.InvokeAsync(true);
        }
        finally
        {
            _busy = false;
        }
    }
}
