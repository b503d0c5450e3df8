using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Monitoring.Core.Search;

namespace Monitoring.Web.Features.Trends;

public enum TrendMeasure
{
    /// <summary>Articles per bucket.</summary>
    Count,

    /// <summary>A series' articles as a share of all matching articles in the bucket.</summary>
    Share,
}

public enum TrendLayout
{
    /// <summary>One line per series.</summary>
    Lines,

    /// <summary>Series stacked as areas.</summary>
    Stacked,
}

/// <summary>
/// Everything the trends page shows, as it is written in its URL so that a link reproduces the view.
/// Defaults are left out of the URL.
/// </summary>
public sealed record TrendState
{
    public const int MaxCompared = 4;

    /// <summary>The URL parameter of <see cref="CompareGroups"/>, repeated: <c>cmpgroup=3&amp;cmpgroup=7</c>.</summary>
    public const string CompareGroupKey = "cmpgroup";

    /// <summary>Query text (analyst syntax); null charts everything.</summary>
    public string? Text { get; init; }

    /// <summary>
    /// The length of a bucket; null (the default, no <c>interval</c> in the URL) lets the data choose
    /// (<see cref="IntervalChoice"/>). The loader's data always carries the interval it drew.
    /// </summary>
    public DateInterval? Interval { get; init; }

    /// <summary>The interval drawn: <see cref="Interval"/>, or months where it is still to be chosen.</summary>
    public DateInterval IntervalOrDefault => Interval ?? DateInterval.Month;

    public TrendMeasure Measure { get; init; } = TrendMeasure.Count;

    public TrendLayout Layout { get; init; } = TrendLayout.Lines;

    /// <summary>
    /// Small multiples: the coverage and the tension index drawn as one small chart per series (country or compared
    /// search) on shared axes, instead of every series on one chart.
    /// </summary>
    public bool Multiples { get; init; }

    /// <summary>Most buckets a rolling mean spans.</summary>
    public const int MaxRolling = 12;

    /// <summary>
    /// Each point as the mean of the last this-many buckets (itself included), 1 for none (the default): sums of
    /// articles over the window, so that a share or an index is that of the window's articles (TrendCharts).
    /// </summary>
    public int Rolling { get; init; } = 1;

    /// <summary>IANA id; buckets and the date range are calendar days in this zone.</summary>
    public string TimeZone { get; init; } = ArticleQuery.DefaultTimeZone;

    public DateBasis Basis { get; init; } = DateBasis.Published;

    public CountryMode CountryMode { get; init; } = CountryMode.Mentioned;

    /// <summary>First day charted (inclusive); null = from the first matching article.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Last day charted (inclusive); null = to the last matching article.</summary>
    public DateOnly? To { get; init; }

    /// <summary>First day of the tension index's base period; null = the first bucket charted.</summary>
    public DateOnly? BaseFrom { get; init; }

    /// <summary>Last day of the tension index's base period; null = the last bucket charted.</summary>
    public DateOnly? BaseTo { get; init; }

    /// <summary>Saved queries compared side by side, at most <see cref="MaxCompared"/>; empty = per-country view.</summary>
    public IReadOnlyList<string> Compare { get; init; } = [];

    /// <summary>Compared queries drive the charts: not while comparing outlet groups, which wins.</summary>
    public bool Comparing => Compare.Count > 0 && !ComparingGroups;

    /// <summary>Outlet group ids (<c>outlet_group</c>, as on the search page): only articles whose outlet is in any of them.</summary>
    public IReadOnlyList<string> OutletGroups { get; init; } = [];

    /// <summary>Outlet countries (<c>outlet_country</c>): where the publisher is based, not what the article is about.</summary>
    public IReadOnlyList<string> OutletCountries { get; init; } = [];

    /// <summary>Outlet kinds (<c>outlet_kind</c>) as <c>OutletKinds.Key</c> values.</summary>
    public IReadOnlyList<string> OutletKinds { get; init; } = [];

    /// <summary>
    /// Outlet group ids compared side by side for the one search <see cref="Text"/> (<c>cmpgroup</c>), at most
    /// <see cref="MaxCompared"/>; empty = no group comparison. While comparing groups they are the outlet-group
    /// filter (<see cref="OutletGroups"/> is set aside) and compared queries are not drawn.
    /// </summary>
    public IReadOnlyList<string> CompareGroups { get; init; } = [];

    public bool ComparingGroups => CompareGroups.Count > 0;

    /// <summary>The outlet-group filter in force: the compared groups while comparing them, else <see cref="OutletGroups"/>.</summary>
    public IReadOnlyList<string> GroupFilter => ComparingGroups ? CompareGroups : OutletGroups;

    /// <summary>Whether any outlet filter narrows the view.</summary>
    public bool FiltersOutlets => GroupFilter.Count + OutletCountries.Count + OutletKinds.Count > 0;

    /// <summary>The search filter behind every chart of this view, for <paramref name="text"/>.</summary>
    public ArticleQuery Filter(string? text) => new()
    {
        Text = text,
        From = From,
        To = To,
        DateBasis = Basis,
        TimeZone = TimeZone,
        CountryMode = CountryMode,
        OutletGroups = GroupFilter,
        OutletCountries = OutletCountries,
        OutletKinds = OutletKinds,
        Take = 0,
    };

    /// <summary>Reads the state from a URL's query string; unknown or malformed values fall back to their defaults.</summary>
    public static TrendState FromUri(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var query = QueryHelpers.ParseQuery(uri.Query);
        string? One(string key) => query.TryGetValue(key, out var values) && !string.IsNullOrWhiteSpace(values[^1]) ? values[^1] : null;
        TEnum Enum<TEnum>(string key, TEnum fallback)
            where TEnum : struct, Enum =>
            System.Enum.TryParse<TEnum>(One(key), ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed) ? parsed : fallback;
        DateOnly? Date(string key) =>
            DateOnly.TryParseExact(One(key), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

        // Absent lists are the one empty array, so that states read from equal URLs compare equal.
        IReadOnlyList<string> Many(string key, Func<string, string>? normalise = null, int max = int.MaxValue)
        {
            var found = query.TryGetValue(key, out var values)
                ? values.Where(value => !string.IsNullOrWhiteSpace(value)).Select(value => (normalise ?? (text => text))(value!.Trim())).Distinct(StringComparer.Ordinal).Take(max).ToArray()
                : [];
            return found.Length == 0 ? [] : found;
        }

        var timeZone = One("tz") ?? ArticleQuery.DefaultTimeZone;
        return new TrendState
        {
            Text = One("q"),
            Interval = System.Enum.TryParse<DateInterval>(One("interval"), ignoreCase: true, out var interval) && System.Enum.IsDefined(interval) ? interval : null,
            Measure = Enum("measure", TrendMeasure.Count),
            Layout = Enum("layout", TrendLayout.Lines),
            TimeZone = TimeZoneChoices.IsKnown(timeZone) ? timeZone : ArticleQuery.DefaultTimeZone,
            Basis = Enum("basis", DateBasis.Published),
            CountryMode = Enum("mode", CountryMode.Mentioned),
            From = Date("from"),
            To = Date("to"),
            Multiples = One("multiples") == "yes",
            Rolling = int.TryParse(One("avg"), NumberStyles.None, CultureInfo.InvariantCulture, out var rolling) && rolling is > 1 and <= MaxRolling ? rolling : 1,
            BaseFrom = Date("bfrom"),
            BaseTo = Date("bto"),
            Compare = query.TryGetValue("cmp", out var compared)
                ? [.. compared.Where(text => !string.IsNullOrWhiteSpace(text)).Select(text => text!).Distinct(StringComparer.Ordinal).Take(MaxCompared)]
                : [],
            OutletGroups = Many(SearchState.Keys.OutletGroup),
            OutletCountries = Many(SearchState.Keys.OutletCountry, code => code.ToUpperInvariant()),
            OutletKinds = Many(SearchState.Keys.OutletKind, kind => kind.ToLowerInvariant()),
            CompareGroups = Many(CompareGroupKey, max: MaxCompared),
        };
    }

    /// <summary>The URL query parameters of this state, defaults as null (left out), for <c>NavigationManager.GetUriWithQueryParameters</c>.</summary>
    public IReadOnlyDictionary<string, object?> ToQueryParameters() => new Dictionary<string, object?>(StringComparer.Ordinal)
    {
        ["q"] = string.IsNullOrWhiteSpace(Text) ? null : Text,
        ["interval"] = Interval is { } interval ? Lower(interval) : null,
        ["measure"] = Measure == TrendMeasure.Count ? null : Lower(Measure),
        ["layout"] = Layout == TrendLayout.Lines ? null : Lower(Layout),
        ["tz"] = TimeZone == ArticleQuery.DefaultTimeZone ? null : TimeZone,
        ["basis"] = Basis == DateBasis.Published ? null : Lower(Basis),
        ["mode"] = CountryMode == CountryMode.Mentioned ? null : Lower(CountryMode),
        ["from"] = Day(From),
        ["to"] = Day(To),
        ["multiples"] = Multiples ? "yes" : null,
        ["avg"] = Rolling > 1 ? Rolling.ToString(CultureInfo.InvariantCulture) : null,
        ["bfrom"] = Day(BaseFrom),
        ["bto"] = Day(BaseTo),
        ["cmp"] = Compare.Count == 0 ? null : Compare.ToArray(),
        [SearchState.Keys.OutletGroup] = OutletGroups.Count == 0 ? null : OutletGroups.ToArray(),
        [SearchState.Keys.OutletCountry] = OutletCountries.Count == 0 ? null : OutletCountries.ToArray(),
        [SearchState.Keys.OutletKind] = OutletKinds.Count == 0 ? null : OutletKinds.ToArray(),
        [CompareGroupKey] = CompareGroups.Count == 0 ? null : CompareGroups.ToArray(),
    };

    /// <summary>The query string of this state (without "?"), as the CSV endpoints take it.</summary>
    public string ToQueryString()
    {
        var parts = new List<string>();
        foreach (var (key, value) in ToQueryParameters())
        {
            switch (value)
            {
                case string text:
                    parts.Add(key + "=" + Uri.EscapeDataString(text));
                    break;
                case string[] texts:
                    parts.AddRange(texts.Select(text => key + "=" + Uri.EscapeDataString(text)));
                    break;
            }
        }

        return string.Join('&', parts);
    }

    internal static string? Day(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static string Lower<TEnum>(TEnum value)
        where TEnum : struct, Enum => value.ToString().ToLowerInvariant();
}
