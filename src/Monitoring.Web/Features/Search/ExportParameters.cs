using System.Globalization;
using Microsoft.Extensions.Primitives;
using Monitoring.Core.Articles;
using Monitoring.Core.Search;

namespace Monitoring.Web.Features.Search;

/// <summary>
/// What is wrong with the URL parameters of an export request, parameter by parameter. The search page reads
/// a malformed value as its default (a hand-edited link still opens), but an export that silently dropped a
/// filter would hand over a file of the wrong articles: there the request is refused, naming the parameter.
/// </summary>
public static class ExportParameters
{
    /// <summary>Each malformed parameter with why, in the order of <see cref="SearchState.Keys"/>; empty when all are usable.</summary>
    /// <param name="parameters">The request's query parameters.</param>
    /// <param name="groups">The outlet groups there are: an <c>outlet_group</c> naming none would export nothing, silently.</param>
    public static IReadOnlyList<(string Parameter, string Problem)> Problems(IEnumerable<KeyValuePair<string, StringValues>> parameters, OutletGroupNames groups)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(groups);
        var values = parameters.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.OrdinalIgnoreCase);
        string? One(string key) => values.TryGetValue(key, out var value) && !StringValues.IsNullOrEmpty(value) && !string.IsNullOrWhiteSpace(value[^1]) ? value[^1]!.Trim() : null;
        var problems = new List<(string, string)>();

        IEnumerable<string> Many(string key) => values.TryGetValue(key, out var value)
            ? value.Where(item => !string.IsNullOrWhiteSpace(item)).Select(item => item!.Trim()).Distinct(StringComparer.Ordinal)
            : [];

        CheckCountries(Many(SearchState.Keys.Country), SearchState.Keys.Country, problems);
        CheckEnum<CountryMode>(One(SearchState.Keys.CountryMode), SearchState.Keys.CountryMode, problems);
        CheckCountries(Many(SearchState.Keys.OutletCountry), SearchState.Keys.OutletCountry, problems);
        foreach (var kind in Many(SearchState.Keys.OutletKind).Where(kind => !OutletKinds.All.Any(known => string.Equals(known.Key(), kind, StringComparison.OrdinalIgnoreCase))))
        {
            problems.Add((SearchState.Keys.OutletKind, $"'{kind}' is not an outlet kind; use one of {string.Join(", ", OutletKinds.All.Select(known => known.Key()))}"));
        }

        foreach (var group in Many(SearchState.Keys.OutletGroup))
        {
            if (!group.All(char.IsAsciiDigit))
            {
                problems.Add((SearchState.Keys.OutletGroup, $"'{group}' is not an outlet group id; groups are named by number (the search page's links carry them)"));
            }
            else if (!groups.Knows(group))
            {
                problems.Add((SearchState.Keys.OutletGroup, $"there is no outlet group {group} (deleted since, or a link from another installation)"));
            }
        }

        var from = CheckDate(One(SearchState.Keys.From), SearchState.Keys.From, problems);
        var to = CheckDate(One(SearchState.Keys.To), SearchState.Keys.To, problems);
        if (from > to)
        {
            problems.Add((SearchState.Keys.To, $"{to:yyyy-MM-dd} is before from ({from:yyyy-MM-dd})"));
        }

        if (One(SearchState.Keys.TimeZone) is { } zone && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            problems.Add((SearchState.Keys.TimeZone, $"unknown time zone '{zone}'; use an IANA id such as {ArticleQuery.DefaultTimeZone}"));
        }

        CheckEnum<DateBasis>(One(SearchState.Keys.DateBasis), SearchState.Keys.DateBasis, problems);
        var min = CheckTension(One(SearchState.Keys.MinTension), SearchState.Keys.MinTension, problems);
        var max = CheckTension(One(SearchState.Keys.MaxTension), SearchState.Keys.MaxTension, problems);
        if (min > max)
        {
            problems.Add((SearchState.Keys.MaxTension, $"{max} is below tmin ({min})"));
        }

        CheckEnum<SearchSort>(One(SearchState.Keys.Sort), SearchState.Keys.Sort, problems);
        if (One(SearchState.Keys.Names) is { } names && !string.Equals(names, SearchState.ExactNames, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add((SearchState.Keys.Names, $"'{names}' is not a names setting; names={SearchState.ExactNames} searches names only as typed, leave it out for other names too"));
        }

        return problems;
    }

    private static void CheckCountries(IEnumerable<string> codes, string parameter, List<(string, string)> problems)
    {
        foreach (var code in codes.Where(code => code.Length != 2 || !code.All(char.IsAsciiLetterUpper)))
        {
            problems.Add((parameter, $"'{code}' is not an ISO 3166 alpha-2 code such as RS or XK"));
        }
    }

    private static DateOnly? CheckDate(string? value, string parameter, List<(string, string)> problems)
    {
        if (value is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        problems.Add((parameter, $"'{value}' is not a date; write it as yyyy-MM-dd"));
        return null;
    }

    private static int? CheckTension(string? value, string parameter, List<(string, string)> problems)
    {
        if (value is null)
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var tension) && tension <= 100)
        {
            return tension;
        }

        problems.Add((parameter, $"'{value}' is not a whole number from 0 to 100"));
        return null;
    }

    private static void CheckEnum<TEnum>(string? value, string parameter, List<(string, string)> problems)
        where TEnum : struct, Enum
    {
        if (value is null || (!int.TryParse(value, CultureInfo.InvariantCulture, out _) && Enum.TryParse<TEnum>(value, ignoreCase: true, out _)))
        {
            return;
        }

        var allowed = string.Join(", ", Enum.GetNames<TEnum>().Select(name => name.ToLowerInvariant()));
        problems.Add((parameter, $"'{value}' is not one of {allowed}"));
    }
}
