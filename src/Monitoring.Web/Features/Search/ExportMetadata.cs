using System.Globalization;
using Monitoring.Core.Articles;
using Monitoring.Core.Search;

namespace Monitoring.Web.Features.Search;

/// <summary>What an export was asked for, written at the top of the file so it explains itself later.</summary>
internal static class ExportMetadata
{
    /// <summary>Every key is always present (empty when unset), in a fixed order documented in docs/search.md.</summary>
    /// <param name="groups">Names for the outlet group ids, written beside them: ids outlive renames, names read.</param>
    public static IReadOnlyList<(string Key, string Value)> Describe(SearchState state, DateTimeOffset exportedAt, OutletGroupNames groups) =>
    [
        ("exported_at", exportedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
        ("query", state.Text ?? ""),
        ("countries", string.Join(' ', state.Countries)),
        ("country_mode", state.CountryMode.ToString().ToLowerInvariant()),
        ("topics", string.Join(' ', state.Topics)),
        ("people", string.Join("; ", state.People)),
        ("sources", string.Join("; ", state.Sources)),
        ("languages", string.Join(' ', state.Languages)),
        ("outlet_countries", string.Join(' ', state.OutletCountries)),
        ("outlet_kinds", string.Join(' ', state.OutletKinds.Select(kind => kind.ToLowerInvariant()))),
        ("outlet_groups", string.Join("; ", state.OutletGroups.Select(id => $"{id} ({groups.Label(id)})"))),
        ("from", Day(state.From)),
        ("to", Day(state.To)),
        ("date_basis", state.DateBasis.ToString().ToLowerInvariant()),
        ("time_zone", state.TimeZone),
        ("tension_min", state.MinTension?.ToString(CultureInfo.InvariantCulture) ?? ""),
        ("tension_max", state.MaxTension?.ToString(CultureInfo.InvariantCulture) ?? ""),
        ("story", state.Story?.Value ?? ""),
        ("sort", state.Sort.ToString().ToLowerInvariant()),
        ("names", state.ExpandNames ? "expand" : SearchState.ExactNames),
    ];

    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
