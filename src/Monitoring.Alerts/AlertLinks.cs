using Monitoring.Core.Alerts;
using Monitoring.Core.Search;

namespace Monitoring.Alerts;

public static class AlertLinks
{
    /// <summary>The search page showing what the alert looks for, newest first.</summary>
    public static string SearchPath(Alert alert) =>
        "/search" + (ToSearchState(SavedQuery.FromJson(alert.QueryJson)) with { Sort = SearchSort.Newest }).ToQueryString(includePaging: false);

    /// <summary>The search page's state for what the alert looks for (its words and filters; no dates).</summary>
    public static SearchState ToSearchState(SavedQuery saved)
    {
        ArgumentNullException.ThrowIfNull(saved);
        return new SearchState
        {
            Text = saved.Text,
            Countries = saved.Countries,
            CountryMode = saved.CountryMode,
            Topics = saved.Topics,
            People = saved.People,
            Sources = saved.Sources,
            Languages = saved.Languages,
            OutletCountries = saved.OutletCountries,
            OutletKinds = saved.OutletKinds,
            OutletGroups = saved.OutletGroups,
            MinTension = saved.MinTension is { } min ? (int)Math.Floor(min) : null,
            MaxTension = saved.MaxTension is { } max ? (int)Math.Ceiling(max) : null,
            ExpandNames = saved.ExpandNames,
        };
    }
}
